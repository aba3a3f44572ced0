package org.hozon.bench.load;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.json.Json;
import jakarta.json.stream.JsonParser;

/**
 * Runs a list of QIDO-RS searches with {@code clients} threads and collects latencies and match
 * counts per kind. 200 with a JSON array and 204 (no match) are answers; anything else is an error.
 * Against a plain-http server each thread uses its own {@link HttpGetClient} (a blocking socket in
 * the calling thread: no hand-over to a selector thread, so the client adds little to a
 * millisecond latency on a machine it shares with the server); against https, the JDK client.
 */
final class QidoPhase {
    /** Figures for one kind of search, or for all. */
    static final class Stats {
        final Latencies latencies = new Latencies();
        final AtomicInteger errors = new AtomicInteger();
        final AtomicInteger empty = new AtomicInteger();
        private long matches;
        private int answered;
        private int minMatches = Integer.MAX_VALUE;
        private int maxMatches;

        synchronized void matched(int n) {
            matches += n;
            answered++;
            minMatches = Math.min(minMatches, n);
            maxMatches = Math.max(maxMatches, n);
            if (n == 0) {
                empty.incrementAndGet();
            }
        }

        synchronized int minMatches() {
            return minMatches == Integer.MAX_VALUE ? 0 : minMatches;
        }

        synchronized int maxMatches() {
            return maxMatches;
        }

        /** Mean matches per answered search. */
        synchronized double meanMatches() {
            return answered == 0 ? 0 : (double) matches / answered;
        }
    }

    /** The result of one level. */
    static final class Result {
        final int clients;
        final double seconds;
        final Map<QidoMix.Kind, Stats> byKind;
        final Stats all;
        final CpuMeter.Usage cpu;
        final String firstError;

        Result(int clients, double seconds, Map<QidoMix.Kind, Stats> byKind, Stats all, CpuMeter.Usage cpu,
                String firstError) {
            this.clients = clients;
            this.seconds = seconds;
            this.byKind = byKind;
            this.all = all;
            this.cpu = cpu;
            this.firstError = firstError;
        }
    }

    private static final String ACCEPT = "application/dicom+json";

    private final DicomWebClient client;
    private final String baseUrl;
    private final String user;
    private final String password;

    QidoPhase(DicomWebClient client, String baseUrl, String user, String password) {
        this.client = client;
        this.baseUrl = baseUrl;
        this.user = user;
        this.password = password;
    }

    /** One thread's way to send a search: status and whole body. */
    private interface Searcher extends AutoCloseable {
        DicomWebClient.Response get(String pathAndQuery) throws IOException, InterruptedException;

        @Override
        void close();
    }

    private Searcher searcher() {
        if (!"http".equalsIgnoreCase(URI.create(baseUrl).getScheme())) {
            return new Searcher() {
                @Override
                public DicomWebClient.Response get(String pathAndQuery) throws IOException, InterruptedException {
                    return client.get(pathAndQuery);
                }

                @Override
                public void close() {
                }
            };
        }
        HttpGetClient http = new HttpGetClient(baseUrl, user, password);
        return new Searcher() {
            @Override
            public DicomWebClient.Response get(String pathAndQuery) throws IOException {
                HttpGetClient.Response r = http.get(pathAndQuery, ACCEPT);
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                try (InputStream in = r.stream()) {
                    in.transferTo(body);
                }
                return new DicomWebClient.Response(r.status, body.toByteArray());
            }

            @Override
            public void close() {
                http.close();
            }
        };
    }

    Result run(List<QidoMix.Query> queries, int clients) throws InterruptedException {
        Map<QidoMix.Kind, Stats> byKind = new EnumMap<>(QidoMix.Kind.class);
        for (QidoMix.Kind k : QidoMix.Kind.values()) {
            byKind.put(k, new Stats());
        }
        Stats all = new Stats();
        AtomicInteger next = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        CpuMeter.Reading before = CpuMeter.read();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            Thread thread = new Thread(() -> {
                try (Searcher searcher = searcher()) {
                    for (int i = next.getAndIncrement(); i < queries.size(); i = next.getAndIncrement()) {
                        QidoMix.Query q = queries.get(i);
                        Stats s = byKind.get(q.kind);
                        long t0 = System.nanoTime();
                        String error = null;
                        int matches = -1;
                        try {
                            DicomWebClient.Response r = searcher.get(q.pathAndQuery);
                            long nanos = System.nanoTime() - t0; // the count below is client work, not latency
                            s.latencies.add(nanos);
                            all.latencies.add(nanos);
                            if (r.status == 204) {
                                matches = 0;
                            } else if (r.status == 200) {
                                matches = countItems(r.body);
                            } else {
                                error = "HTTP " + r.status + ": " + r.bodyText(2000);
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        } catch (Exception e) {
                            error = e.toString();
                        }
                        if (error != null) {
                            s.errors.incrementAndGet();
                            all.errors.incrementAndGet();
                            firstError.compareAndSet(null, q.pathAndQuery + " -> " + error);
                        } else {
                            s.matched(matches);
                            all.matched(matches);
                        }
                    }
                }
            }, "qido-" + clients + "-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        CpuMeter.Reading after = CpuMeter.read();
        return new Result(clients, (after.wallNanos - before.wallNanos) / 1e9, byKind, all,
                CpuMeter.between(before, after), firstError.get());
    }

    /** Number of objects in a top-level JSON array (the matches of a search). */
    static int countItems(byte[] json) {
        int depth = 0;
        int items = 0;
        try (JsonParser p = Json.createParser(new ByteArrayInputStream(json))) {
            while (p.hasNext()) {
                switch (p.next()) {
                    case START_ARRAY, START_OBJECT -> {
                        if (depth == 1) {
                            items++;
                        }
                        depth++;
                    }
                    case END_ARRAY, END_OBJECT -> depth--;
                    default -> {
                    }
                }
            }
        }
        return items;
    }
}
