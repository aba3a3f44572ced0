package org.hozon.archive.service;

import java.util.List;
import java.util.Map;

/**
 * What the archive looks like now: the backlog, its oldest entry, the recent rate and lag, and
 * the tasks that failed for good.
 *
 * @param tasksByStatus       number of tasks per status (PENDING, RUNNING, ARCHIVED, FAILED)
 * @param oldestPendingSeconds age of the oldest task not yet archived (PENDING or RUNNING), or -1
 * @param archivedLastMinute  tasks archived in the last 60 seconds
 * @param lagMillis           percentiles (p50, p95, p99, max) of acknowledgement → ARCHIVED over the last
 *                            {@link ArchiveStatusService#LAG_SAMPLE} archived tasks; empty when none
 * @param failed              up to 100 FAILED tasks, oldest first
 */
public record ArchiveStatus(Map<String, Long> tasksByStatus, long oldestPendingSeconds, long archivedLastMinute,
        Map<String, Long> lagMillis, List<FailedTask> failed) {

    /**
     * A task that failed for good.
     *
     * @param taskPk    the task (retry it with {@code POST /admin/archive/tasks/{taskPk}/retry})
     * @param attempts  attempts made
     * @param lastError the last error
     */
    public record FailedTask(long taskPk, int attempts, String lastError) {
    }
}
