package org.hozon.bench.load;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
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
 * prints the percentiles of the lag over every task the run created ({@link TaskLags}, with
 * {@code --jdbc}) or the admin API's over its last 10,000 (without).
 */
final class ArchiveLagRun {
    /** A request started this much after its due time means the clients could not keep the rate. */
    private static final long LATE_NANOS = 1_000_000_000L;

    private final ArchiveOptions o;
    private final Report report;
    private final ArchiveStatusClient status;
    private final AtomicInteger okInstances = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicInteger late = new AtomicInteger();
    private final AtomicLong okBytes = new AtomicLong();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private final Latencies latencies = new Latencies();

    ArchiveLagRun(ArchiveOptions o, Report report) {
        this.o = o;
        this.report = report;
        this.status = new ArchiveStatusClient(o.adminUrl, o.user, o.password);
    }

    /** @return whether every request succeeded and every task of the run was archived */
    boolean run() throws IOException, InterruptedException, SQLException {
        TaskLags db = o.jdbcUrl == null ? null : new TaskLags(o.jdbcUrl, o.jdbcUser, o.jdbcPassword);
        try {
            return run(db);
        } finally {
            if (db != null) {
                db.close();
            }
        }
    }

    private boolean run(TaskLags db) throws IOException, InterruptedException, SQLException {
        CtStudyGenerator generator = new CtStudyGenerator(o.seed);
        StowRequestFactory factory = new StowRequestFactory(generator, new SlicePool(o.seed, o.pool), o.seed, o.perRequest);
        DicomWebClient client = new DicomWebClient(o.baseUrl, o.user, o.password);
        int requests = (int) Math.floor(o.durationSeconds * o.rate / o.perRequest);
        long interval = Math.round(o.perRequest / o.rate * 1e9);
        report.note("%d requests of %d instances, one every %.1f ms, for %d s; at most %d in flight; lag from %s",
                requests, o.perRequest, interval / 1e6, o.durationSeconds, o.clients,
                db == null ? "the admin API (last 10,000 archived tasks)" : "archive_task rows (" + o.jdbcUrl + ")");

        ArchiveStatusClient.Snapshot before = status.awaitNoBacklog(o.drainSeconds, report);
        ProcessCpu processes = new ProcessCpu(o.pids);
        ProcessCpu.Reading cpuStart = processes.read();
        CpuMeter.Reading machineStart = CpuMeter.read();
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < o.clients; t++) {
            Thread thread = new Thread(() -> send(client, factory, next, requests, t0, interval), "stow-rate-" + t);
            threads.add(thread);
            thread.start();
        }

        out("%-5s %7s %8s %7s %10s %8s %8s %8s %8s %8s %8s", "LAGS", "seconds", "stored", "stow/s", "archived/s",
                "backlog", "oldest_s", "p50_ms", "p99_ms", "max_ms", "srv_p99");
        ArchiveStatusClient.Snapshot previous = before;
        Instant previousAt = start;
        int previousOk = 0;
        long sample = o.sampleSeconds * 1_000_000_000L;
        for (long due = t0 + sample; threads.stream().anyMatch(Thread::isAlive) || due <= t0 + sample; due += sample) {
            LockSupport.parkNanos(Math.max(0, due - System.nanoTime()));
            ArchiveStatusClient.Snapshot s = status.read();
            Instant now = Instant.now();
            TaskLags.Lags w = db == null ? null : db.completedBetween(previousAt, now);
            double seconds = (s.nanos() - previous.nanos()) / 1e9;
            int ok = okInstances.get();
            out("%-5s %7.0f %8d %7.1f %10.1f %8d %8d %8s %8s %8s %8d", "LAGS", (s.nanos() - t0) / 1e9, ok,
                    (ok - previousOk) / seconds, (s.archived() - previous.archived()) / seconds, s.backlog(),
                    s.oldestPendingSeconds(), w == null ? "-" : Long.toString(w.percentile(50)),
                    w == null ? "-" : Long.toString(w.percentile(99)), w == null ? "-" : Long.toString(w.percentile(100)),
                    s.lagP99());
            previous = s;
            previousAt = now;
            previousOk = ok;
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Instant end = Instant.now();
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
        ArchiveStatusClient.Snapshot drained = drain();

        out("%-5s %7s %7s %9s %6s %8s %8s %8s %8s %8s %11s  %s", "LAG", "rate", "stow/s", "instances", "errors",
                "p50_ms", "p95_ms", "p99_ms", "max_ms", "unarch", "source", "load");
        long unarchived;
        if (db != null) {
            TaskLags.Lags all = db.createdBetween(start, end);
            unarchived = all.notArchived();
            out("%-5s %7.1f %7.1f %9d %6d %8d %8d %8d %8d %8d %11s  %s", "LAG", o.rate, okInstances.get() / stowSeconds,
                    all.lagsMillis().length + all.notArchived(), errors.get(), all.percentile(50), all.percentile(95),
                    all.percentile(99), all.percentile(100), all.notArchived(), "all-tasks", CpuMeter.loadAverage());
        } else {
            unarchived = drained.backlog();
            out("%-5s %7.1f %7.1f %9d %6d %8d %8d %8d %8d %8d %11s  %s", "LAG", o.rate, okInstances.get() / stowSeconds,
                    okInstances.get(), errors.get(), drained.lagP50(), drained.lagP95(), drained.lagP99(), drained.lagMax(),
                    drained.backlog(), "last-10000", CpuMeter.loadAverage());
        }
        return errors.get() == 0 && unarchived == 0 && drained.failed() == before.failed();
    }

    /** One client: takes the next request, waits for its due time, sends it. */
    private void send(DicomWebClient client, StowRequestFactory factory, AtomicInteger next, int requests, long t0,
            long interval) {
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
            latencies.add(System.nanoTime() - sent);
            if (error == null) {
                okInstances.addAndGet(request.instances());
                okBytes.addAndGet(request.length());
            } else {
                errors.incrementAndGet();
                firstError.compareAndSet(null, "request " + k + ": " + error);
            }
        }
    }

    private ArchiveStatusClient.Snapshot drain() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + o.drainSeconds * 1_000_000_000L;
        ArchiveStatusClient.Snapshot s = status.read();
        while (s.backlog() > 0 && System.nanoTime() < deadline) {
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
