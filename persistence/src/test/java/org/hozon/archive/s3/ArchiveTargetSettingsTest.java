package org.hozon.archive.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ArchiveTargetSettingsTest {

    private static List<ArchiveTarget> read(String... keyValues) {
        Map<String, String> config = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put(keyValues[i], keyValues[i + 1]);
        }
        return ArchiveTargetSettings.read(k -> Optional.ofNullable(config.get(k)));
    }

    @Test
    void withoutTargetSettingsTheS3SettingsDescribeTheOneTargetPrimary() {
        List<ArchiveTarget> targets = read("hozon.s3.bucket", "scans", "hozon.s3.endpoint", "http://s3.local:9000",
                "hozon.s3.access-key", "ak", "hozon.s3.secret-key", "sk");
        assertEquals(1, targets.size());
        ArchiveTarget t = targets.get(0);
        assertEquals("primary", t.name());
        assertEquals("scans", t.bucket());
        assertEquals(Optional.of(URI.create("http://s3.local:9000")), t.endpoint());
        assertEquals("us-east-1", t.region());
        assertEquals("ak", t.accessKey());
        assertEquals("sk", t.secretKey());
        assertTrue(t.required());
        assertTrue(t.pathStyle());
        assertTrue(t.staticCredentials());
        assertEquals(Optional.empty(), t.storageClass());
    }

    @Test
    void defaultsFitTheLauncherS3proxy() {
        ArchiveTarget t = read().get(0);
        assertEquals("hozon-archive", t.bucket());
        assertEquals(Optional.of(URI.create("http://127.0.0.1:9000")), t.endpoint());
        assertEquals("hozon", t.accessKey());
    }

    @Test
    void theOlderSingleTargetNameStillNamesIt() {
        assertEquals("main", read("hozon.archive.target", "main").get(0).name());
    }

    @Test
    void severalTargetsInheritFromS3SettingsExceptTheBucket() {
        List<ArchiveTarget> targets = read("hozon.archive.targets", "primary, offsite",
                "hozon.s3.region", "ap-northeast-1", "hozon.s3.endpoint", "aws",
                "hozon.archive.target.offsite.bucket", "dr-copies",
                "hozon.archive.target.offsite.region", "ap-northeast-3",
                "hozon.archive.target.offsite.storage-class", "deep_archive",
                "hozon.archive.target.offsite.required", "false",
                "hozon.archive.target.offsite.credentials", "default");
        assertEquals(List.of("primary", "offsite"), targets.stream().map(ArchiveTarget::name).toList());
        ArchiveTarget primary = targets.get(0);
        ArchiveTarget offsite = targets.get(1);
        assertEquals("hozon-archive", primary.bucket());
        assertEquals("ap-northeast-1", primary.region());
        assertEquals(Optional.empty(), primary.endpoint(), "aws: the region's endpoint");
        assertEquals("dr-copies", offsite.bucket());
        assertEquals("ap-northeast-3", offsite.region());
        assertEquals(Optional.of("DEEP_ARCHIVE"), offsite.storageClass());
        assertFalse(offsite.required());
        assertFalse(offsite.staticCredentials());
        assertFalse(offsite.toString().contains("hozon-secret-key"), "no secret in logs");
    }

    @Test
    void aFurtherTargetMustNameItsBucket() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> read("hozon.archive.targets", "primary,offsite"));
        assertTrue(e.getMessage().contains("hozon.archive.target.offsite.bucket"), e.getMessage());
    }

    @Test
    void misconfigurationsAreRefusedWithAReason() {
        assertThrows(IllegalStateException.class, () -> read("hozon.archive.targets", "a,a"));
        assertThrows(IllegalStateException.class, () -> read("hozon.archive.targets", "bad name"));
        assertThrows(IllegalStateException.class, () -> read("hozon.archive.targets", " , "));
        assertThrows(IllegalStateException.class, () -> read("hozon.archive.targets", "a,b",
                "hozon.archive.target.b.bucket", "hozon-archive"), "two targets on one bucket");
        assertThrows(IllegalStateException.class, () -> read("hozon.archive.target.primary.required", "false"),
                "no required target");
        assertThrows(IllegalStateException.class, () -> read("hozon.archive.target.primary.required", "maybe"));
        assertThrows(IllegalStateException.class, () -> read("hozon.s3.credentials", "iam"));
    }
}
