package org.hozon.it;

import static org.hozon.it.StowIT.STUDIES;
import static org.hozon.it.StowIT.count;
import static org.hozon.it.StowIT.failureReason;
import static org.hozon.it.StowIT.json;
import static org.hozon.it.TestDatabase.row;
import static org.hozon.it.TestInstances.CT;
import static org.hozon.it.TestInstances.FAILING_ROOT;
import static org.hozon.it.TestInstances.contentType;
import static org.hozon.it.TestInstances.file;
import static org.hozon.it.TestInstances.header;
import static org.hozon.it.TestInstances.multipart;
import static org.hozon.it.TestInstances.uid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;

import jakarta.json.JsonObject;

import org.hozon.dicom.Dataset;
import org.hozon.dicom.Tag;
import org.hozon.dicom.VR;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * STOW-RS against bad and hostile requests, and crash safety: each gets a 4xx and leaves
 * nothing stored (no row, no file, nothing in {@code .incoming}); a failure injected between
 * the file and the commit leaves neither; a 300 MB part is streamed, not buffered.
 */
@ExtendWith({TestInfrastructure.class, ArquillianExtension.class})
@RunAsClient
class StowHostileIT {
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("ear.file")));
    }

    @Test
    void otherMediaTypesAre415WithAMessage() throws Exception {
        byte[] body = multipart(file(header("H1", "Un^Supported", "19800101", uid(), uid(), uid(), CT, "CT"), 1));
        for (String type : new String[] {"application/dicom", "application/json",
                "multipart/related; type=\"application/dicom+json\"; boundary=" + TestInstances.BOUNDARY}) {
            HttpResponse<String> r = send(type, HttpRequest.BodyPublishers.ofByteArray(body));
            assertEquals(415, r.statusCode(), type + ": " + r.body());
            assertTrue(r.headers().firstValue("Warning").orElse("").startsWith("299 "), "Warning header for " + type);
            assertTrue(json(r.body()).getString("message").length() > 10);
        }
    }

    @Test
    void unquotedTypeParameterIsAccepted() throws Exception {
        byte[] body = multipart(file(header("H2", "Un^Quoted", "19800101", uid(), uid(), uid(), CT, "CT"), 2));
        HttpResponse<String> r = send("multipart/related;boundary=" + TestInstances.BOUNDARY + ";type=application/dicom",
                HttpRequest.BodyPublishers.ofByteArray(body));
        assertEquals(200, r.statusCode(), r.body());
    }

    @Test
    void truncatedBodyIs400AndTheUnfinishedPartIsNotStored() throws Exception {
        String study = uid();
        String sop = uid();
        byte[] whole = multipart(file(header("H3", "Trun^Cated", "19800101", study, uid(), sop, CT, "CT"), 3));
        byte[] truncated = Arrays.copyOf(whole, whole.length - 100); // cut inside Pixel Data
        HttpResponse<String> r = send(contentType(), HttpRequest.BodyPublishers.ofByteArray(truncated));
        assertEquals(400, r.statusCode(), r.body());
        assertNothingStored(study, sop);
    }

    @Test
    void wrongOrMissingBoundaryIs400() throws Exception {
        String study = uid();
        String sop = uid();
        byte[] body = multipart(file(header("H4", "Wrong^Boundary", "19800101", study, uid(), sop, CT, "CT"), 4));
        HttpResponse<String> wrong = send("multipart/related; type=\"application/dicom\"; boundary=not-the-boundary",
                HttpRequest.BodyPublishers.ofByteArray(body));
        assertEquals(400, wrong.statusCode(), wrong.body());
        HttpResponse<String> missing = send("multipart/related; type=\"application/dicom\"",
                HttpRequest.BodyPublishers.ofByteArray(body));
        assertEquals(400, missing.statusCode(), missing.body());
        assertNothingStored(study, sop);
    }

    @Test
    void nonDicomPartFailsWithC000() throws Exception {
        byte[] text = "this is not DICOM at all, just some text that a confused client sent\r\n".repeat(50)
                .getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> r = send(contentType(), HttpRequest.BodyPublishers.ofByteArray(multipart(text)));
        assertEquals(409, r.statusCode(), r.body());
        JsonObject failed = json(r.body()).getJsonObject("00081198").getJsonArray("Value").getJsonObject(0);
        assertEquals(0xC000, failureReason(failed));
        assertTrue(Store.incomingIsClean());
    }

    @Test
    void elementClaimingFourGibibytesInAShortPartFailsWithC000() throws Exception {
        String study = uid();
        String sop = uid();
        Dataset ds = header("H5", "Four^Gig", "19800101", study, uid(), sop, CT, "CT");
        byte[] head = TestInstances.part10(ds);
        // Pixel Data (7FE0,0010) OW claiming 0xFFFFFFF0 bytes, followed by only 1000 bytes
        byte[] element = {(byte) 0xE0, 0x7F, 0x10, 0x00, 'O', 'W', 0, 0, (byte) 0xF0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        byte[] part = new byte[head.length + element.length + 1000];
        System.arraycopy(head, 0, part, 0, head.length);
        System.arraycopy(element, 0, part, head.length, element.length);
        HttpResponse<String> r = send(contentType(), HttpRequest.BodyPublishers.ofByteArray(multipart(part)));
        assertEquals(409, r.statusCode(), r.body());
        JsonObject failed = json(r.body()).getJsonObject("00081198").getJsonArray("Value").getJsonObject(0);
        assertEquals(0xC000, failureReason(failed));
        assertNothingStored(study, sop);
    }

    @Test
    void failureBetweenFileAndCommitLeavesNothing() throws Exception {
        String study = uid();
        String sop = FAILING_ROOT + uid().substring(5, 25);
        String patient = "CRASH-" + uid().substring(5, 15);
        HttpResponse<String> r = send(contentType(), HttpRequest.BodyPublishers.ofByteArray(
                multipart(file(header(patient, "Crash^Test", "19800101", study, uid(), sop, CT, "CT"), 5))));
        assertEquals(409, r.statusCode(), r.body());
        JsonObject failed = json(r.body()).getJsonObject("00081198").getJsonArray("Value").getJsonObject(0);
        assertEquals(0x0110, failureReason(failed));
        assertNothingStored(study, sop);
        try (Connection c = TestDatabase.connect()) {
            assertEquals(0L, count(c, "SELECT COUNT(*) FROM patient WHERE patient_id = ?", patient), "patient rolled back");
            assertEquals(0L, count(c, "SELECT COUNT(*) FROM audit_event WHERE sop_iuid = ?", sop));
        }
    }

    @Test
    void aLargePartIsStreamedAndStored() throws Exception {
        long pixelBytes = 300L * 1024 * 1024;
        String study = uid();
        String sop = uid();
        Dataset ds = header("BIG", "Large^Part", "19800101", study, uid(), sop, CT, "CT");
        ds.setInt(Tag.Rows, VR.US, 10240);
        ds.setInt(Tag.Columns, VR.US, 15360);
        byte[] head = TestInstances.part10(ds);
        byte[] element = {(byte) 0xE0, 0x7F, 0x10, 0x00, 'O', 'W', 0, 0, 0, 0, 0, 0};
        org.hozon.dicom.ByteOrder.put32(element, 8, (int) pixelBytes, false);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        HttpResponse<String> r = send(contentType(), HttpRequest.BodyPublishers.ofInputStream(() -> TestInstances.concat(
                new ByteArrayInputStream(TestInstances.partHeader()),
                new DigestInputStream(TestInstances.concat(new ByteArrayInputStream(head), new ByteArrayInputStream(element),
                        new PatternStream(pixelBytes)), sha),
                new ByteArrayInputStream(TestInstances.closeDelimiter()))));
        assertEquals(200, r.statusCode(), r.body());
        try (Connection c = TestDatabase.connect()) {
            Object[] row = row(c, "SELECT storage_path, size_bytes, sha256, pixel_data_length FROM instance WHERE sop_iuid = ?", sop);
            long size = head.length + element.length + pixelBytes;
            assertEquals(size, ((Number) row[1]).longValue());
            assertEquals(HexFormat.of().formatHex(sha.digest()), row[2]);
            assertEquals(pixelBytes, ((Number) row[3]).longValue());
            Path stored = Store.root().resolve((String) row[0]);
            assertEquals(size, Files.size(stored));
            Files.delete(stored); // 300 MB per database is enough disk for one test
        }
    }

    private void assertNothingStored(String study, String sop) throws Exception {
        try (Connection c = TestDatabase.connect()) {
            assertEquals(0L, count(c, "SELECT COUNT(*) FROM instance WHERE sop_iuid = ?", sop));
            assertEquals(0L, count(c, "SELECT COUNT(*) FROM study WHERE study_iuid = ?", study));
        }
        assertTrue(Store.filesOfStudy(study).isEmpty(), "no file of the study");
        assertTrue(Store.incomingIsClean(), "nothing left in .incoming");
    }

    private HttpResponse<String> send(String contentType, HttpRequest.BodyPublisher body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(STUDIES.toString())).header("Content-Type", contentType)
                .timeout(Duration.ofMinutes(5)).POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code length} bytes of a repeating pattern, generated on the fly (never held in memory). */
    static final class PatternStream extends InputStream {
        private long remaining;

        PatternStream(long length) {
            this.remaining = length;
        }

        @Override
        public int read() {
            if (remaining <= 0) {
                return -1;
            }
            remaining--;
            return (int) (remaining * 31 & 0xFF);
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (remaining <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, remaining);
            for (int i = 0; i < n; i++) {
                remaining--;
                b[off + i] = (byte) (remaining * 31);
            }
            return n;
        }
    }
}
