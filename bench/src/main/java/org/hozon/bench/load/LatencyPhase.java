package org.hozon.bench.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Latency of a list of WADO-RS GETs sent one after the other on one connection (series metadata,
 * frames): each request is timed from sending to the last body byte. Bodies are drained unread,
 * except every {@code verifyEvery}-th (and the first), which is copied out and checked after its
 * time is taken, so checking costs no request time.
 */
final class LatencyPhase {
    /** One request and the key its check needs. */
    record Request(String pathAndQuery, String accept, int key) {
    }

    /** Checks a sampled response; returns null if right, else what is wrong. */
    @FunctionalInterface
    interface Check {
        String check(Request request, String contentType, byte[] body) throws IOException;
    }

    /** What the phase did. */
    static final class Result {
        String label;
        int requests;
        int errors;
        long bytes;
        double seconds;
        final Latencies latencies = new Latencies();
        CpuMeter.Usage cpu;
        int verified;
        String firstError;
    }

    private LatencyPhase() {
    }

    /**
     * Sends {@code warmup} requests (not measured, from the start of the list), then every request
     * of {@code requests}.
     */
    static Result run(String label, HttpGetClient http, List<Request> requests, int warmup, int verifyEvery,
            Check check) {
        for (int i = 0; i < warmup; i++) {
            try {
                send(http, requests.get(i % requests.size()), false);
            } catch (IOException e) {
                http.close();
            }
        }
        Result result = new Result();
        result.label = label;
        CpuMeter.Reading before = CpuMeter.read();
        for (int i = 0; i < requests.size(); i++) {
            Request request = requests.get(i);
            boolean sample = i == 0 || verifyEvery > 0 && i % verifyEvery == 0;
            long t0 = System.nanoTime();
            String error;
            try {
                Sent sent = send(http, request, sample);
                result.latencies.add(System.nanoTime() - t0);
                result.bytes += sent.bytes;
                error = sent.status != 200 ? "HTTP " + sent.status + ": " + text(sent.body)
                        : sample ? check.check(request, sent.contentType, sent.body) : null;
                if (sample && error == null) {
                    result.verified++;
                }
            } catch (IOException | RuntimeException e) {
                result.latencies.add(System.nanoTime() - t0);
                http.close();
                error = e.toString();
            }
            result.requests++;
            if (error != null) {
                result.errors++;
                if (result.firstError == null) {
                    result.firstError = request.pathAndQuery() + " -> " + error;
                }
            }
        }
        CpuMeter.Reading after = CpuMeter.read();
        result.seconds = (after.wallNanos - before.wallNanos) / 1e9;
        result.cpu = CpuMeter.between(before, after);
        return result;
    }

    private record Sent(int status, String contentType, long bytes, byte[] body) {
    }

    /** One request; the body is kept for samples and for errors, drained otherwise. */
    private static Sent send(HttpGetClient http, Request request, boolean keep) throws IOException {
        HttpGetClient.Response r = http.get(request.pathAndQuery(), request.accept());
        String type = r.header("content-type");
        if (keep || r.status != 200) {
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            try (InputStream in = r.stream()) {
                in.transferTo(copy);
            }
            return new Sent(r.status, type, r.bodyBytes(), copy.toByteArray());
        }
        return new Sent(r.status, type, r.drain(), null);
    }

    private static String text(byte[] body) {
        String s = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        return s.length() > 2000 ? s.substring(0, 2000) + "..." : s;
    }
}
