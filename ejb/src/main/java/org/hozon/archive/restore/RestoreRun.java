package org.hozon.archive.restore;

import java.time.Instant;

/**
 * A row of {@code restore_run}.
 *
 * @param pk               the run
 * @param bucket           the bucket it restores from
 * @param status           {@link #RUNNING}, {@link #INTERRUPTED}, {@link #ABORTED} or {@link #COMPLETED}
 * @param node             the node that works (or worked) on it: node name, '/', a per-start id
 * @param createdAt        when it was started first
 * @param attemptStartedAt when it was started or continued last
 * @param heartbeatAt      when its node last said it was alive
 * @param finishedAt       when it ended last, or null
 * @param listingComplete  whether the whole bucket was listed
 * @param error            why it was aborted, or null
 */
public record RestoreRun(long pk, String bucket, String status, String node, Instant createdAt, Instant attemptStartedAt,
        Instant heartbeatAt, Instant finishedAt, boolean listingComplete, String error) {

    /** A node works on it (if its heartbeat is fresh). */
    public static final String RUNNING = "RUNNING";
    /** Its node stopped before it was done; a new start continues it. */
    public static final String INTERRUPTED = "INTERRUPTED";
    /** It stopped on an error (e.g. the bucket could not be listed); a new start continues it. */
    public static final String ABORTED = "ABORTED";
    /** Every object found was restored, skipped or failed. */
    public static final String COMPLETED = "COMPLETED";

    /** @return whether it is not COMPLETED */
    public boolean unfinished() {
        return !COMPLETED.equals(status);
    }
}
