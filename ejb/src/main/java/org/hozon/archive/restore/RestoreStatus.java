package org.hozon.archive.restore;

import java.time.Instant;
import java.util.List;

/**
 * What the latest restore run looks like now.
 *
 * @param state              {@link #NONE}, {@link #LISTING}, {@link #RESTORING}, {@code RUNNING} (on another
 *                           node), {@code INTERRUPTED}, {@code ABORTED} or {@code COMPLETED}
 * @param run                the run, or null
 * @param bucket             the bucket it restores from, or null
 * @param node               the node working on it, or null
 * @param createdAt          when the run was started first, or null
 * @param attemptStartedAt   when it was started or continued last, or null
 * @param finishedAt         when it ended last, or null
 * @param listingComplete    whether the whole bucket was listed
 * @param counts             objects and bytes per state
 * @param instancesPerSecond instances restored per second by the last attempt (0 if not known here)
 * @param megabytesPerSecond megabytes (10^6) of instances restored per second by the last attempt
 * @param etaSeconds         seconds until done at the current rate, or -1 if unknown
 * @param error              why it was aborted, or null
 * @param failures           the first failed objects (at most {@link RestoreService#FAILURES_SHOWN})
 */
public record RestoreStatus(String state, Long run, String bucket, String node, Instant createdAt, Instant attemptStartedAt,
        Instant finishedAt, boolean listingComplete, RestoreCounts counts, double instancesPerSecond,
        double megabytesPerSecond, long etaSeconds, String error, List<RestoreRuns.Failure> failures) {

    /** No restore has ever run here. */
    public static final String NONE = "NONE";
    /** This node lists the bucket. */
    public static final String LISTING = "LISTING";
    /** This node restores objects. */
    public static final String RESTORING = "RESTORING";

    /** @return the state of a node without a restore */
    static RestoreStatus none() {
        return new RestoreStatus(NONE, null, null, null, null, null, null, false, RestoreCounts.NONE, 0, 0, -1, null, List.of());
    }

    /** @return whether a restore is working (here or on another node) */
    public boolean active() {
        return LISTING.equals(state) || RESTORING.equals(state) || RestoreRun.RUNNING.equals(state);
    }
}
