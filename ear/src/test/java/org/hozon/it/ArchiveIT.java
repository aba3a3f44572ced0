package org.hozon.it;

import static org.hozon.it.ArchiveFixture.HTTP;
import static org.hozon.it.ArchiveFixture.STUDIES;
import static org.hozon.it.ArchiveFixture.TARGETS;
import static org.hozon.it.ArchiveFixture.await;
import static org.hozon.it.ArchiveFixture.awaitArchived;
import static org.hozon.it.ArchiveFixture.awaitIdle;
import static org.hozon.it.ArchiveFixture.bucket;
import static org.hozon.it.ArchiveFixture.keys;
import static org.hozon.it.ArchiveFixture.rows;
import static org.hozon.it.ArchiveFixture.s3;
import static org.hozon.it.ArchiveFixture.stow;
import static org.hozon.it.TestInstances.CT;
import static org.hozon.it.TestInstances.MR;
import static org.hozon.it.TestInstances.file;
import static org.hozon.it.TestInstances.header;
import static org.hozon.it.TestInstances.sha256;
import static org.hozon.it.TestInstances.uid;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import javax.crypto.SecretKey;

import jakarta.json.JsonObject;

import org.hozon.archive.crypto.DataKeys;
import org.hozon.archive.crypto.EnvelopeHeader;
import org.hozon.archive.crypto.EnvelopeReader;
import org.hozon.archive.crypto.KeyRing;
import org.hozon.archive.crypto.ObjectIdentity;
import org.hozon.archive.crypto.ObjectNames;
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

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Archiving end to end, to the two targets the test server has (each on its own s3proxy; primary
 * required, offsite optional): instances stored through STOW-RS become ARCHIVED within seconds
 * with a copy in each target;
 * every object in both buckets is read and must hold no plaintext DICOM byte, UID, patient name or
 * identifying metadata; each instance is decrypted from each target with the keystore alone, its
 * SHA-256 equal to the one recorded at receipt. A DELETE removes the copies from both buckets,
 * also when it meets the archiver at work, and never a newer copy of the instance stored again.
 */
