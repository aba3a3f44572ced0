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

    /** Clock ticks per second of /proc times (USER_HZ; 100 on Linux in practice). */
    private static final double TICKS_PER_SECOND = 100;

    /** A server process to watch on the same machine (its pid), or 0 for none. Set once by the driver. */
    private static volatile long serverPid;

    /** One reading: wall clock, process CPU, server ticks and machine busy/total jiffies (-1 if unknown). */
    static final class Reading {
        final long wallNanos;
        final long processCpuNanos;
        final long serverTicks;
        final long machineBusy;
        final long machineTotal;

        Reading(long wallNanos, long processCpuNanos, long serverTicks, long machineBusy, long machineTotal) {
            this.wallNanos = wallNanos;
            this.processCpuNanos = processCpuNanos;
            this.serverTicks = serverTicks;
            this.machineBusy = machineBusy;
            this.machineTotal = machineTotal;
        }
    }

    /** Usage between two readings. */
    static final class Usage {
        /** Cores' worth of CPU the client used (process CPU time / wall time). */
        final double clientCores;
        /** Cores' worth of CPU the watched server process used, or NaN if none is watched. */
        final double serverCores;
        /** Share of all cores the machine was busy, 0 to 1, or NaN if unknown. */
        final double machineBusy;

        Usage(double clientCores, double serverCores, double machineBusy) {
            this.clientCores = clientCores;
            this.serverCores = serverCores;
            this.machineBusy = machineBusy;
        }
    }

    private CpuMeter() {
    }

    /** Watch the CPU time of server process {@code pid} (Linux /proc) from now on. */
    static void watchServer(long pid) {
        serverPid = pid;
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
        return new Reading(System.nanoTime(), cpu, serverTicks(), busy, total);
    }

    /** utime + stime of the watched server, in clock ticks, or -1. */
    private static long serverTicks() {
        long pid = serverPid;
        if (pid <= 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // "pid (comm) state ppid ..." - comm may hold spaces: split after the last ')'.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15 of proc(5)
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static Usage between(Reading a, Reading b) {
        double wall = b.wallNanos - a.wallNanos;
        double client = a.processCpuNanos < 0 || wall <= 0 ? Double.NaN : (b.processCpuNanos - a.processCpuNanos) / wall;
        double server = a.serverTicks < 0 || b.serverTicks < 0 || wall <= 0 ? Double.NaN
                : (b.serverTicks - a.serverTicks) / TICKS_PER_SECOND / (wall / 1e9);
        double machine = Double.NaN;
        if (a.machineTotal >= 0 && b.machineTotal > a.machineTotal) {
            machine = (double) (b.machineBusy - a.machineBusy) / (b.machineTotal - a.machineTotal);
        }
        return new Usage(client, server, machine);
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
