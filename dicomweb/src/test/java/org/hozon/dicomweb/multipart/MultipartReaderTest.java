package org.hozon.dicomweb.multipart;

import static org.hozon.dicomweb.multipart.Bodies.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading bodies written by others: RFC examples, line-ending variants, padding, headers. */
class MultipartReaderTest {

    @Test
    void rfc2046Example() throws IOException {
        String body = String.join("\r\n",
                "This is the preamble.  It is to be ignored, though it",
                "is a handy place for composition agents to include an",
                "explanatory note to non-MIME conformant readers.",
                "",
                "--simple boundary",
                "",
                "This is implicitly typed plain US-ASCII text.",
                "It does NOT end with a linebreak.",
                "--simple boundary",
                "Content-type: text/plain; charset=us-ascii",
                "",
                "This is explicitly typed plain US-ASCII text.",
                "It DOES end with a linebreak.",
                "",
                "--simple boundary--",
                "",
                "This is the epilogue.  It is also to be ignored.", "");
        MultipartContentType ct = MultipartContentType.parse("multipart/mixed; boundary=\"simple boundary\"");
        List<Bodies.ReadPart> parts = Bodies.readAll(ascii(body), ct.boundary());
        assertEquals(2, parts.size());
        assertEquals(0, parts.get(0).headers().size());
        assertEquals("This is implicitly typed plain US-ASCII text.\r\nIt does NOT end with a linebreak.",
                parts.get(0).bodyText());
        assertEquals("text/plain; charset=us-ascii", parts.get(1).headers().get("content-type"));
        assertEquals("This is explicitly typed plain US-ASCII text.\r\nIt DOES end with a linebreak.\r\n",
                parts.get(1).bodyText());
    }

    @Test
    void rfc2387ExampleWithStartAndType() throws IOException {
        MultipartContentType ct = MultipartContentType.parse("Multipart/Related; boundary=example-1;\r\n"
                + "        start=\"<950120.aaCC@XIson.com>\";\r\n        type=\"Application/X-FixedRecord\";\r\n"
                + "        start-info=\"-o ps\"");
        assertEquals("example-1", ct.boundary());
        assertEquals("<950120.aaCC@XIson.com>", ct.start());
        assertEquals("Application/X-FixedRecord", ct.type());
        assertEquals("-o ps", ct.startInfo());
        String body = String.join("\r\n",
                "--example-1",
                "Content-Type: Application/X-FixedRecord",
                "Content-ID: <950120.aaCC@XIson.com>",
                "",
                "25", "10", "34", "10", "25", "21", "26", "10",
                "--example-1",
                "Content-Type: Application/octet-stream",
                "Content-Description: The fixed length records",
                "Content-Transfer-Encoding: base64",
                "Content-ID: <950120.aaCB@XIson.com>",
                "",
                "T2xkIE1hY0RvbmFsZCBoYWQgYSBmYXJtCkUgSS",
                "",
                "--example-1--", "");
        MultipartReader r = MultipartReader.forContentType(new ByteArrayInputStream(ascii(body)),
                ct.mediaType().toString());
        Part root = r.nextPart();
        assertEquals("<950120.aaCC@XIson.com>", root.contentId());
        assertEquals("application/x-fixedrecord", root.contentType().essence());
        assertEquals("25\r\n10\r\n34\r\n10\r\n25\r\n21\r\n26\r\n10", Bodies.text(root.body().readAllBytes()));
        Part second = r.nextPart();
        assertEquals("base64", second.headers().get("CONTENT-TRANSFER-ENCODING"));
        assertEquals("T2xkIE1hY0RvbmFsZCBoYWQgYSBmYXJtCkUgSS\r\n", Bodies.text(second.body().readAllBytes()));
        assertNull(r.nextPart());
    }

    @Test
    void dicomPartHeadersAreExposed() throws IOException {
        String body = "--b\r\n"
                + "content-type: application/dicom; transfer-syntax=\"1.2.840.10008.1.2.4.80\"\r\n"
                + "Content-Location: http://host/studies/1.2/series/3/instances/4\r\n"
                + "Content-Length: 4\r\n"
                + "\r\nDICM\r\n--b--";
        MultipartReader r = new MultipartReader(new ByteArrayInputStream(ascii(body)), "b");
        Part p = r.nextPart();
        assertEquals("1.2.840.10008.1.2.4.80", p.transferSyntax());
        assertEquals("application/dicom", p.contentType().essence());
        assertEquals("http://host/studies/1.2/series/3/instances/4", p.contentLocation());
        assertEquals(4, p.contentLength());
        assertNull(p.contentId());
        assertEquals("DICM", Bodies.text(p.body().readAllBytes()));
        assertNull(r.nextPart());
    }

