package org.hozon.archive.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class QueueProgressTest {
    private static final Duration GRACE = Duration.ofSeconds(120);
    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

    @Test
    void nothingIsLostRightAfterStart() {
        QueueProgress p = new QueueProgress(T0);
        assertEquals(Instant.EPOCH, p.lostBefore(T0.plusSeconds(10), GRACE));
    }

    @Test
    void anIdleQueueHasLostWhatWaitedLongerThanTheGrace() {
        QueueProgress p = new QueueProgress(T0);
        Instant now = T0.plusSeconds(600);
        assertEquals(now.minus(GRACE), p.lostBefore(now, GRACE), "nothing taken up since the start");
        p.tookUp(T0.plusSeconds(100), T0.plusSeconds(101));
        assertEquals(now.minus(GRACE), p.lostBefore(now, GRACE), "last take-up 499 s ago");
    }

    @Test
    void aBacklogIsNotMistakenForLostMessages() {
        QueueProgress p = new QueueProgress(T0);
        // ten minutes into a burst, the queue works on tasks created at minute 2
        Instant now = T0.plusSeconds(600);
        p.tookUp(T0.plusSeconds(120), now.minusSeconds(1));
        assertEquals(T0, p.lostBefore(now, GRACE), "only tasks two minutes older than the queue's position");
    }

    @Test
    void aCurrentQueueLosesOnlyWhatIsAGraceOlderThanItsPosition() {
        QueueProgress p = new QueueProgress(T0);
        Instant now = T0.plusSeconds(600);
        p.tookUp(now.minusMillis(300), now.minusMillis(200));
        assertEquals(now.minusMillis(300).minus(GRACE), p.lostBefore(now, GRACE));
    }

    @Test
    void anOlderTaskTakenUpLaterDoesNotMoveThePositionBack() {
        QueueProgress p = new QueueProgress(T0);
        Instant now = T0.plusSeconds(600);
        p.tookUp(T0.plusSeconds(400), now.minusSeconds(2));
        p.tookUp(T0.plusSeconds(10), now.minusSeconds(1)); // a re-sent lost task
        assertEquals(T0.plusSeconds(400).minus(GRACE), p.lostBefore(now, GRACE));
    }
}
