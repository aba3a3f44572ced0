package org.hozon.bench.load;

/** What one STOW concurrency level did: counts, time, latencies, CPU and the first error. */
final class StowLevel {
    final int clients;
    final int requests;
    final int instancesOk;
    final long bytesOk;
    final int errorRequests;
    final double seconds;
    final Latencies latencies;
    final CpuMeter.Usage cpu;
    final String firstError;

    StowLevel(int clients, int requests, int instancesOk, long bytesOk, int errorRequests, double seconds,
            Latencies latencies, CpuMeter.Usage cpu, String firstError) {
        this.clients = clients;
        this.requests = requests;
        this.instancesOk = instancesOk;
        this.bytesOk = bytesOk;
        this.errorRequests = errorRequests;
        this.seconds = seconds;
        this.latencies = latencies;
        this.cpu = cpu;
        this.firstError = firstError;
    }

    double instancesPerSecond() {
        return instancesOk / seconds;
    }

    /** Megabytes (10^6 bytes) of request bodies stored per second. */
    double megabytesPerSecond() {
        return bytesOk / 1e6 / seconds;
    }
}
