package org.hozon.archive.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the archive looks like now: the backlog, its oldest entry, the recent rate and lag, the
 * tasks that failed for good, each target's state, and the deletion outbox.
 *
 * @param tasksByStatus        number of tasks per status (PENDING, RUNNING, ARCHIVED, FAILED)
 * @param retrying             PENDING tasks whose last attempt failed (they wait for their next)
 * @param oldestPendingSeconds age of the oldest task not yet archived (PENDING or RUNNING), or -1
 * @param archivedLastMinute   tasks archived in the last 60 seconds
 * @param lagMillis            percentiles (p50, p95, p99, max) of acknowledgement → ARCHIVED over the last
 *                             {@link ArchiveStatusService#LAG_SAMPLE} archived tasks; empty when none
 * @param failed               up to 100 FAILED tasks, oldest first
 * @param targets              each target, in the configured order
 * @param deletions            the deletion outbox
 */
public record ArchiveStatus(Map<String, Long> tasksByStatus, long retrying, long oldestPendingSeconds,
        long archivedLastMinute, Map<String, Long> lagMillis, List<FailedTask> failed, List<TargetStatus> targets,
        DeletionStatus deletions) {

    /**
     * A task that failed for good.
     *
     * @param taskPk    the task (retry it with {@code POST /admin/archive/tasks/{taskPk}/retry})
     * @param attempts  attempts made
     * @param lastError the last error
     */
    public record FailedTask(long taskPk, int attempts, String lastError) {
    }

    /**
     * One target.
     *
     * @param name             its name
     * @param location         endpoint and bucket
     * @param required         whether ARCHIVED waits for it
     * @param storageClass     storage class of its data objects, or null for the bucket's default
     * @param up               whether this node makes calls to it (false after a failure, until a probe succeeds)
     * @param since            when it became up or down on this node, or null (up since start)
     * @param lastError        its last failure on this node, or null
     * @param copies           copies it holds (recorded)
     * @param missing          tasks that still need a copy on it (its backlog)
     * @param copiedLastMinute copies it confirmed in the last 60 seconds
     * @param lagMillis        percentiles of acknowledgement → copy confirmed on it, over its last
     *                         {@link ArchiveStatusService#LAG_SAMPLE} copies
     * @param node             this node's counters since start
     */
    public record TargetStatus(String name, String location, boolean required, String storageClass, boolean up,
            Instant since, String lastError, long copies, long missing, long copiedLastMinute, Map<String, Long> lagMillis,
            ArchiveMeters.Counters node) {
    }

    /**
     * The deletion outbox.
     *
     * @param pending         copies waiting to be removed from S3
     * @param pendingByTarget the same per target
     * @param oldestSeconds   age of the oldest, or -1
     * @param failing         up to 100 deletions whose last attempt failed, oldest first
     */
    public record DeletionStatus(long pending, Map<String, Long> pendingByTarget, long oldestSeconds,
            List<FailingDeletion> failing) {
    }

    /**
     * A deletion whose last attempt failed; it is retried without end.
     *
     * @param pk        the row
     * @param target    the target
     * @param attempts  attempts made
     * @param lastError the last error
     */
    public record FailingDeletion(long pk, String target, int attempts, String lastError) {
    }
}
