package org.hozon.archive.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class RestoreProgressTest {
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void countsRatesAndEtaOfAContinuedRun() {
        // a continued run: 10 objects done before (8 restored, 2 failed), 30 listed still to do
        RestoreProgress p = new RestoreProgress(new RestoreCounts(0, 8, 0, 2, 10_000, 10_000, 9_000), START);
        assertEquals(-1, p.etaSeconds(START.plusSeconds(1)), "no rate yet");
        p.listed(30, 30_000);
        for (int i = 0; i < 10; i++) {
            p.done(new ObjectOutcome(item(i), ObjectOutcome.RESTORED, "1.2." + i, null, null, 2_000_000, null));
        }
        p.done(ObjectOutcome.skipped(item(10), "1.2.10"));
        p.done(ObjectOutcome.failed(item(11), null, "no sidecar"));

        RestoreCounts c = p.counts();
        assertEquals(18, c.pending());
        assertEquals(18, c.restored());
        assertEquals(1, c.skipped());
        assertEquals(3, c.failed());
        assertEquals(40, c.found());
        assertEquals(40_000, c.bytesFound());
        assertEquals(22_000, c.bytesProcessed());
        assertEquals(20_009_000, c.bytesRestored());

        Instant end = START.plusSeconds(4);
        assertEquals(2.5, p.instancesPerSecond(end), 1e-9, "this attempt's restored instances only");
        assertEquals(5.0, p.megabytesPerSecond(end), 1e-9);
        // 12,000 object bytes in 4 s: the 18,000 left take 6 s
        assertEquals(6, p.etaSeconds(end));
        assertTrue(p.etaSeconds(START.plusSeconds(8)) > 6, "slower when the same work took longer");
    }

    private static RestoreItem item(int i) {
        return new RestoreItem(i, "k" + i, 1_000, START);
    }
}
