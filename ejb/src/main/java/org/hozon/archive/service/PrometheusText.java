package org.hozon.archive.service;

import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Renders the archive's state in the Prometheus text exposition format (version 0.0.4): gauges
 * read from the database (the same for every node) and counters of this node since it started.
 * Durations are in seconds, as Prometheus names them.
 */
public final class PrometheusText {

    /** The media type of the format. */
    public static final String MEDIA_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder out = new StringBuilder(4096);

    private PrometheusText() {
    }

    /**
     * @param s the archive's state
     * @return the metrics
     */
    public static String render(ArchiveStatus s) {
        PrometheusText p = new PrometheusText();
        p.type("hozon_archive_tasks", "gauge", "Archive tasks per status.");
        s.tasksByStatus().forEach((status, n) -> p.sample("hozon_archive_tasks", "status", status, n));
        long backlog = s.tasksByStatus().getOrDefault("PENDING", 0L) + s.tasksByStatus().getOrDefault("RUNNING", 0L);
        p.gauge("hozon_archive_backlog", "Instances not yet archived to every required target (PENDING or RUNNING).", backlog);
        p.gauge("hozon_archive_retrying", "PENDING tasks whose last attempt failed.", s.retrying());
        p.gauge("hozon_archive_failed", "Tasks that failed for good (an operator retries them).",
                s.tasksByStatus().getOrDefault("FAILED", 0L));
        p.gauge("hozon_archive_oldest_pending_seconds", "Age of the oldest task not yet archived; 0 when none.",
                Math.max(0, s.oldestPendingSeconds()));
        p.gauge("hozon_archive_archived_last_minute", "Instances that became ARCHIVED in the last 60 seconds.",
                s.archivedLastMinute());
        p.type("hozon_archive_lag_seconds", "gauge", "Acknowledgement to ARCHIVED, percentiles over recent tasks.");
        p.quantiles("hozon_archive_lag_seconds", null, s.lagMillis());

        // each family's samples stay together, as the format requires
        p.perTarget(s, "hozon_archive_target_up", "gauge",
                "1 if this node makes calls to the target, 0 after a failure until a probe succeeds.", t -> t.up() ? 1L : 0L);
        p.perTarget(s, "hozon_archive_target_required", "gauge", "1 if ARCHIVED waits for the target.",
                t -> t.required() ? 1L : 0L);
        p.perTarget(s, "hozon_archive_target_copies", "gauge", "Copies the target holds (recorded).",
                ArchiveStatus.TargetStatus::copies);
        p.perTarget(s, "hozon_archive_target_backlog", "gauge", "Tasks that still need a copy on the target.",
                ArchiveStatus.TargetStatus::missing);
        p.perTarget(s, "hozon_archive_target_copied_last_minute", "gauge",
                "Copies the target confirmed in the last 60 seconds.", ArchiveStatus.TargetStatus::copiedLastMinute);
        p.type("hozon_archive_target_lag_seconds", "gauge", "Acknowledgement to copy confirmed on the target, percentiles.");
        for (ArchiveStatus.TargetStatus t : s.targets()) {
            p.quantiles("hozon_archive_target_lag_seconds", t.name(), t.lagMillis());
        }
        p.perTarget(s, "hozon_archive_target_copies_total", "counter",
                "Copies this node made to the target since it started.", t -> t.node().copies());
        p.perTarget(s, "hozon_archive_target_bytes_total", "counter",
                "Bytes of data objects this node PUT to the target since it started.", t -> t.node().bytes());
        p.perTarget(s, "hozon_archive_target_failures_total", "counter",
                "Failed copy attempts of this node on the target since it started.", t -> t.node().copyFailures());
        p.perTarget(s, "hozon_archive_target_deletions_total", "counter",
                "Copies this node removed from the target since it started.", t -> t.node().deletions());
        p.perTarget(s, "hozon_archive_target_deletion_failures_total", "counter",
                "Failed deletion attempts of this node on the target since it started.", t -> t.node().deletionFailures());

        p.type("hozon_archive_deletions_pending", "gauge", "S3 copies of deleted instances waiting to be removed, per target.");
        for (ArchiveStatus.TargetStatus t : s.targets()) {
            p.sample("hozon_archive_deletions_pending", "target", t.name(),
                    s.deletions().pendingByTarget().getOrDefault(t.name(), 0L));
        }
        s.deletions().pendingByTarget().forEach((target, n) -> {
            if (s.targets().stream().noneMatch(t -> t.name().equals(target))) {
                p.sample("hozon_archive_deletions_pending", "target", target, n);
            }
        });
        p.gauge("hozon_archive_deletions_oldest_seconds", "Age of the oldest waiting deletion; 0 when none.",
                Math.max(0, s.deletions().oldestSeconds()));
        return p.out.toString();
    }

    private void perTarget(ArchiveStatus s, String name, String type, String help,
            ToLongFunction<ArchiveStatus.TargetStatus> value) {
        type(name, type, help);
        for (ArchiveStatus.TargetStatus t : s.targets()) {
            sample(name, "target", t.name(), value.applyAsLong(t));
        }
    }

    private void type(String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private void gauge(String name, String help, long value) {
        type(name, "gauge", help);
        out.append(name).append(' ').append(value).append('\n');
    }

    private void sample(String name, String label, String value, long n) {
        out.append(name).append('{').append(label).append("=\"").append(escape(value)).append("\"} ").append(n).append('\n');
    }

    private void quantiles(String name, String target, Map<String, Long> millis) {
        String[][] q = {{"p50", "0.5"}, {"p95", "0.95"}, {"p99", "0.99"}, {"max", "1"}};
        for (String[] e : q) {
            Long ms = millis.get(e[0]);
            if (ms != null) {
                out.append(name).append('{');
                if (target != null) {
                    out.append("target=\"").append(escape(target)).append("\",");
                }
                out.append("quantile=\"").append(e[1]).append("\"} ")
                        .append(String.format(Locale.ROOT, "%.3f", ms / 1000.0)).append('\n');
            }
        }
    }

    private static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
