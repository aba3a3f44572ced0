package org.hozon.retrieve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.hozon.dicomweb.multipart.MultipartReader;
import org.hozon.dicomweb.multipart.Part;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsStoredMultipartTest {
    private static final String EVRLE = "1.2.840.10008.1.2.1";
    private static final String JPEG_LS = "1.2.840.10008.1.2.4.80";

    @TempDir
    Path dir;

    @Test
    void announcesItsExactLengthAndCarriesTheStoredBytes() throws IOException {
        byte[] a = bytes(1, 700_000); // larger than the copy buffer: several reads
        byte[] b = bytes(2, 0);
        byte[] c = bytes(3, 1234);
        List<StoredInstance> instances = List.of(instance("a", a, EVRLE), instance("b", b, EVRLE),
                instance("c", c, JPEG_LS));
        AsStoredMultipart body = AsStoredMultipart.of(instances, "b0undary");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writeTo(out, FileTransfer.copying(out));

        assertEquals(body.length(), out.size());
        assertEquals("multipart/related;type=\"application/dicom\";boundary=b0undary",
                body.contentType().replace(" ", ""));
        List<String> types = new ArrayList<>();
        List<byte[]> parts = new ArrayList<>();
        try (MultipartReader reader = MultipartReader.forContentType(new ByteArrayInputStream(out.toByteArray()),
                body.contentType())) {
            for (Part p = reader.nextPart(); p != null; p = reader.nextPart()) {
                types.add(p.headers().get("Content-Type"));
                parts.add(p.body().readAllBytes());
            }
            assertNull(reader.nextPart());
        }
        assertEquals(3, parts.size());
        assertArrayEquals(a, parts.get(0));
        assertArrayEquals(b, parts.get(1));
        assertArrayEquals(c, parts.get(2));
        assertEquals(List.of("application/dicom;transfer-syntax=" + EVRLE, "application/dicom;transfer-syntax="
                + EVRLE, "application/dicom;transfer-syntax=" + JPEG_LS), types);
    }

    @Test
    void givesEachFileToTheTransferWhole() throws IOException {
        byte[] a = bytes(4, 5000);
        AsStoredMultipart body = AsStoredMultipart.of(List.of(instance("a", a, EVRLE)), "x");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Long> sizes = new ArrayList<>();
        body.writeTo(out, file -> {
            sizes.add(file.size());
            FileTransfer.copying(out).transfer(file);
        });
        assertEquals(List.of(5000L), sizes);
        assertEquals(body.length(), out.size());
    }

    @Test
    void refusesAFileWhoseSizeIsNotTheIndexedOne() throws IOException {
        byte[] a = bytes(5, 100);
        StoredInstance indexed = instance("a", a, EVRLE);
        Files.write(indexed.file(), bytes(6, 99)); // changed behind the index's back
        AsStoredMultipart body = AsStoredMultipart.of(List.of(indexed), "x");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IOException e = assertThrows(IOException.class, () -> body.writeTo(out, FileTransfer.copying(out)));
        assertTrue(e.getMessage().contains("the index says 100"), e.getMessage());
    }

    @Test
    void anEmptyListIsJustTheCloseDelimiter() throws IOException {
        AsStoredMultipart body = AsStoredMultipart.of(List.of(), "x");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writeTo(out, FileTransfer.copying(out));
        assertEquals("--x--\r\n", out.toString(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(out.size(), body.length());
    }

    private StoredInstance instance(String name, byte[] content, String ts) throws IOException {
        Path file = dir.resolve(name + ".dcm");
        Files.write(file, content);
        return new StoredInstance("1.2", "1.2.3", "1.2.3." + name, "1.2.840.10008.5.1.4.1.1.2", ts, file,
                content.length, null, null, null);
    }

    private static byte[] bytes(long seed, int n) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }
}
