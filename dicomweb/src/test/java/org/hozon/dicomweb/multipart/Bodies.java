package org.hozon.dicomweb.multipart;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: build bodies from text, and read every part of a body. */
final class Bodies {
    private Bodies() {
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** A part as read: headers and body bytes. */
    record ReadPart(PartHeaders headers, byte[] body) {
        String bodyText() {
            return text(body);
        }
    }

    static List<ReadPart> readAll(byte[] body, String boundary) throws IOException {
        return readAll(new MultipartReader(new ByteArrayInputStream(body), boundary));
    }

    static List<ReadPart> readAll(MultipartReader reader) throws IOException {
        List<ReadPart> parts = new ArrayList<>();
        for (Part p; (p = reader.nextPart()) != null; ) {
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            p.body().transferTo(bos);
            parts.add(new ReadPart(p.headers(), bos.toByteArray()));
        }
        return parts;
    }

    /** Reads a part body with read(byte[]) calls of a given size. */
    static byte[] readInChunks(InputStream in, int chunk) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        byte[] b = new byte[chunk];
        for (int n; (n = in.read(b, 0, chunk)) >= 0; ) {
            bos.write(b, 0, n);
        }
        return bos.toByteArray();
    }

    /** Reads a part body one byte at a time. */
    static byte[] readBytewise(InputStream in) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        for (int c; (c = in.read()) >= 0; ) {
            bos.write(c);
        }
        return bos.toByteArray();
    }

    /** Writes a body with the writer under test. */
    static byte[] write(String boundary, List<byte[]> bodies) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        MultipartWriter w = new MultipartWriter(bos, boundary);
        for (int i = 0; i < bodies.size(); i++) {
            w.writePart(PartHeaders.of("Content-Type", "application/octet-stream", "Content-Location", "/p/" + i),
                    bodies.get(i));
        }
        w.finish();
        return bos.toByteArray();
    }
}
