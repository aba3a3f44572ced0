package org.hozon.it;

import static org.hozon.it.TestInstances.CT;
import static org.hozon.it.TestInstances.MR;
import static org.hozon.it.TestInstances.contentType;
import static org.hozon.it.TestInstances.file;
import static org.hozon.it.TestInstances.header;
import static org.hozon.it.TestInstances.multipart;
import static org.hozon.it.TestInstances.sha256;
import static org.hozon.it.TestInstances.uid;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.hozon.archive.crypto.EnvelopeHeader;
import org.hozon.archive.crypto.EnvelopeWriter;
import org.hozon.archive.crypto.KeyRing;
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

import software.amazon.awssdk.services.s3.S3Client;

/**
 * The disaster drill of issue 6: store studies, wait until they are ARCHIVED, record every QIDO
 * answer and every instance's bytes, then lose the database and the local store, restore from
 * the bucket and the keystore alone through {@code POST /admin/restore}, and compare. Objects that
 * cannot be opened are planted beside the real ones and must be reported, not restored, and
 * must not stop the run. Then an interrupted run is continued, and failures are retried.
 *
 * <p>Other test classes share this server, database and bucket (one failsafe execution per
 * database; classes run one after the other). Each uses UIDs and patient IDs of its own, so
 * losing their rows here does not disturb them once they are done, and the restore brings their
 * archived instances back too (only ours are compared). The bucket is shared by both executions,
 * so the H2 run restores the PostgreSQL run's instances as well.
 */
