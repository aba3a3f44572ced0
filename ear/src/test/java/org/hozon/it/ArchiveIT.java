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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import javax.crypto.SecretKey;

import org.hozon.archive.crypto.DataKeys;
import org.hozon.archive.crypto.EnvelopeHeader;
import org.hozon.archive.crypto.EnvelopeReader;
import org.hozon.archive.crypto.KeyRing;
import org.hozon.archive.crypto.ObjectIdentity;
import org.hozon.archive.crypto.SegmentTable;
import org.hozon.archive.crypto.Sidecar;
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

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Archiving end to end: instances stored through STOW-RS become ARCHIVED within seconds; then
 * every object in the bucket is read and must hold no plaintext DICOM byte, UID, patient name or
 * identifying metadata; and each instance is decrypted from S3 with the keystore alone, its
 * SHA-256 equal to the one recorded at receipt.
 */
@ExtendWith({TestInfrastructure.class, ArquillianExtension.class})
@RunAsClient
class ArchiveIT {
    static final URI STUDIES = URI.create("http://127.0.0.1:" + System.getProperty("it.http.port") + "/dicom-web/studies");
    static final String BUCKET = "hozon-archive";
    static final Duration ARCHIVE_TIMEOUT = Duration.ofSeconds(90);

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("ear.file")));
    }

    @Test
    void archivesEncryptedAndRestoresWithTheKeystoreAlone() throws Exception {
        String patientId = "PID-ARCH-" + uid().substring(5, 13);
        String name = "Archive^Hanako=蔵^花子=くら^はなこ";
        List<String> secrets = new ArrayList<>(List.of("DICM", patientId, "Archive^Hanako", "Hanako", "花子",
                "1.2.840.10008"));
        Map<String, byte[]> sent = new HashMap<>();
        for (int s = 0; s < 2; s++) {
            String study = uid();
            String series = uid();
            secrets.add(study);
            secrets.add(series);
            List<byte[]> files = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String sop = uid();
                secrets.add(sop);
                Dataset ds = header(patientId, name, "19800202", study, series, sop, s == 0 ? CT : MR, s == 0 ? "CT" : "MR");
                byte[] f = i == 2 ? large(ds, 300_000 + 2 * s) : file(ds, i);
                files.add(f);
                sent.put(sop, f);
            }
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(STUDIES)
                    .header("Content-Type", contentType()).header("Accept", "application/dicom+json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(files.toArray(new byte[0][])))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
        }

        awaitArchived(sent.keySet());

        // the admin API shows the archive's state
        HttpResponse<String> status = http.send(HttpRequest.newBuilder(STUDIES.resolve("/admin/archive")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, status.statusCode(), status.body());
        jakarta.json.JsonObject json = jakarta.json.Json.createReader(new java.io.StringReader(status.body())).readObject();
        assertTrue(json.getJsonObject("tasks").getJsonNumber("ARCHIVED").longValue() >= sent.size(), status.body());
        assertTrue(json.getJsonObject("lagMillis").containsKey("p99"), status.body());
        assertTrue(json.containsKey("backlog") && json.containsKey("oldestPendingSeconds"), status.body());
        assertEquals(409, http.send(HttpRequest.newBuilder(STUDIES.resolve("/admin/archive/tasks/1/retry"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode(),
                "only FAILED tasks can be retried");

        KeyRing keys = KeyRing.load(TestInfrastructure.keystore(), TestInfrastructure.KEYSTORE_PASSWORD.toCharArray(),
                Optional.empty());
        try (S3Client s3 = s3(); Connection c = TestDatabase.connect()) {
            // 1. nothing readable in the bucket: bytes, keys and metadata
            int objects = 0;
            for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents()) {
                if (o.key().startsWith("self-test/")) {
                    continue; // SmokeIT's plaintext probe, not an instance
                }
                objects++;
                byte[] bytes = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(o.key())).asByteArray();
                String asLatin1 = new String(bytes, StandardCharsets.ISO_8859_1);
                String asUtf8 = new String(bytes, StandardCharsets.UTF_8);
                for (String secret : secrets) {
                    assertFalse(asLatin1.contains(secret) || asUtf8.contains(secret) || o.key().contains(secret),
                            "object " + o.key() + " reveals " + secret);
                }
                assertTrue(o.key().matches("[0-9a-f]{64}(\\.key)?"), "opaque key: " + o.key());
                String magic = new String(bytes, 0, 4, StandardCharsets.US_ASCII);
                assertEquals(o.key().endsWith(".key") ? "HZNK" : "HZNE", magic, o.key());
                HeadObjectResponse head = s3.headObject(b -> b.bucket(BUCKET).key(o.key()));
                assertTrue(head.metadata().isEmpty(), "no user metadata on " + o.key() + ": " + head.metadata());
            }
            assertTrue(objects >= 2 * sent.size(), "a data object and a sidecar per instance, found " + objects);

            // 2. every instance decrypts from S3 with the keystore alone, bit for bit
            for (Map.Entry<String, byte[]> e : sent.entrySet()) {
                Object[] row = row(c, "SELECT a.object_key, a.sidecar_key, a.ciphertext_sha256, a.etag, i.sha256"
                        + " FROM archive_copy a JOIN instance i ON a.instance_fk = i.pk WHERE i.sop_iuid = ?", e.getKey());
                String objectKey = (String) row[0];
                byte[] object = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(objectKey)).asByteArray();
                assertEquals(row[2], sha256(object), "recorded ciphertext SHA-256");
                assertTrue(row[3] != null, "ETag recorded");

                Sidecar sidecar = Sidecar.decode(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key((String) row[1])).asByteArray());
                SecretKey kek = keys.get(sidecar.keyId());
                Sidecar.Receipt receipt = sidecar.openReceipt(kek, objectKey);
                assertEquals(e.getKey(), receipt.sopInstanceUid());
                assertEquals(row[4], receipt.sha256());
                SecretKey dataKey = DataKeys.unwrap(kek, sidecar.wrappedKey(),
                        new ObjectIdentity(receipt.tenant(), receipt.sopInstanceUid(), sidecar.keyId()));
                InputStream in = new ByteArrayInputStream(object);
                EnvelopeHeader h = EnvelopeHeader.read(in);
                ByteArrayOutputStream plain = new ByteArrayOutputStream();
                EnvelopeReader.decrypt(h, in, dataKey, plain);
                assertEquals(sha256(e.getValue()), sha256(plain.toByteArray()), "restored bytes equal the received ones");
                assertEquals(row[4], sha256(plain.toByteArray()), "and the SHA-256 recorded at receipt");

                // 3. one segment alone through a ranged GET
                SegmentTable t = sidecar.segments();
                int last = t.count() - 1;
                byte[] range = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(objectKey)
                        .range("bytes=" + t.offset(last) + "-" + (t.offset(last) + t.length(last) - 1))).asByteArray();
                byte[] segment = EnvelopeReader.decryptSegment(h, dataKey, last, true, range);
                byte[] all = e.getValue();
                assertArrayEquals(Arrays.copyOfRange(all, last * h.segmentSize(), all.length), segment);
            }
        }
    }

    /**
     * A DELETE that arrives while the instance is being archived neither fails nor leaves rows:
     * the archiver and the delete lock the instance row in the same order.
     */
    @Test
    void deleteDuringArchivingSucceeds() throws Exception {
        List<String> studies = new ArrayList<>();
        for (int n = 0; n < 12; n++) {
            String study = uid();
            studies.add(study);
            byte[] f = large(header("PID-DEL-" + n, "Delete^Race", "19800202", study, uid(), uid(), CT, "CT"), 200_000);
            HttpResponse<String> stored = http.send(HttpRequest.newBuilder(STUDIES)
                    .header("Content-Type", contentType()).header("Accept", "application/dicom+json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(f))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, stored.statusCode(), stored.body());
            if (n % 3 == 1) {
                Thread.sleep(20 * n); // vary the moment: before, during and after the archiver's work
            }
            HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(URI.create(STUDIES + "/" + study)).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(204, deleted.statusCode(), "delete of study " + n + ": " + deleted.body());
        }
        try (Connection c = TestDatabase.connect()) {
            for (String study : studies) {
                assertEquals(0L, ((Number) row(c, "SELECT COUNT(*) FROM study WHERE study_iuid = ?", study)[0]).longValue());
            }
        }
    }

    /** An instance of several segments: image-like pixels with some noise. */
    static byte[] large(Dataset ds, int pixelBytes) {
        byte[] pixels = new byte[pixelBytes];
        Random r = new Random(pixelBytes);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) ((i / 64) % 200 + r.nextInt(4));
        }
        ds.set(Tag.PixelData, VR.OW, pixels);
        return TestInstances.headerOnly(ds);
    }

    void awaitArchived(java.util.Set<String> sops) throws Exception {
        Instant deadline = Instant.now().plus(ARCHIVE_TIMEOUT);
        String in = String.join(",", java.util.Collections.nCopies(sops.size(), "?"));
        while (true) {
            try (Connection c = TestDatabase.connect();
                    PreparedStatement s = c.prepareStatement("SELECT t.status, t.last_error FROM archive_task t JOIN instance i"
                            + " ON t.instance_fk = i.pk WHERE i.sop_iuid IN (" + in + ")")) {
                int k = 1;
                for (String sop : sops) {
                    s.setString(k++, sop);
                }
                int archived = 0;
                String states = "";
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        archived += "ARCHIVED".equals(rs.getString(1)) ? 1 : 0;
                        states += rs.getString(1) + (rs.getString(2) == null ? "" : " (" + rs.getString(2) + ")") + "; ";
                    }
                }
                if (archived == sops.size()) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("not all instances ARCHIVED within " + ARCHIVE_TIMEOUT + ": " + states);
                }
            }
            Thread.sleep(250);
        }
    }

    static Object[] row(Connection c, String sql, String param) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, param);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "a row for " + param);
                Object[] row = new Object[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                return row;
            }
        }
    }

    static S3Client s3() {
        return S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
                .forcePathStyle(true).endpointOverride(URI.create("http://127.0.0.1:" + System.getProperty("it.s3.port")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        TestInfrastructure.S3_IDENTITY, TestInfrastructure.S3_CREDENTIAL)))
                .build();
    }
}
