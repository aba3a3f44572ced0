package org.hozon.dicomweb.multipart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartWriterTest {

    @Test
    void writesExactRfc2046Layout() throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        MultipartWriter w = new MultipartWriter(bos, "XyZ");
        w.writePart(PartHeaders.of("Content-Type", "application/dicom; transfer-syntax=1.2.840.10008.1.2.1",
                "Content-Location", "/studies/1/series/2/instances/3"), new ByteArrayInputStream(Bodies.ascii("AB")));
        try (OutputStream os = w.openPart(PartHeaders.of("Content-Type", "application/octet-stream",
                "Content-Length", "3"))) {
            os.write(Bodies.ascii("CDE"));
        }
        w.finish();
        w.finish(); // idempotent
        assertEquals("--XyZ\r\n"
                + "Content-Type: application/dicom; transfer-syntax=1.2.840.10008.1.2.1\r\n"
                + "Content-Location: /studies/1/series/2/instances/3\r\n"
                + "\r\nAB\r\n"
                + "--XyZ\r\nContent-Type: application/octet-stream\r\nContent-Length: 3\r\n\r\nCDE\r\n"
                + "--XyZ--\r\n", Bodies.text(bos.toByteArray()));
        assertEquals(2, w.partCount());
    }

    @Test
    void noPartsGivesOnlyTheCloseDelimiter() throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        new MultipartWriter(bos, "b").finish();
        assertEquals("--b--\r\n", Bodies.text(bos.toByteArray()));
    }

    @Test
    void contentTypeOfTheWholeBody() {
        MultipartWriter w = new MultipartWriter(new ByteArrayOutputStream(), "abc123");
        assertEquals("multipart/related; type=\"application/dicom\"; boundary=abc123", w.contentType("application/dicom"));
        assertEquals("multipart/related; type=\"application/octet-stream\"; boundary=abc123",
                w.contentType("application/octet-stream"));
    }

    @Test
    void randomBoundariesDifferAndRoundTrip() throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        MultipartWriter w = new MultipartWriter(bos);
        assertNotEquals(w.boundary(), MultipartWriter.randomBoundary());
        assertEquals(40, w.boundary().length());
        w.writePart(PartHeaders.of("Content-Type", "application/dicom+json"), Bodies.ascii("[]"));
        w.close();
        List<Bodies.ReadPart> parts = Bodies.readAll(MultipartReader.forContentType(
                new ByteArrayInputStream(bos.toByteArray()), w.contentType("application/dicom+json")));
        assertEquals("[]", parts.get(0).bodyText());
    }

    @Test
    void partStreamEndsWhenTheNextPartStarts() throws IOException {
        MultipartWriter w = new MultipartWriter(new ByteArrayOutputStream(), "b");
        OutputStream first = w.openPart(PartHeaders.empty());
        first.write(1);
        w.openPart(PartHeaders.empty());
        assertThrows(IOException.class, () -> first.write(2));
        w.finish();
        assertThrows(IllegalStateException.class, () -> w.openPart(PartHeaders.empty()));
    }

    @Test
    void refusesBadBoundariesAndHeaderInjection() {
        OutputStream out = new ByteArrayOutputStream();
        assertThrows(IllegalArgumentException.class, () -> new MultipartWriter(out, ""));
        assertThrows(IllegalArgumentException.class, () -> new MultipartWriter(out, "x".repeat(71)));
        assertThrows(IllegalArgumentException.class, () -> new MultipartWriter(out, "ends-with-space "));
        assertThrows(IllegalArgumentException.class, () -> new MultipartWriter(out, "semi;colon"));
        assertThrows(IllegalArgumentException.class, () -> PartHeaders.of("X", "a\r\nInjected: 1"));
        assertThrows(IllegalArgumentException.class, () -> PartHeaders.of("Bad Name", "v"));
        assertThrows(IllegalArgumentException.class, () -> PartHeaders.of("odd"));
    }

    @Test
    void partHeadersAreCaseInsensitiveAndKeepRepeats() {
        PartHeaders h = PartHeaders.of("Content-Type", "a/b", "X-Note", "1", "x-note", "2");
        assertEquals("a/b", h.get("content-type"));
        assertEquals(List.of("1", "2"), h.getAll("X-NOTE"));
        assertEquals(3, h.size());
        assertTrue(h.toString().contains("X-Note"));
    }
}
