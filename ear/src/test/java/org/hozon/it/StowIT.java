package org.hozon.it;

import static org.hozon.it.TestInstances.CT;
import static org.hozon.it.TestInstances.MR;
import static org.hozon.it.TestInstances.contentType;
import static org.hozon.it.TestInstances.file;
import static org.hozon.it.TestInstances.header;
import static org.hozon.it.TestInstances.multipart;
import static org.hozon.it.TestInstances.sha256;
import static org.hozon.it.TestInstances.uid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;

/**
 * STOW-RS through the deployed application: status codes and Store Instances Responses, the
 * files in the local store and the rows in the database (checked directly), duplicates,
 * identity conflicts and Study UID mismatches. Runs on PostgreSQL and on H2 (see ear/pom.xml).
 */
@ExtendWith({TestInfrastructure.class, ArquillianExtension.class})
@RunAsClient
class StowIT {
    static final URI STUDIES = URI.create("http://127.0.0.1:" + System.getProperty("it.http.port") + "/dicom-web/studies");
    static final int FAILURE_REASON = 0x00081197;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("ear.file")));
    }

    @Test
    void storesAStudyAndIndexesIt() throws Exception {
        String pid = "PID-" + uid().substring(5, 15);
        String study = uid();
        String ctSeries = uid();
        String mrSeries = uid();
        List<byte[]> files = new ArrayList<>();
        List<String> sops = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String sop = uid();
            sops.add(sop);
            boolean ct = i < 2;
            files.add(file(header(pid, "Yamada^Tarou=山田^太郎=やまだ^たろう", "19700101", study,
                    ct ? ctSeries : mrSeries, sop, ct ? CT : MR, ct ? "CT" : "MR"), i));
        }
        HttpResponse<String> response = post(STUDIES, multipart(files.toArray(new byte[0][])), null);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/dicom+json", response.headers().firstValue("Content-Type").orElse(""));
        JsonObject body = json(response.body());
        assertEquals(STUDIES + "/" + study, string(body, "00081190"));
        JsonArray referenced = body.getJsonObject("00081199").getJsonArray("Value");
        assertEquals(3, referenced.size());
        JsonObject first = referenced.getJsonObject(0);
        assertEquals(sops.get(0), string(first, "00081155"));
        assertEquals(CT, string(first, "00081150"));
        assertEquals(STUDIES + "/" + study + "/series/" + ctSeries + "/instances/" + sops.get(0), string(first, "00081190"));
        assertFalse(body.containsKey("00081198"), "no failures");

        try (Connection c = TestDatabase.connect()) {
            for (int i = 0; i < 3; i++) {
                Object[] row = TestDatabase.row(c, "SELECT storage_path, size_bytes, sha256, pixel_data_offset, pixel_data_length,"
                        + " transfer_syntax_uid, rows_ FROM instance WHERE sop_iuid = ?", sops.get(i));
                Path stored = Store.root().resolve((String) row[0]);
                assertTrue(Files.isRegularFile(stored), "file in the store: " + stored);
                assertEquals((long) files.get(i).length, Files.size(stored));
                assertEquals(((Number) row[1]).longValue(), Files.size(stored));
                assertEquals(sha256(files.get(i)), row[2]);
                assertEquals(sha256(Files.readAllBytes(stored)), row[2], "the bytes received are the bytes kept");
                assertEquals((long) files.get(i).length - 512, ((Number) row[3]).longValue(), "Pixel Data is last");
                assertEquals(512L, ((Number) row[4]).longValue());
                assertEquals("1.2.840.10008.1.2.1", row[5]);
                assertEquals(16, ((Number) row[6]).intValue());
                assertEquals(1L, count(c, "SELECT COUNT(*) FROM archive_task t JOIN instance i ON t.instance_fk = i.pk"
                        + " WHERE i.sop_iuid = ? AND t.status IN ('PENDING', 'RUNNING', 'ARCHIVED')", sops.get(i)));
                assertEquals(1L, count(c, "SELECT COUNT(*) FROM audit_event WHERE sop_iuid = ? AND action = 'STORE'",
                        sops.get(i)));
            }
            Object[] s = TestDatabase.row(c, "SELECT num_series, num_instances, modalities, sop_classes, patient_alpha, patient_ideo,"
                    + " patient_phon, patient_fuzzy, study_time, needs_review FROM study WHERE study_iuid = ?", study);
            assertEquals(2, ((Number) s[0]).intValue());
            assertEquals(3, ((Number) s[1]).intValue());
            assertEquals("CT\\MR", s[2]);
            assertEquals(CT + "\\" + MR, s[3]);
            assertEquals("yamada^tarou", s[4]);
            assertEquals("山田^太郎", s[5]);
            assertEquals("やまだ^たろう", s[6]);
            assertEquals(" yamada tarou 山田 太郎 やまだ たろう ", s[7]);
            assertEquals("103000.000000", s[8]);
            assertEquals(Boolean.FALSE, s[9]);
            assertEquals(2L, count(c, "SELECT COUNT(*) FROM study_modality m JOIN study s ON m.study_fk = s.pk"
                    + " WHERE s.study_iuid = ?", study));
            assertEquals(2L, count(c, "SELECT COUNT(*) FROM study_sop_class m JOIN study s ON m.study_fk = s.pk"
                    + " WHERE s.study_iuid = ?", study));
            assertEquals(2, ((Number) TestDatabase.row(c, "SELECT num_instances FROM series WHERE series_iuid = ?", ctSeries)[0]).intValue());
            assertEquals("RP1", TestDatabase.row(c, "SELECT r.requested_procedure_id FROM series_request r JOIN series s"
                    + " ON r.series_fk = s.pk WHERE s.series_iuid = ?", mrSeries)[0]);
            assertEquals(1L, count(c, "SELECT COUNT(*) FROM patient WHERE patient_id = ?", pid));
        }
        assertTrue(Store.incomingIsClean(), "nothing left in .incoming");
    }

    @Test
    void answersInXmlWhenAsked() throws Exception {
        String study = uid();
        String sop = uid();
        HttpResponse<String> response = post(STUDIES, multipart(file(header("X1", "Xml^Test", "19800101", study, uid(),
                sop, CT, "CT"), 1)), "application/dicom+xml");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/dicom+xml"));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        var xp = XPathFactory.newInstance().newXPath();
        assertEquals(sop, xp.evaluate("/NativeDicomModel/DicomAttribute[@tag='00081199']/Item[@number='1']"
                + "/DicomAttribute[@tag='00081155']/Value", doc));
        assertEquals(STUDIES + "/" + study, xp.evaluate("/NativeDicomModel/DicomAttribute[@tag='00081190']/Value", doc));
    }

    @Test
    void sameInstanceTwiceIsIdempotent() throws Exception {
        String study = uid();
        String sop = uid();
        byte[] f = file(header("D1", "Dup^Same", "19800101", study, uid(), sop, CT, "CT"), 3);
        assertEquals(200, post(STUDIES, multipart(f), null).statusCode());
        HttpResponse<String> again = post(STUDIES, multipart(f), null);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(sop, string(json(again.body()).getJsonObject("00081199").getJsonArray("Value").getJsonObject(0), "00081155"));
        try (Connection c = TestDatabase.connect()) {
            assertEquals(1L, count(c, "SELECT COUNT(*) FROM instance WHERE sop_iuid = ?", sop));
            assertEquals(1, ((Number) TestDatabase.row(c, "SELECT num_instances FROM study WHERE study_iuid = ?", study)[0]).intValue());
            assertEquals(1L, count(c, "SELECT COUNT(*) FROM archive_task t JOIN instance i ON t.instance_fk = i.pk"
                    + " WHERE i.sop_iuid = ?", sop));
        }
        assertEquals(1, Store.filesOfStudy(study).size(), "no second file");
    }

    @Test
    void sameUidWithOtherBytesIsRefusedAndTheOriginalKept() throws Exception {
        String study = uid();
        String series = uid();
        String sop = uid();
        byte[] original = file(header("D2", "Dup^Other", "19800101", study, series, sop, CT, "CT"), 4);
        byte[] other = file(header("D2", "Dup^Other", "19800101", study, series, sop, CT, "CT"), 5);
        assertEquals(200, post(STUDIES, multipart(original), null).statusCode());
        HttpResponse<String> response = post(STUDIES, multipart(other), null);
        assertEquals(409, response.statusCode(), response.body());
        JsonObject failed = json(response.body()).getJsonObject("00081198").getJsonArray("Value").getJsonObject(0);
        assertEquals(0x0111, failureReason(failed));
        assertEquals(sop, string(failed, "00081155"));
        assertTrue(response.headers().firstValue("Warning").orElse("").contains("different content"));
        try (Connection c = TestDatabase.connect()) {
            assertEquals(sha256(original), TestDatabase.row(c, "SELECT sha256 FROM instance WHERE sop_iuid = ?", sop)[0]);
        }
        List<Path> files = Store.filesOfStudy(study);
        assertEquals(1, files.size());
        assertEquals(sha256(original), sha256(Files.readAllBytes(files.get(0))));
    }

    @Test
    void conflictingPatientIdentityIsStoredAndFlagged() throws Exception {
        String pid = "PC-" + uid().substring(5, 15);
        String study1 = uid();
        String study2 = uid();
        String sop2 = uid();
        assertEquals(200, post(STUDIES, multipart(file(header(pid, "Sato^Hanako", "19600202", study1, uid(), uid(), CT,
                "CT"), 6)), null).statusCode());
        HttpResponse<String> response = post(STUDIES, multipart(file(header(pid, "Kato^Hanako", "19600303", study2,
                uid(), sop2, CT, "CT"), 7)), null);
        assertEquals(200, response.statusCode(), response.body());
        try (Connection c = TestDatabase.connect()) {
            assertEquals(1L, count(c, "SELECT COUNT(*) FROM patient WHERE patient_id = ?", pid), "never merged into a new patient");
            assertEquals(Boolean.TRUE, TestDatabase.row(c, "SELECT needs_review FROM patient WHERE patient_id = ?", pid)[0]);
            assertEquals("Sato^Hanako", TestDatabase.row(c, "SELECT patient_name FROM patient WHERE patient_id = ?", pid)[0],
                    "the patient on file is not overwritten");
            assertEquals(Boolean.TRUE, TestDatabase.row(c, "SELECT needs_review FROM study WHERE study_iuid = ?", study2)[0]);
            assertEquals(Boolean.FALSE, TestDatabase.row(c, "SELECT needs_review FROM study WHERE study_iuid = ?", study1)[0]);
            assertEquals("Kato^Hanako", TestDatabase.row(c, "SELECT received_value FROM identity_review WHERE sop_iuid = ?"
                    + " AND attribute = 'PatientName'", sop2)[0]);
            assertEquals("19600303", TestDatabase.row(c, "SELECT received_value FROM identity_review WHERE sop_iuid = ?"
                    + " AND attribute = 'PatientBirthDate'", sop2)[0]);
            assertEquals(1L, count(c, "SELECT COUNT(*) FROM instance WHERE sop_iuid = ?", sop2));
        }
    }

    @Test
    void studyUidMismatchFailsWithA900() throws Exception {
        String study = uid();
        String otherStudy = uid();
        byte[] good = file(header("M1", "Mis^Match", "19800101", study, uid(), uid(), CT, "CT"), 8);
        String badSop = uid();
        byte[] bad = file(header("M1", "Mis^Match", "19800101", otherStudy, uid(), badSop, CT, "CT"), 9);
        URI target = URI.create(STUDIES + "/" + study);

        HttpResponse<String> none = post(target, multipart(bad), null);
        assertEquals(409, none.statusCode(), none.body());
        JsonObject failed = json(none.body()).getJsonObject("00081198").getJsonArray("Value").getJsonObject(0);
        assertEquals(0xA900, failureReason(failed));
        assertEquals(badSop, string(failed, "00081155"));

        HttpResponse<String> mixed = post(target, multipart(good, bad), null);
        assertEquals(202, mixed.statusCode(), mixed.body());
        JsonObject body = json(mixed.body());
        assertEquals(1, body.getJsonObject("00081199").getJsonArray("Value").size());
        assertEquals(1, body.getJsonObject("00081198").getJsonArray("Value").size());
        assertEquals(target.toString(), string(body, "00081190"));
        try (Connection c = TestDatabase.connect()) {
            assertEquals(0L, count(c, "SELECT COUNT(*) FROM instance WHERE sop_iuid = ?", badSop));
        }
        assertTrue(Store.filesOfStudy(otherStudy).isEmpty());
    }

    @Test
    void retrieveUrlsFollowForwardedHeaders() throws Exception {
        String study = uid();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(STUDIES)
                .header("Content-Type", "multipart/related; type=application/dicom; boundary=" + TestInstances.BOUNDARY)
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "pacs.example.org")
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(file(header("F1", "For^Warded", "19800101", study,
                        uid(), uid(), CT, "CT"), 10)))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("https://pacs.example.org/dicom-web/studies/" + study, string(json(response.body()), "00081190"));
    }

    @Test
    void concurrentRequestsForOneNewStudyShareItsRows() throws Exception {
        String pid = "CC-" + uid().substring(5, 15);
        String study = uid();
        String series = uid();
        int n = 8;
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] body = multipart(file(header(pid, "Con^Current", "19800101", study, series, uid(), CT, "CT"), i));
            futures.add(http.sendAsync(HttpRequest.newBuilder(STUDIES).header("Content-Type", contentType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (var f : futures) {
            HttpResponse<String> r = f.get();
            assertEquals(200, r.statusCode(), r.body());
        }
        try (Connection c = TestDatabase.connect()) {
            assertEquals(1L, count(c, "SELECT COUNT(*) FROM patient WHERE patient_id = ?", pid));
            Object[] s = TestDatabase.row(c, "SELECT num_series, num_instances FROM study WHERE study_iuid = ?", study);
            assertEquals(1, ((Number) s[0]).intValue());
            assertEquals(n, ((Number) s[1]).intValue());
            assertEquals(n, ((Number) TestDatabase.row(c, "SELECT num_instances FROM series WHERE series_iuid = ?", series)[0]).intValue());
        }
    }

    HttpResponse<String> post(URI uri, byte[] body, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Content-Type", contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (accept != null) {
            b.header("Accept", accept);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    static String string(JsonObject ds, String tag) {
        return ds.getJsonObject(tag).getJsonArray("Value").getString(0);
    }

    static int failureReason(JsonObject item) {
        return item.getJsonObject(String.format("%08X", FAILURE_REASON)).getJsonArray("Value").getInt(0);
    }

    static long count(Connection c, String sql, String param) throws Exception {
        return ((Number) TestDatabase.row(c, sql, param)[0]).longValue();
    }

}