    @Test
    void lfOnlyLineEndings() throws IOException {
        String body = "--b\nContent-Type: text/plain\n\nline1\nline2\n--b\n\nsecond\n--b--\n";
        List<Bodies.ReadPart> parts = Bodies.readAll(ascii(body), "b");
        assertEquals(2, parts.size());
        assertEquals("text/plain", parts.get(0).headers().get("Content-Type"));
        assertEquals("line1\nline2", parts.get(0).bodyText());
        assertEquals("second", parts.get(1).bodyText());
    }

    @Test
    void transportPaddingAfterBoundaries() throws IOException {
        String body = "--b  \t \r\nA: 1\r\n\r\nx\r\n--b\t\r\n\r\ny\r\n--b-- \t\r\nepilogue";
        List<Bodies.ReadPart> parts = Bodies.readAll(ascii(body), "b");
        assertEquals(2, parts.size());
        assertEquals("x", parts.get(0).bodyText());
        assertEquals("y", parts.get(1).bodyText());
    }

    @Test
    void preambleAndEpilogueAreIgnored() throws IOException {
        String body = "preamble --b not a delimiter\r\n-b\r\n--bb\r\n--b\r\n\r\nbody\r\n--b--\r\n--b\r\n\r\nepilogue part";
        List<Bodies.ReadPart> parts = Bodies.readAll(ascii(body), "b");
        assertEquals(1, parts.size());
        assertEquals("body", parts.get(0).bodyText());
    }

    @Test
    void leadingCrlfBeforeFirstBoundary() throws IOException {
        List<Bodies.ReadPart> parts = Bodies.readAll(ascii("\r\n--b\r\n\r\nz\r\n--b--"), "b");
        assertEquals("z", parts.get(0).bodyText());
    }

    @Test
    void boundaryInsideDataNotAtLineStartIsData() throws IOException {
        String data = "abc--b\r\nx--b--\r\n \r\n--bx\r\n--b-x";
        List<Bodies.ReadPart> parts = Bodies.readAll(ascii("--b\r\n\r\n" + data + "\r\n--b--"), "b");
        assertEquals(1, parts.size());
        assertEquals(data, parts.get(0).bodyText());
    }

    @Test
    void quotedBoundaryWithSpecialCharacters() throws IOException {
        String boundary = "'()+_,-./:=? x";
        String ct = MultipartWriter.contentType("application/dicom", boundary);
        assertEquals("multipart/related; type=\"application/dicom\"; boundary=\"'()+_,-./:=? x\"", ct);
        byte[] body = Bodies.write(boundary, List.of(ascii("one"), ascii("two")));
        List<Bodies.ReadPart> parts = Bodies.readAll(MultipartReader.forContentType(new ByteArrayInputStream(body), ct));
        assertEquals("one", parts.get(0).bodyText());
        assertEquals("two", parts.get(1).bodyText());
    }

    @Test
    void seventyCharacterBoundary() throws IOException {
        String boundary = "x".repeat(69) + "y";
        byte[] body = Bodies.write(boundary, List.of(ascii("x".repeat(500)), new byte[0]));
        List<Bodies.ReadPart> parts = Bodies.readAll(body, boundary);
        assertEquals(500, parts.get(0).body().length);
        assertEquals(0, parts.get(1).body().length);
        assertThrows(MultipartException.class, () -> new MultipartReader(new ByteArrayInputStream(body),
                boundary + "z"));
    }

    @Test
    void emptyPartsAndNoHeaders() throws IOException {
        List<Bodies.ReadPart> parts = Bodies.readAll(ascii("--b\r\n\r\n\r\n--b\r\n\r\n\r\n--b--"), "b");
        assertEquals(2, parts.size());
        assertEquals(0, parts.get(0).body().length);
        assertEquals(0, parts.get(1).body().length);
    }

    @Test
    void bodyWithOnlyCloseDelimiterHasNoParts() throws IOException {
        assertNull(new MultipartReader(new ByteArrayInputStream(ascii("--b--\r\n")), "b").nextPart());
    }

    @Test
    void foldedHeaderLinesAreJoined() throws IOException {
        String body = "--b\r\nContent-Type: multipart/related;\r\n\ttype=\"application/dicom\"\r\n\r\nx\r\n--b--";
        Part p = new MultipartReader(new ByteArrayInputStream(ascii(body)), "b").nextPart();
        assertEquals("multipart/related; type=\"application/dicom\"", p.contentTypeValue());
        assertEquals("application/dicom", p.contentType().parameter("type"));
    }

    @Test
    void utf8HeaderValues() throws IOException {
        byte[] body = ("--b\r\nContent-Location: /files/山田.dcm\r\n\r\nx\r\n--b--")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Part p = new MultipartReader(new ByteArrayInputStream(body), "b").nextPart();
        assertEquals("/files/山田.dcm", p.contentLocation());
    }

    // --- malformed input ---

    @Test
    void wrongBoundaryFindsNoPart() throws IOException {
        byte[] body = Bodies.write("right", List.of(ascii("data")));
        MultipartReader r = new MultipartReader(new ByteArrayInputStream(body), "wrong");
        MultipartException e = assertThrows(MultipartException.class, r::nextPart);
        assertTrue(e.getMessage().contains("No boundary"), e.getMessage());
    }

