package org.hozon.web.admin;

import java.util.Locale;

import org.hozon.archive.restore.RestoreCounts;
import org.hozon.archive.restore.RestoreStatus;

/**
 * A restore's status as one line for people, starting with its state, e.g.
 * {@code RESTORING run 3: 1200 of 10000 objects done (restored 1150, skipped 30, failed 20),
 * 1.2 of 9.8 GB, 45.1 instances/s, 23.4 MB/s, ETA 3 min 12 s}.
 */
final class RestoreSummary {
    private RestoreSummary() {
    }

    static String line(RestoreStatus s) {
        if (s.run() == null) {
            return s.state();
        }
        RestoreCounts c = s.counts();
        StringBuilder b = new StringBuilder(s.state()).append(" run ").append(s.run()).append(": ");
        if (RestoreStatus.LISTING.equals(s.state())) {
            return b.append("listing the bucket, ").append(c.found()).append(" objects found so far (")
                    .append(bytes(c.bytesFound())).append(')').toString();
        }
        b.append(c.found() - c.pending()).append(" of ").append(c.found()).append(" objects done (restored ")
                .append(c.restored()).append(", skipped ").append(c.skipped()).append(", failed ").append(c.failed())
                .append("), ").append(bytes(c.bytesProcessed())).append(" of ").append(bytes(c.bytesFound()));
        if (s.instancesPerSecond() > 0 || s.megabytesPerSecond() > 0) {
            b.append(String.format(Locale.ROOT, ", %.1f instances/s, %.1f MB/s", s.instancesPerSecond(),
                    s.megabytesPerSecond()));
        }
        if (s.active() && s.etaSeconds() >= 0) {
            b.append(", ETA ").append(duration(s.etaSeconds()));
        }
        if (s.error() != null) {
            b.append("; error: ").append(s.error());
        }
        return b.toString();
    }

    private static String bytes(long n) {
        return n >= 1_000_000_000L ? String.format(Locale.ROOT, "%.1f GB", n / 1e9)
                : String.format(Locale.ROOT, "%.1f MB", n / 1e6);
    }

    private static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}
