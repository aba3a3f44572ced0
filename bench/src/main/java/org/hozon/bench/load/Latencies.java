package org.hozon.bench.load;

import java.util.Arrays;

/** Request latencies in nanoseconds, and their percentiles (nearest rank, exact). */
final class Latencies {
    private long[] nanos = new long[256];
    private int count;

    synchronized void add(long n) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = n;
    }

    synchronized void addAll(Latencies other) {
        long[] o;
        int n;
        synchronized (other) {
            o = other.nanos;
            n = other.count;
        }
        for (int i = 0; i < n; i++) {
            add(o[i]);
        }
    }

    synchronized int count() {
        return count;
    }

    /** The {@code p}-th percentile (0 < p ≤ 100) in milliseconds, or NaN when empty. */
    synchronized double percentileMillis(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
    }

    synchronized double meanMillis() {
        if (count == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += nanos[i];
        }
        return sum / count / 1e6;
    }
}
