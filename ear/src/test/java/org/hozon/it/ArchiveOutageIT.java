package org.hozon.it;

import static org.hozon.it.ArchiveFixture.TARGETS;
import static org.hozon.it.ArchiveFixture.await;
import static org.hozon.it.ArchiveFixture.awaitArchived;
import static org.hozon.it.ArchiveFixture.awaitIdle;
import static org.hozon.it.ArchiveFixture.bucket;
import static org.hozon.it.ArchiveFixture.count;
import static org.hozon.it.ArchiveFixture.in;
import static org.hozon.it.ArchiveFixture.keys;
import static org.hozon.it.ArchiveFixture.rows;
import static org.hozon.it.ArchiveFixture.s3;
import static org.hozon.it.ArchiveFixture.stow;
import static org.hozon.it.TestInstances.CT;
import static org.hozon.it.TestInstances.file;
import static org.hozon.it.TestInstances.header;
import static org.hozon.it.TestInstances.sha256;
import static org.hozon.it.TestInstances.uid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3 outages lose nothing. While the object stores are down (their s3proxy processes stopped),
 * STOW-RS keeps storing and acknowledging; the archive tasks fail, wait, and stay un-ARCHIVED;
 * once the stores are back (started again on the same port and directory) the backlog drains
 * and every instance is ARCHIVED with exactly one object and one sidecar per target: no
 * duplicate, no re-upload to a target that already held its copy. A required target down keeps
 * instances from ARCHIVED (and the node unready); an optional one only delays its own copies.
 * The test server retries within seconds (ear/pom.xml sets the retry delays and the recovery
 * interval low).
 */
