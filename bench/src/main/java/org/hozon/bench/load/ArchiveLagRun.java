package org.hozon.bench.load;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.hozon.bench.data.CtStudyGenerator;

/**
 * {@code --archive-lag}: STOW at a constant rate (open loop: request {@code k} is due at
 * {@code k * per-request / rate} seconds, whatever the answers to earlier ones) for the duration,
 * with a progress line every {@code --sample} seconds; then waits for the backlog to drain and
 * prints the lag percentiles over every instance the run stored. With {@code --jdbc} the lags are
 * read from {@code archive_task} window by window ({@link TaskLags}; an instance not archived
 * counts as an infinite lag), and {@code --delete-after} may delete archived studies on the way
 * ({@link StudyDeleter}); without it, the admin API's figures over its last 10,000 tasks are shown.
 */
final class ArchiveLagRun {
    /** A request started this much after its due time means the clients could not keep the rate. */
    private static final long LATE_NANOS = 1_000_000_000L;
    /** Windows end this long before "now", so that every task archived in one has committed. */
    private static final Duration SETTLE = Duration.ofSeconds(5);

    private final ArchiveOptions o;
    private final Report report;
    private final ArchiveStatusClient status;
    private final AtomicInteger okInstances = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicInteger late = new AtomicInteger();
    private final AtomicLong okBytes = new AtomicLong();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private final Latencies latencies = new Latencies();
    private long[] lags = new long[0];

    ArchiveLagRun(ArchiveOptions o, Report report) {
        this.o = o;
        this.report = report;
        this.status = new ArchiveStatusClient(o.adminUrl, o.user, o.password);
    }

    /** @return whether every request succeeded and every instance of the run was archived */
    boolean run() throws IOException, InterruptedException, SQLException {
        if (o.jdbcUrl == null) {
            return run(null, null);
        }
        try (TaskLags db = new TaskLags(o.jdbcUrl, o.jdbcUser, o.jdbcPassword)) {
            if (o.deleteAfterSeconds == 0) {
                return run(db, null);
            }
            try (TaskLags deleterDb = new TaskLags(o.jdbcUrl, o.jdbcUser, o.jdbcPassword)) {
                return run(db, new StudyDeleter(o.baseUrl, o.deleteAfterSeconds, deleterDb));
            }
        }
    }

    private boolean run(TaskLags db, StudyDeleter deleter) throws IOException, InterruptedException, SQLException {
        CtStudyGenerator generator = new CtStudyGenerator(o.seed);
        StowRequestFactory factory = new StowRequestFactory(generator, new SlicePool(o.seed, o.pool), o.seed, o.perRequest);
        DicomWebClient client = new DicomWebClient(o.baseUrl, o.user, o.password);
        int requests = (int) Math.floor(o.durationSeconds * o.rate / o.perRequest);
        long interval = Math.round(o.perRequest / o.rate * 1e9);
        report.note("%d requests of %d instances, one every %.1f ms, for %d s; at most %d in flight; lag from %s%s",
                requests, o.perRequest, interval / 1e6, o.durationSeconds, o.clients,
                db == null ? "the admin API (last 10,000 archived tasks)" : "archive_task rows (" + o.jdbcUrl + ")",
                deleter == null ? "" : "; archived studies deleted " + o.deleteAfterSeconds + " s after their STOW at the earliest");

        if (o.warmup > 0) {
            // a cold server archives slowly until the JIT has compiled the archive path: not part of the figure
            StowLevel w = new StowPhase(client, factory, requests).run(4, (o.warmup + o.perRequest - 1) / o.perRequest, 0);
            report.note("warm-up: %d instances stored (%d errors); waiting for them to be archived", w.instancesOk,
                    w.errorRequests);
        }
        ArchiveStatusClient.Snapshot before = status.awaitNothingPending(o.drainSeconds, report);
        ProcessCpu processes = new ProcessCpu(o.pids);
        ProcessCpu.Reading cpuStart = processes.read();
        CpuMeter.Reading machineStart = CpuMeter.read();
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        if (deleter != null) {
            new Thread(deleter, "study-deleter").start();
        }
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < o.clients; t++) {
            Thread thread = new Thread(() -> send(client, factory, deleter, next, requests, t0, interval), "stow-rate-" + t);
            threads.add(thread);
            thread.start();
        }

