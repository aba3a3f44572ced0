package org.hozon.archive.service;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * How far this node's archive queue has got, to tell a task whose message was lost from one whose
 * message is merely waiting behind a backlog. The queue delivers roughly in the order tasks were
 * created, so once a first attempt has taken up a task created at time C, a task created well
 * before C that is still untouched has lost its message. When nothing has been taken up for a
 * while, the queue is idle and every task waiting that long has lost its message.
 *
 * <p>Without this, a backlog older than {@code hozon.archive.recovery-after-seconds} (an outage,
 * a burst) had every waiting task sent again, and again after each further period: the queue
 * filled with duplicates whose claims fail, and the archiver spent more on them than on archiving.
 */
@ApplicationScoped
public class QueueProgress {
    private final Instant started;
    private Instant newestTakenUp;
    private Instant lastTakenUpAt;

    public QueueProgress() {
        this(Instant.now());
    }

    QueueProgress(Instant started) {
        this.started = started;
    }

    /**
     * A first attempt took up a task.
     *
     * @param createdAt when the task was created
     * @param now       the time
     */
    public synchronized void tookUp(Instant createdAt, Instant now) {
        if (newestTakenUp == null || createdAt.isAfter(newestTakenUp)) {
            newestTakenUp = createdAt;
        }
        lastTakenUpAt = now;
    }

    /**
     * @param now   the time
     * @param grace how long a message may take to arrive ({@code hozon.archive.recovery-after-seconds})
     * @return tasks still waiting for their first attempt that were created before this instant have lost their message
     */
    public synchronized Instant lostBefore(Instant now, Duration grace) {
        Instant idleSince = lastTakenUpAt != null ? lastTakenUpAt : started;
        if (idleSince.isBefore(now.minus(grace))) {
            return now.minus(grace);
        }
        if (newestTakenUp == null) {
            return Instant.EPOCH;
        }
        Instant behind = newestTakenUp.minus(grace);
        return behind.isBefore(now.minus(grace)) ? behind : now.minus(grace);
    }
}
