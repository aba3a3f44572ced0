package org.hozon.archive.restore;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The counters of one attempt, updated by its workers as they record outcomes: the run's totals
 * (starting from what the database held) and what this attempt did, for its rates and ETA.
 */
final class RestoreProgress {
    private final Instant startedAt;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong restored = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong bytesFound = new AtomicLong();
    private final AtomicLong bytesProcessed = new AtomicLong();
    private final AtomicLong bytesRestored = new AtomicLong();
    private final AtomicLong attemptRestored = new AtomicLong();
    private final AtomicLong attemptBytesProcessed = new AtomicLong();
    private final AtomicLong attemptBytesRestored = new AtomicLong();

    RestoreProgress(RestoreCounts start, Instant startedAt) {
        this.startedAt = startedAt;
        pending.set(start.pending());
        restored.set(start.restored());
        skipped.set(start.skipped());
        failed.set(start.failed());
        bytesFound.set(start.bytesFound());
        bytesProcessed.set(start.bytesProcessed());
        bytesRestored.set(start.bytesRestored());
    }

    void listed(long objects, long bytes) {
        pending.addAndGet(objects);
        bytesFound.addAndGet(bytes);
    }

    void done(ObjectOutcome o) {
        pending.decrementAndGet();
        (switch (o.status()) {
            case ObjectOutcome.RESTORED -> restored;
            case ObjectOutcome.SKIPPED -> skipped;
            default -> failed;
        }).incrementAndGet();
        bytesProcessed.addAndGet(o.item().size());
        attemptBytesProcessed.addAndGet(o.item().size());
        if (ObjectOutcome.RESTORED.equals(o.status())) {
            attemptRestored.incrementAndGet();
            bytesRestored.addAndGet(o.restoredBytes());
            attemptBytesRestored.addAndGet(o.restoredBytes());
        }
    }

    /** @return the run's counts now */
    RestoreCounts counts() {
        return new RestoreCounts(pending.get(), restored.get(), skipped.get(), failed.get(), bytesFound.get(),
                bytesProcessed.get(), bytesRestored.get());
    }

    /** @return instances restored per second in this attempt, until {@code end} */
    double instancesPerSecond(Instant end) {
        return attemptRestored.get() / seconds(end);
    }

    /** @return megabytes (10^6) of instances restored per second in this attempt, until {@code end} */
    double megabytesPerSecond(Instant end) {
        return attemptBytesRestored.get() / 1e6 / seconds(end);
    }

    /**
     * @param end now
     * @return seconds until every object found is done at this attempt's rate (object bytes), or -1
     *         while unknown
     */
    long etaSeconds(Instant end) {
        long done = attemptBytesProcessed.get();
        if (done == 0) {
            return -1;
        }
        long remaining = bytesFound.get() - bytesProcessed.get();
        return (long) Math.ceil(Math.max(0, remaining) * seconds(end) / done);
    }

    private double seconds(Instant end) {
        return Math.max(0.001, Duration.between(startedAt, end).toNanos() / 1e9);
    }
}
