package org.hozon.bench.load;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints the figures of the retrieval modes like {@link Report} does for STOW and QIDO:
 * fixed-column lines starting with their phase ({@code WADO} for whole studies, {@code META}
 * for series metadata, {@code FRAME} for frames), so that they can be grepped.
 */
final class RetrieveReport {
    private final PrintStream out;

    RetrieveReport(PrintStream out) {
        this.out = out;
    }

    void studyHeader() {
        out.println(String.format(Locale.ROOT, "%-5s %7s %8s %6s %8s %8s %9s %8s %8s %8s %8s %7s %7s %8s %9s  %s",
                "WADO", "clients", "studies", "errors", "verified", "seconds", "studies/s", "MB/s",
                "p50_ms", "p95_ms", "p99_ms", "client%", "server%", "machine%", "srv_ms/MB", "load"));
        out.flush();
    }

    void study(StudyRetrievePhase.Level l) {
        out.println(String.format(Locale.ROOT, "%-5s %7d %8d %6d %8d %8.1f %9.1f %8.1f %8.1f %8.1f %8.1f %7s %7s %8s %9s  %s",
                "WADO", l.clients, l.requests, l.errors, l.verified, l.seconds, l.studiesPerSecond(),
                l.megabytesPerSecond(), l.latencies.percentileMillis(50), l.latencies.percentileMillis(95),
                l.latencies.percentileMillis(99), share(l.cpu.clientCores), share(l.cpu.serverCores),
                machine(l.cpu), perMegabyte(l.cpu.serverCores * l.seconds, l.bytes), CpuMeter.loadAverage()));
        if (l.firstError != null) {
            out.println("# WADO first error: " + l.firstError);
        }
        out.flush();
    }

    void latencyHeader() {
        out.println(String.format(Locale.ROOT, "%-5s %8s %6s %8s %9s %8s %8s %8s %8s %8s %7s %7s %9s  %s",
                "PHASE", "requests", "errors", "verified", "KB/resp", "mean_ms", "p50_ms", "p95_ms", "p99_ms",
                "max_ms", "client%", "server%", "srv_ms/rq", "load"));
        out.flush();
    }

    void latency(LatencyPhase.Result r) {
        out.println(String.format(Locale.ROOT, "%-5s %8d %6d %8d %9.1f %8.2f %8.2f %8.2f %8.2f %8.2f %7s %7s %9s  %s",
                r.label, r.requests, r.errors, r.verified, r.requests == 0 ? 0 : r.bytes / 1e3 / r.requests,
                r.latencies.meanMillis(), r.latencies.percentileMillis(50), r.latencies.percentileMillis(95),
                r.latencies.percentileMillis(99), r.latencies.percentileMillis(100), share(r.cpu.clientCores),
                share(r.cpu.serverCores), perRequest(r), CpuMeter.loadAverage()));
        if (r.firstError != null) {
            out.println("# " + r.label + " first error: " + r.firstError);
        }
        out.flush();
    }

    /** Server CPU milliseconds per request. */
    private static String perRequest(LatencyPhase.Result r) {
        return Double.isNaN(r.cpu.serverCores) || r.requests == 0 ? "-"
                : String.format(Locale.ROOT, "%.2f", r.cpu.serverCores * r.seconds * 1000 / r.requests);
    }

    /** CPU milliseconds per megabyte sent: comparable across runs on a shared machine. */
    private static String perMegabyte(double cpuSeconds, long bytes) {
        return Double.isNaN(cpuSeconds) || bytes == 0 ? "-"
                : String.format(Locale.ROOT, "%.3f", cpuSeconds * 1000 / (bytes / 1e6));
    }

    /** Cores' worth of CPU as a share of all cores, "-" if unknown. */
    private static String share(double cores) {
        return Double.isNaN(cores) ? "-" : String.format(Locale.ROOT, "%.1f", 100 * cores / CpuMeter.cores());
    }

    private static String machine(CpuMeter.Usage u) {
        return Double.isNaN(u.machineBusy) ? "?" : String.format(Locale.ROOT, "%.1f", 100 * u.machineBusy);
    }
}
