package org.hozon.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** CPU time of named processes on this machine (Linux {@code /proc/<pid>/stat}), e.g. WildFly and s3proxy. */
final class ProcessCpu {
    private static final double TICKS_PER_SECOND = 100; // USER_HZ

    private final Map<String, Long> pids;

    /** One reading: wall clock and utime + stime ticks per name (-1 if unreadable). */
    record Reading(long nanos, Map<String, Long> ticks) {
    }

    ProcessCpu(Map<String, Long> pids) {
        this.pids = pids;
    }

    Reading read() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        pids.forEach((name, pid) -> ticks.put(name, ticks(pid)));
        return new Reading(System.nanoTime(), ticks);
    }

    /** @return e.g. "wildfly=1.42 s3proxy=0.51" (cores used between the readings), or "" with no processes */
    static String coresBetween(Reading a, Reading b) {
        StringBuilder sb = new StringBuilder();
        double seconds = (b.nanos() - a.nanos()) / 1e9;
        a.ticks().forEach((name, t0) -> {
            Long t1 = b.ticks().get(name);
            String v = t0 < 0 || t1 == null || t1 < 0 || seconds <= 0 ? "?"
                    : String.format(Locale.ROOT, "%.2f", (t1 - t0) / TICKS_PER_SECOND / seconds);
            sb.append(sb.length() == 0 ? "" : " ").append(name).append('=').append(v);
        });
        return sb.toString();
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
