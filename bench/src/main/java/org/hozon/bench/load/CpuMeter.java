package org.hozon.bench.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU used by this process (the client) and by the whole machine between two points in time,
 * so a report shows whether the client could have been the bottleneck. Machine figures come
 * from {@code /proc/stat} and are absent elsewhere.
 */
final class CpuMeter {
    private static final Path PROC_STAT = Path.of("/proc/stat");

    /** One reading: wall clock, process CPU and machine busy/total jiffies (-1 if unknown). */
    static final class Reading {
        final long wallNanos;
        final long processCpuNanos;
        final long machineBusy;
        final long machineTotal;

        Reading(long wallNanos, long processCpuNanos, long machineBusy, long machineTotal) {
            this.wallNanos = wallNanos;
            this.processCpuNanos = processCpuNanos;
            this.machineBusy = machineBusy;
            this.machineTotal = machineTotal;
        }
    }

    /** Usage between two readings. */
    static final class Usage {
        /** Cores' worth of CPU the client used (process CPU time / wall time). */
        final double clientCores;
        /** Share of all cores the machine was busy, 0 to 1, or NaN if unknown. */
        final double machineBusy;

        Usage(double clientCores, double machineBusy) {
            this.clientCores = clientCores;
            this.machineBusy = machineBusy;
        }
    }

    private CpuMeter() {
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    static Reading read() {
        long cpu = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            cpu = os.getProcessCpuTime();
        }
        long busy = -1;
        long total = -1;
        try {
            String line = Files.readAllLines(PROC_STAT).get(0); // "cpu  user nice system idle iowait irq softirq steal ..."
            String[] f = line.trim().split("\\s+");
            total = 0;
            long idle = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                long v = Long.parseLong(f[i]);
                total += v;
                if (i == 4 || i == 5) {
                    idle += v;
                }
            }
            busy = total - idle;
        } catch (IOException | RuntimeException e) {
            busy = -1;
            total = -1;
        }
        return new Reading(System.nanoTime(), cpu, busy, total);
    }

    static Usage between(Reading a, Reading b) {
        double wall = b.wallNanos - a.wallNanos;
        double client = a.processCpuNanos < 0 || wall <= 0 ? Double.NaN : (b.processCpuNanos - a.processCpuNanos) / wall;
        double machine = Double.NaN;
        if (a.machineTotal >= 0 && b.machineTotal > a.machineTotal) {
            machine = (double) (b.machineBusy - a.machineBusy) / (b.machineTotal - a.machineTotal);
        }
        return new Usage(client, machine);
    }

    /** The 1, 5 and 15 minute load averages, or "?" where unknown. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
