package org.hozon.archive.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    private static ArchiveStatus status() {
        Map<String, Long> tasks = new TreeMap<>(Map.of("PENDING", 3L, "RUNNING", 1L, "ARCHIVED", 40L, "FAILED", 2L));
        Map<String, Long> lag = new LinkedHashMap<>();
        lag.put("p50", 1200L);
        lag.put("p95", 2500L);
        lag.put("p99", 4000L);
        lag.put("max", 4100L);
        ArchiveMeters meters = new ArchiveMeters();
        meters.copied("primary", 1000);
        meters.copyFailed("offsite");
        List<ArchiveStatus.TargetStatus> targets = List.of(
                new ArchiveStatus.TargetStatus("primary", "http://s3/a", true, null, true, null, null, 40, 4, 7, lag,
                        meters.of("primary")),
                new ArchiveStatus.TargetStatus("offsite", "http://s3/b", false, "GLACIER", false, null, "refused", 30, 14, 0,
                        Map.of(), meters.of("offsite")));
        return new ArchiveStatus(tasks, 2, 17, 7, lag, List.of(), targets,
                new ArchiveStatus.DeletionStatus(5, Map.of("offsite", 5L), 9, List.of()));
    }

    @Test
    void showsBacklogRateFailuresLagPerTarget() {
        String text = PrometheusText.render(status());
        assertTrue(text.contains("\nhozon_archive_backlog 4\n"), text);
        assertTrue(text.contains("\nhozon_archive_oldest_pending_seconds 17\n"), text);
        assertTrue(text.contains("\nhozon_archive_archived_last_minute 7\n"), text);
        assertTrue(text.contains("\nhozon_archive_failed 2\n"), text);
        assertTrue(text.contains("\nhozon_archive_lag_seconds{quantile=\"0.99\"} 4.000\n"), text);
        assertTrue(text.contains("\nhozon_archive_target_up{target=\"offsite\"} 0\n"), text);
        assertTrue(text.contains("\nhozon_archive_target_backlog{target=\"offsite\"} 14\n"), text);
        assertTrue(text.contains("\nhozon_archive_target_lag_seconds{target=\"primary\",quantile=\"0.5\"} 1.200\n"), text);
        assertTrue(text.contains("\nhozon_archive_target_bytes_total{target=\"primary\"} 1000\n"), text);
        assertTrue(text.contains("\nhozon_archive_target_failures_total{target=\"offsite\"} 1\n"), text);
        assertTrue(text.contains("\nhozon_archive_deletions_pending{target=\"primary\"} 0\n"), text);
        assertTrue(text.contains("\nhozon_archive_deletions_pending{target=\"offsite\"} 5\n"), text);
    }

    @Test
    void everyFamilyIsOneGroupAfterItsType() {
        String current = null;
        Set<String> done = new HashSet<>();
        for (String line : PrometheusText.render(status()).split("\n")) {
            if (line.startsWith("# TYPE ")) {
                String name = line.split(" ")[2];
                assertTrue(done.add(name), "family " + name + " declared twice");
                current = name;
            } else if (!line.startsWith("#")) {
                String name = line.split("[{ ]")[0];
                assertEquals(current, name, "sample outside its family's group: " + line);
                assertTrue(line.matches("[a-z_]+(\\{[^}]*\\})? -?[0-9.]+"), line);
            }
        }
    }
}
