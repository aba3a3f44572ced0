package org.hozon.bench.load;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the driver's figures as plain, fixed-column lines that start with their phase
 * ({@code STOW}, {@code QIDO}) so they can be grepped; notes start with {@code #}.
 */
final class Report {
    private final PrintStream out;

    Report(PrintStream out) {
        this.out = out;
    }

    void note(String format, Object... args) {
        out.println("# " + String.format(Locale.ROOT, format, args));
        out.flush();
    }

    void stowHeader() {
        out.println(String.format(Locale.ROOT, "%-5s %7s %9s %8s %6s %8s %8s %7s %8s %8s %8s %7s %7s %8s %9s  %s",
                "STOW", "clients", "instances", "requests", "errors", "seconds", "inst/s", "MB/s",
                "p50_ms", "p95_ms", "p99_ms", "client%", "server%", "machine%", "srv_ms/i", "load"));
    }

    void stow(StowLevel l) {
        out.println(String.format(Locale.ROOT, "%-5s %7d %9d %8d %6d %8.1f %8.1f %7.1f %8.1f %8.1f %8.1f %7s %7s %8s %9s  %s",
                "STOW", l.clients, l.instancesOk, l.requests, l.errorRequests, l.seconds, l.instancesPerSecond(),
                l.megabytesPerSecond(), l.latencies.percentileMillis(50), l.latencies.percentileMillis(95),
                l.latencies.percentileMillis(99), clientShare(l.cpu), serverShare(l.cpu), machineShare(l.cpu),
                serverMillisPerInstance(l), CpuMeter.loadAverage()));
        if (l.firstError != null) {
            out.println("# STOW first error: " + l.firstError);
        }
        out.flush();
    }

    void qidoHeader() {
        out.println(String.format(Locale.ROOT, "%-5s %7s %-16s %7s %6s %8s %8s %8s %8s %8s %8s %8s %7s %7s %7s",
                "QIDO", "clients", "search", "queries", "errors", "mean_ms", "p50_ms", "p95_ms", "p99_ms",
                "min_hit", "mean_hit", "max_hit", "no_hit", "client%", "server%"));
    }

    void qido(QidoPhase.Result r) {
        for (Map.Entry<QidoMix.Kind, QidoPhase.Stats> e : r.byKind.entrySet()) {
            qidoLine(r, e.getKey().label, e.getValue());
        }
        qidoLine(r, "ALL", r.all);
        if (r.firstError != null) {
            out.println("# QIDO first error: " + r.firstError);
        }
        out.flush();
    }

    private void qidoLine(QidoPhase.Result r, String label, QidoPhase.Stats s) {
        out.println(String.format(Locale.ROOT, "%-5s %7d %-16s %7d %6d %8.2f %8.2f %8.2f %8.2f %8d %8.1f %8d %7d %7s %7s",
                "QIDO", r.clients, label, s.latencies.count(), s.errors.get(), s.latencies.meanMillis(),
                s.latencies.percentileMillis(50), s.latencies.percentileMillis(95), s.latencies.percentileMillis(99),
                s.minMatches(), s.meanMatches(), s.maxMatches(), s.empty.get(),
                clientShare(r.cpu), serverShare(r.cpu)));
    }

    /** Client CPU as a share of all cores (100% = every core busy with the client). */
    private static String clientShare(CpuMeter.Usage u) {
        return Double.isNaN(u.clientCores) ? "?"
                : String.format(Locale.ROOT, "%.1f", 100 * u.clientCores / CpuMeter.cores());
    }

    /** Watched server CPU as a share of all cores, or "-" when no server is watched. */
    private static String serverShare(CpuMeter.Usage u) {
        return Double.isNaN(u.serverCores) ? "-"
                : String.format(Locale.ROOT, "%.1f", 100 * u.serverCores / CpuMeter.cores());
    }

    /** Server CPU milliseconds per stored instance: comparable across runs on a shared machine. */
    private static String serverMillisPerInstance(StowLevel l) {
        return Double.isNaN(l.cpu.serverCores) || l.instancesOk == 0 ? "-"
                : String.format(Locale.ROOT, "%.2f", l.cpu.serverCores * l.seconds * 1000 / l.instancesOk);
    }

    private static String machineShare(CpuMeter.Usage u) {
        return Double.isNaN(u.machineBusy) ? "?" : String.format(Locale.ROOT, "%.1f", 100 * u.machineBusy);
    }
}
