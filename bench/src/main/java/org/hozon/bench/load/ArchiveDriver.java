package org.hozon.bench.load;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The archive modes of the load driver, {@code bench/run-load <baseUrl> --archive-throughput} and
 * {@code --archive-lag} ({@link ArchiveOptions#USAGE}): Hozon-specific, they read its
 * {@code /admin/archive} and, for the throughput, pause its archive MDB.
 */
final class ArchiveDriver {
    private ArchiveDriver() {
    }

    /** @return the exit status: 0 all well, 1 a request failed or an instance was not archived, 2 bad command line */
    static int run(String[] args) throws Exception {
        if (java.util.Arrays.asList(args).contains("--help")) {
            System.out.println(ArchiveOptions.USAGE);
            return 0;
        }
        ArchiveOptions o;
        try {
            o = ArchiveOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(ArchiveOptions.USAGE);
            return 2;
        }
        Report report = new Report(System.out);
        report.note("command: bench/run-load %s", String.join(" ", args).replaceAll("(--(jdbc-)?password) \\S+", "$1 ***"));
        report.note("started %s; java %s; %d cores; load average %s; seed %d", OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS),
                System.getProperty("java.version"), CpuMeter.cores(), CpuMeter.loadAverage(), o.seed);
        boolean ok = o.mode == ArchiveOptions.Mode.LAG ? new ArchiveLagRun(o, report).run()
                : new ArchiveThroughputRun(o, report).run();
        report.note("finished; load average %s", CpuMeter.loadAverage());
        return ok ? 0 : 1;
    }
}