@ExtendWith({TestInfrastructure.class, ArquillianExtension.class})
@RunAsClient
class ArchiveIT {
    static final String TENANT = "default";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("ear.file")));
    }

    @Test
    void archivesEncryptedToEveryTargetAndRestoresWithTheKeystoreAlone() throws Exception {
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
            stow(files.toArray(new byte[0][]));
        }

        awaitArchived(sent.keySet());
        awaitIdle(); // the optional target's copies too

        // the admin API and the metrics show the archive's state, per target too
        JsonObject json = ArchiveFixture.adminArchive();
        assertTrue(json.getJsonObject("tasks").getJsonNumber("ARCHIVED").longValue() >= sent.size(), json.toString());
        assertTrue(json.getJsonObject("lagMillis").containsKey("p99"), json.toString());
        assertTrue(json.containsKey("backlog") && json.containsKey("oldestPendingSeconds"), json.toString());
        assertEquals(TARGETS, json.getJsonArray("targets").getValuesAs(JsonObject.class).stream()
                .map(t -> t.getString("name")).toList(), json.toString());
        for (JsonObject t : json.getJsonArray("targets").getValuesAs(JsonObject.class)) {
            assertEquals(t.getString("name").equals(TestInfrastructure.PRIMARY), t.getBoolean("required"), t.toString());
            assertTrue(t.getBoolean("up"), t.toString());
            assertTrue(t.getJsonNumber("copies").longValue() >= sent.size(), t.toString());
            assertTrue(t.getJsonObject("lagMillis").containsKey("p50"), t.toString());
        }
        assertTrue(json.getJsonObject("deletions").containsKey("pending"), json.toString());
        String metrics = ArchiveFixture.metrics();
        for (String line : new String[] {"hozon_archive_backlog ", "hozon_archive_oldest_pending_seconds ",
                "hozon_archive_archived_last_minute ", "hozon_archive_failed ", "hozon_archive_lag_seconds{quantile=\"0.99\"} ",
                "hozon_archive_target_up{target=\"primary\"} 1", "hozon_archive_target_up{target=\"offsite\"} 1",
                "hozon_archive_target_lag_seconds{target=\"offsite\",quantile=\"0.5\"} "}) {
            assertTrue(metrics.contains("\n" + line), "metrics show " + line + ":\n" + metrics);
        }
        assertEquals(409, HTTP.send(HttpRequest.newBuilder(STUDIES.resolve("/admin/archive/tasks/1/retry"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode(),
                "only FAILED tasks can be retried");

        KeyRing keys = KeyRing.load(TestInfrastructure.keystore(), TestInfrastructure.KEYSTORE_PASSWORD.toCharArray(),
                Optional.empty());
        for (String target : TARGETS) {
            try (S3Client s3 = s3(target)) {
                assertNothingReadable(s3, bucket(target), secrets, sent.size());
                for (Map.Entry<String, byte[]> e : sent.entrySet()) {
                    assertDecrypts(s3, target, keys, e.getKey(), e.getValue());
                }
            }
        }
        // the same envelope in every target: one data key, one object name, the same bytes
        for (String sop : sent.keySet()) {
            List<List<Object>> copies = rows("SELECT a.target, a.object_key, a.ciphertext_sha256, a.storage_class"
                    + " FROM archive_copy a JOIN instance i ON a.instance_fk = i.pk WHERE i.sop_iuid = ? ORDER BY a.target",
                    List.of(sop));
            assertEquals(List.of("offsite", "primary"), copies.stream().map(r -> r.get(0)).toList(), "a copy per target");
            assertEquals(copies.get(0).get(1), copies.get(1).get(1), "same object key");
            assertEquals(copies.get(0).get(2), copies.get(1).get(2), "same ciphertext");
            assertEquals("STANDARD_IA", copies.get(0).get(3), "the offsite target's storage class is recorded");
            assertNull(copies.get(1).get(3), "the primary target has none");
        }
    }

    /** 1. nothing readable in the bucket: bytes, keys and metadata. */
    private static void assertNothingReadable(S3Client s3, String bucket, List<String> secrets, int instances) {
        int objects = 0;
        for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
            if (o.key().startsWith("self-test/")) {
                continue; // SmokeIT's plaintext probe, not an instance
            }
            objects++;
            byte[] bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(o.key())).asByteArray();
            String asLatin1 = new String(bytes, StandardCharsets.ISO_8859_1);
            String asUtf8 = new String(bytes, StandardCharsets.UTF_8);
            for (String secret : secrets) {
                assertFalse(asLatin1.contains(secret) || asUtf8.contains(secret) || o.key().contains(secret),
                        "object " + o.key() + " in " + bucket + " reveals " + secret);
            }
            assertTrue(o.key().matches("[0-9a-f]{64}(\\.key)?"), "opaque key: " + o.key());
            String magic = new String(bytes, 0, 4, StandardCharsets.US_ASCII);
            assertEquals(o.key().endsWith(".key") ? "HZNK" : "HZNE", magic, o.key());
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(o.key()));
            assertTrue(head.metadata().isEmpty(), "no user metadata on " + o.key() + ": " + head.metadata());
        }
        assertTrue(objects >= 2 * instances, "a data object and a sidecar per instance in " + bucket + ", found " + objects);
    }

    /** 2. the instance decrypts from the target with the keystore alone, bit for bit; 3. one segment by a ranged GET. */
    private static void assertDecrypts(S3Client s3, String target, KeyRing keys, String sop, byte[] sentBytes)
            throws Exception {
        List<Object> row = rows("SELECT a.object_key, a.sidecar_key, a.ciphertext_sha256, a.etag, i.sha256"
                + " FROM archive_copy a JOIN instance i ON a.instance_fk = i.pk WHERE i.sop_iuid = ? AND a.target = ?",
                List.of(sop, target)).get(0);
        String bucket = bucket(target);
        String objectKey = (String) row.get(0);
        byte[] object = s3.getObjectAsBytes(b -> b.bucket(bucket).key(objectKey)).asByteArray();
        assertEquals(row.get(2), sha256(object), "recorded ciphertext SHA-256");
        assertTrue(row.get(3) != null, "ETag recorded");

        Sidecar sidecar = Sidecar.decode(s3.getObjectAsBytes(b -> b.bucket(bucket).key((String) row.get(1))).asByteArray());
        SecretKey kek = keys.get(sidecar.keyId());
        Sidecar.Receipt receipt = sidecar.openReceipt(kek, objectKey);
        assertEquals(sop, receipt.sopInstanceUid());
        assertEquals(row.get(4), receipt.sha256());
        SecretKey dataKey = DataKeys.unwrap(kek, sidecar.wrappedKey(),
                new ObjectIdentity(receipt.tenant(), receipt.sopInstanceUid(), sidecar.keyId()));
        InputStream in = new ByteArrayInputStream(object);
        EnvelopeHeader h = EnvelopeHeader.read(in);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        EnvelopeReader.decrypt(h, in, dataKey, plain);
        assertEquals(sha256(sentBytes), sha256(plain.toByteArray()), "restored bytes equal the received ones");
        assertEquals(row.get(4), sha256(plain.toByteArray()), "and the SHA-256 recorded at receipt");

        SegmentTable t = sidecar.segments();
        int last = t.count() - 1;
        byte[] range = s3.getObjectAsBytes(b -> b.bucket(bucket).key(objectKey)
                .range("bytes=" + t.offset(last) + "-" + (t.offset(last) + t.length(last) - 1))).asByteArray();
        byte[] segment = EnvelopeReader.decryptSegment(h, dataKey, last, true, range);
        assertArrayEquals(Arrays.copyOfRange(sentBytes, last * h.segmentSize(), sentBytes.length), segment);
    }

    /**
     * DELETE removes the S3 copies from every target, and only those: an instance stored again
     * right after its DELETE gets new copies under the same keys, which no late deletion takes away.
     */
    @Test
    void deleteRemovesTheCopiesFromEveryTarget() throws Exception {
        String study = uid();
        String series = uid();
        String kept = uid();
        String deleted = uid();
        byte[] keptFile = file(header("PID-DEL-S3", "Delete^S3", "19800202", study, series, kept, CT, "CT"), 1);
        byte[] deletedFile = large(header("PID-DEL-S3", "Delete^S3", "19800202", study, series, deleted, CT, "CT"), 150_000);
        ArchiveFixture.step("store two instances");
        stow(keptFile, deletedFile);
        awaitArchived(List.of(kept, deleted));
        awaitIdle();
        ArchiveFixture.step("archived");
        Set<String> keptKeys = objectsOf(kept);
        Set<String> deletedKeys = objectsOf(deleted);
        for (String target : TARGETS) {
            assertTrue(keys(target).containsAll(deletedKeys) && keys(target).containsAll(keptKeys), target + " holds both");
        }

        // deleted, and at once stored again: whichever comes first, the old copies' deletion or the
        // new copies' upload under the same keys, the new copies stay
        ArchiveFixture.step("delete one and store it again");
        assertEquals(204, delete(STUDIES + "/" + study + "/series/" + series + "/instances/" + deleted));
        stow(deletedFile);
        awaitArchived(List.of(deleted));
        ArchiveFixture.step("archived again");
        awaitIdle();
        ArchiveFixture.step("idle");
        for (String target : TARGETS) {
            Set<String> there = keys(target);
            assertTrue(there.containsAll(deletedKeys) && there.containsAll(keptKeys), "both instances are in " + target);
        }
        try (S3Client s3 = s3(TestInfrastructure.OFFSITE)) {
            List<Object> copy = rows("SELECT a.object_key, a.ciphertext_sha256 FROM archive_copy a JOIN instance i"
                    + " ON a.instance_fk = i.pk WHERE i.sop_iuid = ? AND a.target = 'offsite'", List.of(deleted)).get(0);
            assertEquals(copy.get(1), sha256(s3.getObjectAsBytes(b -> b.bucket(bucket(TestInfrastructure.OFFSITE))
                    .key((String) copy.get(0))).asByteArray()), "the object in S3 is the new copy");
        }

        // the study deleted: every copy of both instances leaves both targets
        ArchiveFixture.step("delete the study");
        assertEquals(204, delete(STUDIES + "/" + study));
        Set<String> all = new HashSet<>(keptKeys);
        all.addAll(deletedKeys);
        awaitGone(all);
        ArchiveFixture.step("gone");
        assertEquals(0, ArchiveFixture.adminArchive().getJsonObject("deletions").getJsonNumber("pending").longValue());
    }

    /**
     * A DELETE that arrives while the instance is being archived neither fails nor leaves rows (the
     * archiver and the delete lock task, then instance rows, in the same order), nor objects in S3:
     * whatever the archiver uploads for an instance deleted meanwhile is removed too.
     */
    @Test
    void deleteDuringArchivingSucceedsAndLeavesNoObject() throws Exception {
        List<String> studies = new ArrayList<>();
        List<String> sops = new ArrayList<>();
        for (int n = 0; n < 12; n++) {
            String study = uid();
            String sop = uid();
            studies.add(study);
            sops.add(sop);
            stow(large(header("PID-DEL-" + n, "Delete^Race", "19800202", study, uid(), sop, CT, "CT"), 200_000));
            if (n % 3 == 1) {
                Thread.sleep(20 * n); // vary the moment: before, during and after the archiver's work
            }
            assertEquals(204, delete(STUDIES + "/" + study), "delete of study " + n);
        }
        for (String study : studies) {
            assertEquals(0L, ArchiveFixture.count("SELECT COUNT(*) FROM study WHERE study_iuid = ?", List.of(study)));
        }
        ObjectNames names = new ObjectNames(KeyRing.load(TestInfrastructure.keystore(),
                TestInfrastructure.KEYSTORE_PASSWORD.toCharArray(), Optional.empty()).get(TestInfrastructure.KEK_ID));
        Set<String> possible = new HashSet<>();
        for (String sop : sops) {
            String object = names.dataObject(TENANT, sop);
            possible.add(object);
            possible.add(ObjectNames.sidecarOf(object));
        }
        // an archiver that was still uploading when its instance went away records what it
        // uploaded in the deletion outbox; once the outbox has stayed empty a while, nothing is left
        awaitIdle();
        Thread.sleep(2000);
        awaitGone(possible);
    }

    /** Waits until no target holds any of the keys and no deletion is waiting. */
    private static void awaitGone(Set<String> objectKeys) throws Exception {
        await("the objects removed from every target", () -> {
            for (String target : TARGETS) {
                if (keys(target).stream().anyMatch(objectKeys::contains)) {
                    return false;
                }
            }
            return ArchiveFixture.count("SELECT COUNT(*) FROM archive_deletion", List.of()) == 0;
        }, () -> "left: " + TARGETS.stream().map(t -> t + "=" + keys(t).stream().filter(objectKeys::contains).toList())
                .toList() + ", deletions " + rows("SELECT target, object_key, attempts, last_error FROM archive_deletion",
                        List.of()));
    }

    /** @return the data object and sidecar keys of an instance (the same in every target) */
    private static Set<String> objectsOf(String sop) throws Exception {
        Set<String> keys = new HashSet<>();
        for (List<Object> r : rows("SELECT a.object_key, a.sidecar_key FROM archive_copy a JOIN instance i"
                + " ON a.instance_fk = i.pk WHERE i.sop_iuid = ?", List.of(sop))) {
            keys.add((String) r.get(0));
            keys.add((String) r.get(1));
        }
        assertEquals(2, keys.size(), "one object and one sidecar, the same in every target");
        return keys;
    }

    private static int delete(String uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(uri)).DELETE().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    /** An instance of several segments: image-like pixels with some noise. */
    static byte[] large(Dataset ds, int pixelBytes) {
        byte[] pixels = new byte[pixelBytes];
        Random r = new Random(pixelBytes);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) ((i / 64) % 200 + r.nextInt(4));
        }
        ds.set(Tag.PixelData, VR.OW, pixels);
        return TestInstances.part10(ds);
    }
}