@ExtendWith({TestInfrastructure.class, ArquillianExtension.class})
@RunAsClient
class ArchiveOutageIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("ear.file")));
    }

    @Test
    void anOutageOfEveryTargetLosesNothing() throws Exception {
        awaitIdle();
        Map<String, Set<String>> before = snapshot();
        List<String> sops = new ArrayList<>();
        TARGETS.forEach(t -> TestInfrastructure.s3proxy(t).stop());
        try {
            for (int s = 0; s < 3; s++) {
                String study = uid();
                String series = uid();
                List<byte[]> files = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    String sop = uid();
                    sops.add(sop);
                    files.add(file(header("PID-OUT-" + s, "Outage^Test", "19800202", study, series, sop, CT, "CT"), i));
                }
                stow(files.toArray(new byte[0][])); // 200: acknowledged, although nothing can be archived
            }
            // every task tried, failed, and waits; none is ARCHIVED or FAILED. A first attempt counts only
            // once it ended (PENDING again, or claimed again): a claim counts its attempt at once, and with
            // several sessions one attempt may still be waiting for its first target while all are claimed
            await("every task attempted and waiting", () -> count("SELECT COUNT(*) FROM archive_task t JOIN instance i"
                    + " ON t.instance_fk = i.pk WHERE ((t.status = 'PENDING' AND t.attempts > 0)"
                    + " OR (t.status = 'RUNNING' AND t.attempts > 1))"
                    + " AND i.sop_iuid IN (" + in(sops) + ")", sops) == sops.size(), () -> "");
            assertEquals(0, count("SELECT COUNT(*) FROM archive_copy a JOIN instance i ON a.instance_fk = i.pk"
                    + " WHERE i.sop_iuid IN (" + in(sops) + ")", sops), "no copy while the stores are down");
            JsonObject status = ArchiveFixture.adminArchive();
            assertTrue(status.getJsonNumber("backlog").longValue() >= sops.size(), status.toString());
            assertTrue(status.getJsonNumber("oldestPendingSeconds").longValue() >= 0, status.toString());
            for (JsonObject t : status.getJsonArray("targets").getValuesAs(JsonObject.class)) {
                assertFalse(t.getBoolean("up"), "unavailable: " + t);
                assertTrue(t.getJsonNumber("backlog").longValue() >= sops.size(), t.toString());
                assertTrue(t.containsKey("lastError"), t.toString());
            }
            String metrics = ArchiveFixture.metrics();
            assertTrue(metrics.contains("\nhozon_archive_target_up{target=\"primary\"} 0\n"), metrics);
            assertEquals(503, ArchiveFixture.readiness().statusCode(), "not ready without the required targets");
        } finally {
            TARGETS.forEach(t -> TestInfrastructure.s3proxy(t).start());
        }

        awaitArchived(sops);
        awaitIdle();
        assertExactlyOneCopyEach(sops, before, TARGETS);
        await("ready again", () -> ArchiveFixture.readiness().statusCode() == 200, () -> "");
    }

    @Test
    void aRequiredTargetDownKeepsInstancesUnarchivedUntilItRecovers() throws Exception {
        String down = TestInfrastructure.PRIMARY;
        String up = TestInfrastructure.OFFSITE;
        awaitIdle();
        Map<String, Set<String>> before = snapshot();
        List<String> sops = new ArrayList<>();
        byte[][] files = study("PID-REQ", "Required^Down", 3, sops);
        Map<String, Object> upCopies = new HashMap<>();
        TestInfrastructure.s3proxy(down).stop();
        try {
            stow(files);
            // the copies to the other target are made and recorded; the required one fails, and so the tasks wait
            await("copies on " + up + " recorded, " + down + " failed", () -> count("SELECT COUNT(*) FROM archive_task t"
                    + " JOIN instance i ON t.instance_fk = i.pk WHERE t.status = 'PENDING' AND t.attempts > 0"
                    + " AND t.last_error LIKE '" + down + ":%' AND i.sop_iuid IN (" + in(sops) + ")", sops) == sops.size()
                    && copies(up, sops).size() == sops.size(), () -> tasks(sops));
            assertEquals(0, count("SELECT COUNT(*) FROM archive_task t JOIN instance i ON t.instance_fk = i.pk"
                    + " WHERE t.status = 'ARCHIVED' AND i.sop_iuid IN (" + in(sops) + ")", sops),
                    "not ARCHIVED while a required target lacks the copy");
            upCopies.putAll(copies(up, sops));
            JsonObject target = target(down);
            assertFalse(target.getBoolean("up"), target.toString());
            assertTrue(target.getJsonNumber("backlog").longValue() >= sops.size(), target.toString());
            assertTrue(target.getJsonObject("node").getJsonNumber("failures").longValue() > 0, target.toString());
            assertEquals(503, ArchiveFixture.readiness().statusCode(), "not ready without a required target");
        } finally {
            TestInfrastructure.s3proxy(down).start();
        }

        awaitArchived(sops);
        awaitIdle();
        assertEquals(upCopies, copies(up, sops), "the copies on " + up + " were not made again");
        assertExactlyOneCopyEach(sops, before, TARGETS);
        await("ready again", () -> ArchiveFixture.readiness().statusCode() == 200, () -> "");
    }

    @Test
    void anOptionalTargetDownDelaysOnlyItsOwnCopies() throws Exception {
        String down = TestInfrastructure.OFFSITE;
        String up = TestInfrastructure.PRIMARY;
        awaitIdle();
        Map<String, Set<String>> before = snapshot();
        List<String> sops = new ArrayList<>();
        byte[][] files = study("PID-OPT", "Optional^Down", 3, sops);
        Map<String, Object> upCopies = new HashMap<>();
        List<List<Object>> archived;
        TestInfrastructure.s3proxy(down).stop();
        try {
            stow(files);
            // ARCHIVED with the required copies; the optional target's copies wait, and say why
            awaitArchived(sops);
            await("the optional copies failed", () -> count("SELECT COUNT(*) FROM archive_task t JOIN instance i"
                    + " ON t.instance_fk = i.pk WHERE t.status = 'ARCHIVED' AND t.last_error LIKE '%" + down + ":%'"
                    + " AND i.sop_iuid IN (" + in(sops) + ")", sops) == sops.size(), () -> tasks(sops));
            assertEquals(0, copies(down, sops).size());
            upCopies.putAll(copies(up, sops));
            archived = rows("SELECT i.sop_iuid, t.completed_at FROM archive_task t JOIN instance i ON t.instance_fk = i.pk"
                    + " WHERE i.sop_iuid IN (" + in(sops) + ") ORDER BY i.sop_iuid", sops);
            JsonObject target = target(down);
            assertFalse(target.getBoolean("up"), target.toString());
            assertTrue(target.getJsonNumber("backlog").longValue() >= sops.size(), target.toString());
            assertEquals(200, ArchiveFixture.readiness().statusCode(), "ready without an optional target");
        } finally {
            TestInfrastructure.s3proxy(down).start();
        }

        awaitIdle(); // the optional copies caught up
        assertEquals(upCopies, copies(up, sops), "the copies on " + up + " were not made again");
        assertEquals(archived, rows("SELECT i.sop_iuid, t.completed_at FROM archive_task t JOIN instance i"
                + " ON t.instance_fk = i.pk WHERE i.sop_iuid IN (" + in(sops) + ") ORDER BY i.sop_iuid", sops),
                "ARCHIVED all along, at the same time");
        assertExactlyOneCopyEach(sops, before, TARGETS);
    }

    /** @return the files of one study with {@code n} instances, their SOP Instance UIDs added to {@code sops} */
    private static byte[][] study(String patientId, String name, int n, List<String> sops) {
        String study = uid();
        String series = uid();
        byte[][] files = new byte[n][];
        for (int i = 0; i < n; i++) {
            String sop = uid();
            sops.add(sop);
            files[i] = file(header(patientId, name, "19800202", study, series, sop, CT, "CT"), i);
        }
        return files;
    }

    /** @return per SOP Instance UID, its copy row on the target (pk, time, ETag) */
    private static Map<String, Object> copies(String target, List<String> sops) throws Exception {
        Map<String, Object> out = new HashMap<>();
        for (List<Object> r : rows("SELECT i.sop_iuid, a.pk, a.archived_at, a.etag FROM archive_copy a JOIN instance i"
                + " ON a.instance_fk = i.pk WHERE a.target = ? AND i.sop_iuid IN (" + in(sops) + ")", concat(target, sops))) {
            out.put((String) r.get(0), r.subList(1, 4));
        }
        return out;
    }

    private static JsonObject target(String name) throws Exception {
        return ArchiveFixture.adminArchive().getJsonArray("targets").getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("name").equals(name)).findFirst().orElseThrow();
    }

    private static String tasks(List<String> sops) throws Exception {
        return rows("SELECT t.status, t.attempts, t.last_error FROM archive_task t JOIN instance i ON t.instance_fk = i.pk"
                + " WHERE i.sop_iuid IN (" + in(sops) + ")", sops).toString();
    }

    private static Map<String, Set<String>> snapshot() {
        Map<String, Set<String>> keys = new HashMap<>();
        TARGETS.forEach(t -> keys.put(t, keys(t)));
        return keys;
    }

    /**
     * Each instance has one copy row per target, and each target's bucket gained exactly the
     * instances' objects and sidecars (no duplicate under another key), each equal to its record.
     */
    private static void assertExactlyOneCopyEach(List<String> sops, Map<String, Set<String>> before, List<String> targets)
            throws Exception {
        for (String target : targets) {
            List<List<Object>> copies = rows("SELECT a.object_key, a.sidecar_key, a.ciphertext_sha256 FROM archive_copy a"
                    + " JOIN instance i ON a.instance_fk = i.pk WHERE a.target = ? AND i.sop_iuid IN (" + in(sops) + ")",
                    concat(target, sops));
            assertEquals(sops.size(), copies.size(), "one copy row per instance in " + target);
            Set<String> expected = new HashSet<>();
            for (List<Object> c : copies) {
                expected.add((String) c.get(0));
                expected.add((String) c.get(1));
            }
            Set<String> added = new HashSet<>(keys(target));
            added.removeAll(before.get(target));
            assertEquals(expected, added, "the objects " + target + " gained are exactly the instances' objects and sidecars");
            try (S3Client s3 = s3(target)) {
                for (List<Object> c : copies) {
                    assertEquals(c.get(2), sha256(s3.getObjectAsBytes(b -> b.bucket(bucket(target)).key((String) c.get(0)))
                            .asByteArray()), "object in " + target + " equals its record");
                }
            }
        }
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
