package org.hozon.bench.load;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import org.hozon.bench.data.CtStudyGenerator;

/**
 * {@code --archive-throughput}: how fast Hozon archives a backlog on an otherwise idle server.
 * Archiving is paused ({@link MdbDelivery}), {@code --instances} CT instances are stored, archiving
 * resumes, and {@code /admin/archive} is polled until every one is ARCHIVED. The rate is counted
 * from the first poll that sees an instance archived to the one that sees the last, so the
 * jboss-cli start-up does not count.
 */
final class ArchiveThroughputRun {
    /**
     * Between polls of /admin/archive, which costs the server a few milliseconds (its lag figures
     * read the last 10,000 archived tasks): the end is seen up to this late, an error of about
     * a second in the drain time.
     */
    private static final long POLL_MILLIS = 1000;
    private static final long STALL_NANOS = 120_000_000_000L;

    private final ArchiveOptions o;
    private final Report report;
    private final ArchiveStatusClient status;

    ArchiveThroughputRun(ArchiveOptions o, Report report) {
        this.o = o;
        this.report = report;
        this.status = new ArchiveStatusClient(o.adminUrl, o.user, o.password);
    }

    /** @return whether every request succeeded and every instance was archived */
    boolean run() throws IOException, InterruptedException {
        CtStudyGenerator generator = new CtStudyGenerator(o.seed);
        StowRequestFactory factory = new StowRequestFactory(generator, new SlicePool(o.seed, o.pool), o.seed, o.perRequest);
        StowRequest sample = factory.request(0);
        double bytesPerInstance = (double) sample.length() / sample.instances();
        StowPhase stow = new StowPhase(new DicomWebClient(o.baseUrl, o.user, o.password), factory, 0);
        if (o.warmup > 0) {
            // the JIT must have compiled the archive path (AES-GCM, SHA-256 intrinsics) before it is timed
            StowLevel w = stow.run(Math.min(4, o.clients), (o.warmup + o.perRequest - 1) / o.perRequest, 0);
            report.note("warm-up: %d instances stored (%d errors); waiting for them to be archived", w.instancesOk,
                    w.errorRequests);
        }
        ArchiveStatusClient.Snapshot before = status.awaitNothingPending(o.drainSeconds, report);
        MdbDelivery mdb = new MdbDelivery(o.jbossCli, URI.create(o.baseUrl).getHost(), o.managementPort);
        report.note("pausing archiving: %s ... stop-delivery", mdb.cli());
        mdb.stop();
        boolean resumed = false;
        try {
            report.stowHeader();
            StowLevel level = stow.run(o.clients, (o.instances + o.perRequest - 1) / o.perRequest, 0);
            report.stow(level);
            ArchiveStatusClient.Snapshot filled = status.read();
            report.note("backlog %d tasks (PENDING %d, RUNNING %d); %.0f bytes per instance (request body share);"
                    + " resuming archiving", filled.backlog(), filled.pending(), filled.running(), bytesPerInstance);
            ProcessCpu processes = new ProcessCpu(o.pids);
            mdb.start();
            resumed = true;
            return drain(before, filled, bytesPerInstance, processes) && level.errorRequests == 0;
        } finally {
            if (!resumed) {
                mdb.start();
            }
        }
    }

    private boolean drain(ArchiveStatusClient.Snapshot before, ArchiveStatusClient.Snapshot filled, double bytesPerInstance,
            ProcessCpu processes) throws IOException, InterruptedException {
        long target = filled.archived() + filled.pending(); // nothing was pending before: these are ours
        ArchiveStatusClient.Snapshot first = null;
        ProcessCpu.Reading cpuFirst = null;
        CpuMeter.Reading machineFirst = null;
        ArchiveStatusClient.Snapshot last = filled;
        ArchiveStatusClient.Snapshot shown = filled;
        long progressAt = System.nanoTime();
        out("%-7s %8s %9s %8s %8s %8s", "ARCH", "seconds", "archived", "inst/s", "MB/s", "backlog");
        while (true) {
            Thread.sleep(POLL_MILLIS);
            ArchiveStatusClient.Snapshot s = status.read();
            if (s.archived() > last.archived()) {
                progressAt = s.nanos();
            }
            if (first == null && s.archived() > filled.archived()) {
                first = s;
                shown = s;
                cpuFirst = processes.read();
                machineFirst = CpuMeter.read();
            }
            last = s;
            if (first != null && s.nanos() - shown.nanos() >= 5_000_000_000L) {
                progress(first, shown, s, bytesPerInstance);
                shown = s;
            }
            if (s.archived() >= target || (s.pending() == 0 && s.running() <= before.running() && first != null)) {
                break;
            }
            if (s.nanos() - progressAt > STALL_NANOS) {
                report.note("no progress for %d s: giving up (backlog %d, FAILED %d)", STALL_NANOS / 1_000_000_000L,
                        s.backlog(), s.failed());
                return false;
            }
        }
        if (first == null || last == first) {
            report.note("the backlog was archived before the second poll: store more (--instances)");
            return false;
        }
        ProcessCpu.Reading cpuLast = processes.read();
        CpuMeter.Usage machine = CpuMeter.between(machineFirst, CpuMeter.read());
        long n = last.archived() - first.archived();
        double seconds = (last.nanos() - first.nanos()) / 1e9;
        out("%-7s %9s %8s %8s %8s %8s %7s %6s  %s", "ARCHIVE", "instances", "seconds", "inst/s", "MB/s", "failed",
                "machine%", "load", "cores used");
        out("%-7s %9d %8.1f %8.1f %8.1f %8d %7.1f %6s  %s", "ARCHIVE", n, seconds, n / seconds,
                n * bytesPerInstance / 1e6 / seconds, last.failed() - before.failed(), machine.machineBusy * 100,
                CpuMeter.loadAverage().split(" ")[0], ProcessCpu.coresBetween(cpuFirst, cpuLast));
        return last.failed() == before.failed() && last.archived() >= target;
    }

    private void progress(ArchiveStatusClient.Snapshot first, ArchiveStatusClient.Snapshot a, ArchiveStatusClient.Snapshot b,
            double bytesPerInstance) {
        double seconds = (b.nanos() - a.nanos()) / 1e9;
        long n = b.archived() - a.archived();
        out("%-7s %8.1f %9d %8.1f %8.1f %8d", "ARCH", (b.nanos() - first.nanos()) / 1e9, b.archived() - first.archived(),
                n / seconds, n * bytesPerInstance / 1e6 / seconds, b.backlog());
    }

    private void out(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
