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
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.hozon.dicomweb.multipart.MultipartReader;
import org.hozon.dicomweb.multipart.Part;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RangeMultipartTest {
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
        RangeMultipart body = RangeMultipart.asStored(instances, "b0undary");
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
    void givesEachWholeFileToTheTransferAsOneRange() throws IOException {
        byte[] a = bytes(4, 5000);
        RangeMultipart body = RangeMultipart.asStored(List.of(instance("a", a, EVRLE)), "x");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Long> sizes = new ArrayList<>();
        body.writeTo(out, (file, offset, length) -> {
            sizes.add(file.size());
            sizes.add(offset);
            sizes.add(length);
            FileTransfer.copying(out).transfer(file, offset, length);
        });
        assertEquals(List.of(5000L, 0L, 5000L), sizes);
        assertEquals(body.length(), out.size());
    }

    @Test
    void refusesAFileWhoseSizeIsNotTheIndexedOne() throws IOException {
        byte[] a = bytes(5, 100);
        StoredInstance indexed = instance("a", a, EVRLE);
        Files.write(indexed.file(), bytes(6, 99)); // changed behind the index's back
        RangeMultipart body = RangeMultipart.asStored(List.of(indexed), "x");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IOException e = assertThrows(IOException.class, () -> body.writeTo(out, FileTransfer.copying(out)));
        assertTrue(e.getMessage().contains("the index says 100"), e.getMessage());
    }

    @Test
    void carriesFramesAsTheirRangesInTheAskedOrder() throws IOException {
        byte[] file = bytes(7, 3000);
        StoredInstance instance = instance("f", file, EVRLE);
        PixelData.Frame first = new PixelData.Frame(List.of(new PixelData.Segment(1000, 1000)));
        PixelData.Frame last = new PixelData.Frame(List.of(new PixelData.Segment(2000, 600),
                new PixelData.Segment(2600, 400))); // two fragments, the second ending the file
        RangeMultipart body = RangeMultipart.frames(instance, List.of(last, first),
                "application/octet-stream", "application/octet-stream;transfer-syntax=" + EVRLE, "fr");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writeTo(out, FileTransfer.copying(out));
        assertEquals(body.length(), out.size());
        assertEquals("multipart/related;type=\"application/octet-stream\";boundary=fr",
                body.contentType().replace(" ", ""));
        List<byte[]> parts = new ArrayList<>();
        try (MultipartReader reader = MultipartReader.forContentType(new ByteArrayInputStream(out.toByteArray()),
                body.contentType())) {
            for (Part p = reader.nextPart(); p != null; p = reader.nextPart()) {
                assertEquals("application/octet-stream;transfer-syntax=" + EVRLE, p.headers().get("Content-Type"));
                parts.add(p.body().readAllBytes());
            }
        }
        assertEquals(2, parts.size());
        assertArrayEquals(Arrays.copyOfRange(file, 2000, 3000), parts.get(0));
        assertArrayEquals(Arrays.copyOfRange(file, 1000, 2000), parts.get(1));
    }

    @Test
    void aRangeBeyondTheFileFails() throws IOException {
        StoredInstance instance = instance("g", bytes(8, 100), EVRLE);
        RangeMultipart body = RangeMultipart.frames(instance, List.of(new PixelData.Frame(List.of(
                new PixelData.Segment(50, 100)))), "application/octet-stream", "application/octet-stream", "x");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThrows(IOException.class, () -> body.writeTo(out, FileTransfer.copying(out)));
    }

    @Test
    void anEmptyListIsJustTheCloseDelimiter() throws IOException {
        RangeMultipart body = RangeMultipart.asStored(List.of(), "x");
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