        out("%-5s %7s %8s %7s %10s %8s %8s %8s %8s %8s %8s %8s", "LAGS", "seconds", "stored", "stow/s", "archived/s",
                "backlog", "oldest_s", "p50_ms", "p99_ms", "max_ms", "srv_p99", "deleted");
        ArchiveStatusClient.Snapshot previous = before;
        Instant windowStart = start;
        int previousOk = 0;
        long sample = o.sampleSeconds * 1_000_000_000L;
        for (long due = t0 + sample; threads.stream().anyMatch(Thread::isAlive) || due <= t0 + sample; due += sample) {
            LockSupport.parkNanos(Math.max(0, due - System.nanoTime()));
            ArchiveStatusClient.Snapshot s = status.read();
            long[] w = null;
            if (db != null) {
                Instant windowEnd = Instant.now().minus(SETTLE);
                w = collect(db, windowStart, windowEnd, start, deleter);
                windowStart = windowEnd;
            }
            double seconds = (s.nanos() - previous.nanos()) / 1e9;
            int ok = okInstances.get();
            // with deletions the ARCHIVED count also falls: count the window's archived tasks instead
            double archivedPerSecond = w != null ? w.length / (double) o.sampleSeconds
                    : (s.archived() - previous.archived()) / seconds;
            out("%-5s %7.0f %8d %7.1f %10.1f %8d %8d %8s %8s %8s %8d %8s", "LAGS", (s.nanos() - t0) / 1e9, ok,
                    (ok - previousOk) / seconds, archivedPerSecond, s.backlog(),
                    s.oldestPendingSeconds(), w == null ? "-" : Long.toString(TaskLags.percentile(w, 50)),
                    w == null ? "-" : Long.toString(TaskLags.percentile(w, 99)),
                    w == null ? "-" : Long.toString(TaskLags.percentile(w, 100)), s.lagP99(),
                    deleter == null ? "-" : Integer.toString(deleter.deleted()));
            previous = s;
            previousOk = ok;
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double stowSeconds = (System.nanoTime() - t0) / 1e9;
        ProcessCpu.Reading cpuEnd = processes.read();
        CpuMeter.Usage machine = CpuMeter.between(machineStart, CpuMeter.read());
        report.note("STOW done: %d instances in %.1f s (%.1f inst/s, %.1f MB/s), %d failed requests, %d requests started"
                + " over 1 s late; STOW latency p50/p95/p99 %.0f/%.0f/%.0f ms; machine %.0f%% busy; cores used: %s",
                okInstances.get(), stowSeconds, okInstances.get() / stowSeconds, okBytes.get() / 1e6 / stowSeconds,
                errors.get(), late.get(), latencies.percentileMillis(50), latencies.percentileMillis(95),
                latencies.percentileMillis(99), machine.machineBusy * 100, ProcessCpu.coresBetween(cpuStart, cpuEnd));
        if (firstError.get() != null) {
            report.note("first STOW error: %s", firstError.get());
        }
        ArchiveStatusClient.Snapshot drained = drain(before);
        if (deleter != null) {
            deleter.stop();
            report.note("%d studies deleted after archiving (%d DELETEs failed); their S3 copies stay", deleter.deleted(),
                    deleter.failed());
        }

        out("%-5s %7s %7s %9s %6s %8s %8s %8s %8s %8s %11s  %s", "LAG", "rate", "stow/s", "instances", "errors",
                "p50_ms", "p95_ms", "p99_ms", "max_ms", "unarch", "source", "load");
        long unarchived;
        if (db != null) {
            collect(db, windowStart, Instant.now().plusSeconds(1), start, null); // the rest, all committed now
            unarchived = Math.max(0, okInstances.get() - lags.length);
            out("%-5s %7.1f %7.1f %9d %6d %8s %8s %8s %8s %8d %11s  %s", "LAG", o.rate, okInstances.get() / stowSeconds,
                    okInstances.get(), errors.get(), rank(50, unarchived), rank(95, unarchived), rank(99, unarchived),
                    rank(100, unarchived), unarchived, "all-stored", CpuMeter.loadAverage());
        } else {
            unarchived = drained.pending() + Math.max(0, drained.running() - before.running());
            out("%-5s %7.1f %7.1f %9d %6d %8d %8d %8d %8d %8d %11s  %s", "LAG", o.rate, okInstances.get() / stowSeconds,
                    okInstances.get(), errors.get(), drained.lagP50(), drained.lagP95(), drained.lagP99(), drained.lagMax(),
                    unarchived, "last-10000", CpuMeter.loadAverage());
        }
        return errors.get() == 0 && unarchived == 0 && drained.failed() == before.failed();
    }

    /** Reads one window's lags, adds them to the run's, lets the deleter go as far; @return the window's, sorted */
    private long[] collect(TaskLags db, Instant from, Instant to, Instant createdSince, StudyDeleter deleter)
            throws SQLException {
        long[] w = db.archived(from, to, createdSince);
        long[] all = Arrays.copyOf(lags, lags.length + w.length);
        System.arraycopy(w, 0, all, lags.length, w.length);
        Arrays.sort(all);
        lags = all;
        if (deleter != null) {
            deleter.collectedUpTo(to);
        }
        return w;
    }

    /** Nearest-rank percentile over the archived lags plus {@code missing} infinite ones: "inf" when it falls there. */
    private String rank(double p, long missing) {
        long n = lags.length + missing;
        if (n == 0) {
            return "-";
        }
        long i = Math.max(0, (long) Math.ceil(p / 100 * n) - 1);
        return i >= lags.length ? "inf" : Long.toString(lags[(int) i]);
    }

    /** One client: takes the next request, waits for its due time, sends it. */
    private void send(DicomWebClient client, StowRequestFactory factory, StudyDeleter deleter, AtomicInteger next,
            int requests, long t0, long interval) {
        int k;
        while ((k = next.getAndIncrement()) < requests) {
            long due = t0 + k * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else if (-wait > LATE_NANOS) {
                late.incrementAndGet();
            }
            StowRequest request = factory.request(k);
            long sent = System.nanoTime();
            String error;
            try {
                error = StowResponses.check(client.stow(request), request.instances());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                error = e.toString();
            }
            long acked = System.nanoTime();
            latencies.add(acked - sent);
            if (error == null) {
                okInstances.addAndGet(request.instances());
                okBytes.addAndGet(request.length());
                if (deleter != null) {
                    deleter.stored(new StudyDeleter.Stored(request.studyUid(), request.sopInstanceUids(), acked));
                }
            } else {
                errors.incrementAndGet();
                firstError.compareAndSet(null, "request " + k + ": " + error);
            }
        }
    }

    private ArchiveStatusClient.Snapshot drain(ArchiveStatusClient.Snapshot before) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + o.drainSeconds * 1_000_000_000L;
        ArchiveStatusClient.Snapshot s = status.read();
        while ((s.pending() > 0 || s.running() > before.running()) && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            s = status.read();
        }
        report.note("after the run: backlog %d, oldest pending %d s, FAILED %d", s.backlog(), s.oldestPendingSeconds(),
                s.failed());
        return s;
    }

    private void out(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