    @Test
    void emptyBodyIsMalformed() {
        assertThrows(MultipartException.class,
                () -> new MultipartReader(new ByteArrayInputStream(new byte[0]), "b").nextPart());
    }

    @Test
    void truncationAtEveryPositionIsDetected() throws IOException {
        byte[] full = ascii("pre\r\n--bnd\r\nContent-Type: application/dicom\r\n\r\nfirst\r\nbody\r\n--bnd  \r\n"
                + "A: b\r\n\r\n\r\n--bnd\r\n\r\nthird-\r\n--bnd--\r\nepilogue");
        int closeEnd = Bodies.text(full).indexOf("--bnd--") + "--bnd--".length();
        for (int cut = 0; cut <= full.length; cut++) {
            byte[] body = Arrays.copyOf(full, cut);
            if (cut < closeEnd) {
                assertThrows(MultipartException.class, () -> Bodies.readAll(body, "bnd"), "cut at " + cut);
            } else {
                List<Bodies.ReadPart> parts = Bodies.readAll(body, "bnd");
                assertEquals(3, parts.size(), "cut at " + cut);
                assertEquals("first\r\nbody", parts.get(0).bodyText());
                assertEquals("", parts.get(1).bodyText());
                assertEquals("third-", parts.get(2).bodyText());
            }
        }
    }

    @Test
    void truncatedBodyThrowsFromThePartStreamAfterDeliveringTheData() throws IOException {
        byte[] body = ascii("--b\r\n\r\n" + "z".repeat(100_000));
        MultipartReader r = new MultipartReader(new ByteArrayInputStream(body), "b");
        Part p = r.nextPart();
        byte[] buf = new byte[1 << 20];
        int total = 0;
        MultipartException e = null;
        try {
            for (int n; (n = p.body().read(buf)) >= 0; ) {
                total += n;
            }
        } catch (MultipartException ex) {
            e = ex;
        }
        assertNotNull(e, "truncation must not look like the end of the part");
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertEquals(100_000, total);
    }

    @Test
    void headerLineWithoutColon() {
        byte[] body = ascii("--b\r\nContent-Type application/dicom\r\n\r\nx\r\n--b--");
        MultipartException e = assertThrows(MultipartException.class, () -> Bodies.readAll(body, "b"));
        assertTrue(e.getMessage().contains("colon"), e.getMessage());
        assertThrows(MultipartException.class, () -> Bodies.readAll(ascii("--b\r\n: value\r\n\r\nx\r\n--b--"), "b"));
    }

    @Test
    void oversizeHeadersAreRefused() {
        byte[] big = ascii("--b\r\nX-Big: " + "v".repeat(20_000) + "\r\n\r\nx\r\n--b--");
        MultipartException e = assertThrows(MultipartException.class, () -> Bodies.readAll(big, "b"));
        assertTrue(e.getMessage().contains("exceed"), e.getMessage());
        // a header line without any line break at all must not be buffered without bound either
        byte[] endless = ascii("--b\r\nX: " + "v".repeat(200_000));
        assertThrows(MultipartException.class, () -> Bodies.readAll(endless, "b"));
        StringBuilder many = new StringBuilder("--b\r\n");
        for (int i = 0; i < 65; i++) {
            many.append("X-").append(i).append(": 1\r\n");
        }
        many.append("\r\nx\r\n--b--");
        e = assertThrows(MultipartException.class, () -> Bodies.readAll(ascii(many.toString()), "b"));
        assertTrue(e.getMessage().contains("header fields"), e.getMessage());
    }

    @Test
    void badContentTypes() {
        assertThrows(MultipartException.class, () -> MultipartContentType.parse(null));
        assertThrows(MultipartException.class, () -> MultipartContentType.parse("application/dicom; boundary=x"));
        assertThrows(MultipartException.class, () -> MultipartContentType.parse("multipart/related; type=x"));
        assertThrows(MultipartException.class, () -> MultipartContentType.parse("multipart/related; boundary=\"\""));
        assertThrows(MultipartException.class,
                () -> MultipartContentType.parse("multipart/related; boundary=" + "x".repeat(71)));
        assertThrows(MultipartException.class, () -> MultipartContentType.parse("multipart/related; boundary=\"a \""));
    }

    @Test
    void contentTypeParameterNamesAreCaseInsensitiveAndValuesQuotedOrNot() throws MultipartException {
        MultipartContentType a = MultipartContentType.parse("multipart/related; TYPE=application/dicom; BOUNDARY=abc");
        MultipartContentType b = MultipartContentType.parse("Multipart/Related;type=\"application/dicom\";boundary=\"abc\"");
        assertEquals("abc", a.boundary());
        assertEquals(a.boundary(), b.boundary());
        assertEquals(a.type(), b.type());
    }
}