@ExtendWith({TestInfrastructure.class, ArquillianExtension.class})
@RunAsClient
class RestoreIT {
    static final String BASE = "http://127.0.0.1:" + System.getProperty("it.http.port");
    static final URI RESTORE = URI.create(BASE + "/admin/restore");
    static final Duration RESTORE_TIMEOUT = Duration.ofMinutes(5);

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("ear.file")));
    }

    @Test
    void rebuildsAnEmptyHozonFromTheBucketAndTheKeystoreAlone() throws Exception {
        String run = uid().substring(5, 15);
        String hanako = "RST-A-" + run;
        String jiro = "RST-B-" + run;
        Map<String, byte[]> sent = new LinkedHashMap<>();
        List<String> studies = new ArrayList<>();

        // patient A, study 1: a CT series (one instance of several segments) and an MR series
        String study1 = uid();
        studies.add(study1);
        String ct = uid();
        String mr = uid();
        List<byte[]> parts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Dataset ds = number(header(hanako, "Yamada^Hanako=山田^花子=やまだ^はなこ", "19800202", study1, ct, uid(), CT, "CT"), 1, i);
            parts.add(i == 2 ? ArchiveIT.large(ds, 300_000) : file(ds, i));
        }
        for (int i = 0; i < 2; i++) {
            parts.add(file(number(header(hanako, "Yamada^Hanako=山田^花子=やまだ^はなこ", "19800202", study1, mr, uid(), MR,
                    "MR"), 2, i), 10 + i));
        }
        store(parts, sent);
        ArchiveFixture.awaitArchived(sent.keySet());

        // patient A again, study 2, under a name that differs from the one on file: flagged for review
        String study2 = uid();
        studies.add(study2);
        store(List.of(file(header(hanako, "Yamada^Hana=山田^花=やまだ^はな", "19800202", study2, uid(), uid(), CT, "CT"), 20)), sent);

        // patient B, study 3, names in ISO 2022 IR 87
        String study3 = uid();
        studies.add(study3);
        Dataset jis = header(jiro, "X", "19650303", study3, uid(), uid(), MR, "MR");
        jis.setString(Tag.SpecificCharacterSet, VR.CS, "", "ISO 2022 IR 87");
        jis.setString(Tag.PatientName, VR.PN, "Sato^Jiro=佐藤^次郎=さとう^じろう");
        store(List.of(file(jis, 30)), sent);
        ArchiveFixture.awaitArchived(sent.keySet());
        awaitArchiveIdle();

        Map<String, Map<String, JsonObject>> qido = qidoAnswers(studies, hanako, jiro);
        Map<String, byte[]> bytes = new TreeMap<>();
        Map<String, List<Object>> archived = new TreeMap<>();
        Map<String, byte[]> prefixes = new TreeMap<>();
        for (String sop : sent.keySet()) {
            bytes.put(sop, retrieve(sop));
            archived.put(sop, archiveRow(sop));
            prefixes.put(sop, noncePrefix(sop));
        }
        assertEquals(true, patientNeedsReview(hanako), "study 2 flagged patient A for review");

        assertEquals(409, post("").statusCode(), "a restore refuses an index that holds instances");

        KeyRing keys = KeyRing.load(TestInfrastructure.keystore(), TestInfrastructure.KEYSTORE_PASSWORD.toCharArray(),
                Optional.empty());
        try (S3Client s3 = ArchiveFixture.s3(TestInfrastructure.PRIMARY)) {
            List<PlantedObjects.Planted> planted = PlantedObjects.plant(s3, ArchiveFixture.bucket(TestInfrastructure.PRIMARY),
                    keys.get(TestInfrastructure.KEK_ID), TestInfrastructure.KEK_ID, "default");
            try {
                Disaster.strike();
                assertEquals(204, get(BASE + "/dicom-web/studies?PatientID=" + hanako).statusCode(), "the index is lost");

                HttpResponse<String> started = post("");
                assertEquals(202, started.statusCode(), started.body());
                JsonObject done = awaitRestored();
                long runPk = done.getJsonNumber("run").longValue();
                assertEquals("COMPLETED", done.getString("state"), done.toString());
                JsonObject objects = done.getJsonObject("objects");
                assertTrue(objects.getJsonNumber("restored").longValue() >= sent.size(), done.toString());
                assertEquals(0, objects.getJsonNumber("remaining").longValue(), done.toString());
                assertTrue(done.getJsonObject("bytes").getJsonNumber("restored").longValue() > 300_000, done.toString());
                assertTrue(done.containsKey("instancesPerSecond") && done.containsKey("megabytesPerSecond"), done.toString());
                assertPlantedFailed(done, planted);

                // every QIDO answer equals the original's; every instance is byte-identical
                assertEquals(qido, qidoAnswers(studies, hanako, jiro));
                for (String sop : sent.keySet()) {
                    byte[] restored = retrieve(sop);
                    assertArrayEquals(bytes.get(sop), restored, "bytes of " + sop);
                    assertArrayEquals(sent.get(sop), restored, "bytes sent for " + sop);
                    assertEquals(archived.get(sop), archiveRow(sop), "SHA-256 at receipt and archive copy of " + sop);
                    // the task keeps the prefix the envelope carries: the chosen one bound to the LZ4
                    // implementation that sealed it, by which a DELETE still knows that copy
                    EnvelopeHeader restoredPrefix = new EnvelopeHeader(EnvelopeHeader.DEFAULT_COMPRESSION,
                            EnvelopeHeader.DEFAULT_SEGMENT_SIZE, noncePrefix(sop), "key", "ref");
                    assertTrue(EnvelopeWriter.sealedFrom(restoredPrefix, prefixes.get(sop)), "nonce prefix of " + sop);
                }
                assertEquals(true, patientNeedsReview(hanako), "the identity conflict is found again");
                assertRestoredNotRearchived(sent.keySet());

                // an interrupted run continues: what is in the index already is skipped (same SHA-256)
                interrupt(runPk, new ArrayList<>(sent.keySet()).subList(0, 3));
                HttpResponse<String> continued = post("");
                assertEquals(202, continued.statusCode(), continued.body());
                JsonObject again = awaitRestored();
                assertEquals(runPk, again.getJsonNumber("run").longValue());
                assertEquals(objects.getJsonNumber("skipped").longValue() + 3,
                        again.getJsonObject("objects").getJsonNumber("skipped").longValue(), again.toString());
                assertEquals(0, again.getJsonObject("objects").getJsonNumber("remaining").longValue(), again.toString());
                assertPlantedFailed(again, planted);

                // failures can be retried (after fixing their cause); these fail again, nothing else changes
                HttpResponse<String> retried = post("?retry-failed=true");
                assertEquals(202, retried.statusCode(), retried.body());
                JsonObject third = awaitRestored();
                assertEquals("COMPLETED", third.getString("state"), third.toString());
                assertEquals(0, third.getJsonObject("objects").getJsonNumber("remaining").longValue(), third.toString());
                assertPlantedFailed(third, planted);
                String summary = http.send(HttpRequest.newBuilder(URI.create(RESTORE + "/summary")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                assertTrue(summary.startsWith("COMPLETED run " + runPk + ": "), summary);

                assertEquals(409, post("").statusCode(), "the index is not empty and the last run completed");
                assertEquals(qido, qidoAnswers(studies, hanako, jiro));
            } finally {
                PlantedObjects.remove(s3, ArchiveFixture.bucket(TestInfrastructure.PRIMARY), planted);
            }
        }
    }

    /** The QIDO answers, by query and then by the UID of each result. */
    private Map<String, Map<String, JsonObject>> qidoAnswers(List<String> studies, String... patients) throws Exception {
        Map<String, Map<String, JsonObject>> answers = new LinkedHashMap<>();
        for (String pid : patients) {
            for (String level : List.of("studies", "series", "instances")) {
                String q = "/dicom-web/" + level + "?PatientID=" + pid + "&includefield=all";
                answers.put(q, qido(q));
            }
        }
        for (String study : studies) {
            String q = "/dicom-web/studies/" + study + "/series?includefield=all";
            Map<String, JsonObject> series = qido(q);
            answers.put(q, series);
            for (String se : series.keySet()) {
                String i = "/dicom-web/studies/" + study + "/series/" + se + "/instances?includefield=all";
                answers.put(i, qido(i));
            }
        }
        return answers;
    }

    /**
     * One QIDO answer, each result keyed by its own UID. The order of the results is left out: PS3.18
     * gives none, Hozon answers in the order the index received the instances, and a restore indexes
     * them in the order their copies were archived (S3 Last-Modified, to the second) with parallel
     * workers. No attribute of the results is left out: none may differ.
     */
    private Map<String, JsonObject> qido(String pathAndQuery) throws Exception {
        HttpResponse<String> r = get(BASE + pathAndQuery);
        assertEquals(200, r.statusCode(), pathAndQuery + ": " + r.body());
        String uidTag = pathAndQuery.contains("/instances?") || pathAndQuery.startsWith("/dicom-web/instances") ? "00080018"
                : pathAndQuery.contains("/series?") || pathAndQuery.startsWith("/dicom-web/series") ? "0020000E" : "0020000D";
        Map<String, JsonObject> results = new TreeMap<>();
        for (JsonValue v : Json.createReader(new StringReader(r.body())).readArray()) {
            JsonObject o = v.asJsonObject();
            results.put(o.getJsonObject(uidTag).getJsonArray("Value").getString(0), o);
        }
        assertTrue(!results.isEmpty(), pathAndQuery);
        return results;
    }

    private byte[] retrieve(String sop) throws Exception {
        String[] path = uids(sop);
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(BASE + "/dicom-web/studies/" + path[0]
                + "/series/" + path[1] + "/instances/" + sop)).header("Accept", "application/dicom; transfer-syntax=*").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), "retrieve " + sop);
        return r.body();
    }

    private static String[] uids(String sop) throws Exception {
        try (Connection c = TestDatabase.connect()) {
            Object[] row = TestDatabase.row(c, "SELECT st.study_iuid, se.series_iuid FROM instance i JOIN series se"
                    + " ON i.series_fk = se.pk JOIN study st ON se.study_fk = st.pk WHERE i.sop_iuid = ?", sop);
            return new String[] {(String) row[0], (String) row[1]};
        }
    }

    /**
     * What must survive the restore: SHA-256 at receipt, size, and the archive copy with its key
     * on the target restored from (the primary; copies on other targets are not recorded again).
     */
    private static List<Object> archiveRow(String sop) throws Exception {
        try (Connection c = TestDatabase.connect()) {
            Object[] row = TestDatabase.row(c, "SELECT i.sha256, i.size_bytes, a.target, a.bucket, a.object_key, a.sidecar_key,"
                    + " a.etag, a.ciphertext_sha256, a.ciphertext_size, a.key_id, a.wrapped_key, t.status, t.key_id,"
                    + " t.wrapped_key FROM instance i JOIN archive_copy a ON a.instance_fk = i.pk"
                    + " JOIN archive_task t ON t.instance_fk = i.pk WHERE a.target = '" + TestInfrastructure.PRIMARY
                    + "' AND i.sop_iuid = ?", sop);
            List<Object> values = new ArrayList<>();
            for (Object o : row) {
                values.add(o instanceof byte[] b ? sha256(b) : o instanceof Number n ? n.longValue() : o);
            }
            return values;
        }
    }

    private static byte[] noncePrefix(String sop) throws Exception {
        try (Connection c = TestDatabase.connect()) {
            return (byte[]) TestDatabase.row(c, "SELECT t.nonce_prefix FROM archive_task t JOIN instance i"
                    + " ON t.instance_fk = i.pk WHERE i.sop_iuid = ?", sop)[0];
        }
    }

    private static boolean patientNeedsReview(String patientId) throws Exception {
        try (Connection c = TestDatabase.connect()) {
            return Boolean.TRUE.equals(TestDatabase.row(c, "SELECT needs_review FROM patient WHERE patient_id = ?", patientId)[0])
                    // at least one: which instances conflict depends on the order they are indexed in
                    && ((Number) TestDatabase.row(c, "SELECT COUNT(*) FROM identity_review r JOIN patient p ON r.patient_fk = p.pk"
                            + " WHERE p.patient_id = ? AND r.attribute = 'PatientName'", patientId)[0]).longValue() >= 1;
        }
    }

    /** Restored instances are ARCHIVED from the start, never sent to the archiver, and audited as restored. */
    private static void assertRestoredNotRearchived(Iterable<String> sops) throws Exception {
        try (Connection c = TestDatabase.connect()) {
            for (String sop : sops) {
                Object[] row = TestDatabase.row(c, "SELECT t.status, t.attempts FROM archive_task t JOIN instance i"
                        + " ON t.instance_fk = i.pk WHERE i.sop_iuid = ?", sop);
                assertEquals("ARCHIVED", row[0], sop);
                assertEquals(0, ((Number) row[1]).intValue(), "never archived again: " + sop);
                assertEquals(1L, ((Number) TestDatabase.row(c, "SELECT COUNT(*) FROM audit_event WHERE sop_iuid = ?"
                        + " AND action = 'RESTORE'", sop)[0]).longValue(), sop);
            }
        }
    }

    private static void assertPlantedFailed(JsonObject status, List<PlantedObjects.Planted> planted) throws Exception {
        Map<String, String> reasons = new TreeMap<>();
        for (JsonValue v : status.getJsonArray("failures")) {
            reasons.put(v.asJsonObject().getString("object"), v.asJsonObject().getString("reason"));
        }
        for (PlantedObjects.Planted p : planted) {
            String reason = reasons.get(p.objectKey());
            assertTrue(reason != null && reason.contains(p.reason()), p + " failed with " + reason + " in " + status);
            if (p.sopIuid() != null) {
                try (Connection c = TestDatabase.connect()) {
                    assertEquals(0L, ((Number) TestDatabase.row(c, "SELECT COUNT(*) FROM instance WHERE sop_iuid = ?",
                            p.sopIuid())[0]).longValue(), "nothing indexed for " + p);
                }
            }
        }
    }

    /** As if the node had stopped in the middle: the run is INTERRUPTED and these objects are to do again. */
    private static void interrupt(long runPk, List<String> sops) throws Exception {
        try (Connection c = TestDatabase.connect()) {
            try (PreparedStatement s = c.prepareStatement("UPDATE restore_run SET status = 'INTERRUPTED',"
                    + " unfinished = 'UNFINISHED' WHERE pk = ?")) {
                s.setLong(1, runPk);
                assertEquals(1, s.executeUpdate());
            }
            for (String sop : sops) {
                try (PreparedStatement s = c.prepareStatement("UPDATE restore_object SET status = 'PENDING',"
                        + " restored_bytes = NULL WHERE run_fk = ? AND sop_iuid = ?")) {
                    s.setLong(1, runPk);
                    s.setString(2, sop);
                    assertEquals(1, s.executeUpdate(), sop);
                }
            }
        }
    }

    private JsonObject awaitRestored() throws Exception {
        Instant deadline = Instant.now().plus(RESTORE_TIMEOUT);
        while (true) {
            HttpResponse<String> r = get(RESTORE.toString());
            assertEquals(200, r.statusCode(), r.body());
            JsonObject status = Json.createReader(new StringReader(r.body())).readObject();
            String state = status.getString("state");
            if (!state.equals("LISTING") && !state.equals("RESTORING") && !state.equals("RUNNING")) {
                return status;
            }
            assertTrue(Instant.now().isBefore(deadline), "restore not done within " + RESTORE_TIMEOUT + ": " + status);
            Thread.sleep(500);
        }
    }

    /** Waits a while for the archiver to finish other tests' work, so that it is not cut in half. */
    private void awaitArchiveIdle() throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            JsonObject s = Json.createReader(new StringReader(get(BASE + "/admin/archive").body())).readObject();
            if (s.getJsonNumber("backlog").longValue() == 0) {
                return;
            }
            Thread.sleep(250);
        }
    }

    private void store(List<byte[]> files, Map<String, byte[]> sent) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(BASE + "/dicom-web/studies"))
                .header("Content-Type", contentType()).header("Accept", "application/dicom+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(files.toArray(new byte[0][])))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        for (byte[] f : files) {
            sent.put(new org.hozon.dicom.io.DicomReader(new java.io.ByteArrayInputStream(f)).readDataset()
                    .getString(Tag.SOPInstanceUID), f);
        }
    }

    private static Dataset number(Dataset ds, int series, int instance) {
        ds.setString(Tag.SeriesNumber, VR.IS, Integer.toString(series));
        ds.setString(Tag.InstanceNumber, VR.IS, Integer.toString(instance + 1));
        return ds;
    }

    private HttpResponse<String> get(String uri) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).header("Accept", "application/json, application/dicom+json")
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(RESTORE + query)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
