package org.hozon.bench.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.hozon.bench.data.CtStudyGenerator;

/**
 * Retrieves whole studies with WADO-RS, {@code Accept: multipart/related; type="application/dicom";
 * transfer-syntax=*}, at one concurrency level for a fixed time: each client thread has its own
 * connection ({@link HttpGetClient}) and takes the next study of a seeded shuffle of the stored
 * ones. Bodies are drained unread, except every {@code verifyEvery}-th, whose parts are hashed
 * and, after the level (so the check costs no request time), compared with the parts of the
 * STOW-RS body that stored the study.
 */
final class StudyRetrievePhase {
    static final String ACCEPT = "multipart/related; type=\"application/dicom\"; transfer-syntax=*";

    /** What one level did. */
    static final class Level {
        int clients;
        int requests;
        int errors;
        long bytes;
        double seconds;
        final Latencies latencies = new Latencies();
        CpuMeter.Usage cpu;
        int verified;
        int mismatched;
        String firstError;

        double studiesPerSecond() {
            return (requests - errors) / seconds;
        }

        double megabytesPerSecond() {
            return bytes / 1e6 / seconds;
        }
    }

    private record Sample(int study, List<String> digests) {
    }

    private final String baseUrl;
    private final String user;
    private final String password;
    private final CtStudyGenerator generator;
    private final StowRequestFactory factory;
    private final List<Integer> studies;
    private final int verifyEvery;

    StudyRetrievePhase(String baseUrl, String user, String password, CtStudyGenerator generator,
            StowRequestFactory factory, List<Integer> studies, long seed, int verifyEvery) {
        this.baseUrl = baseUrl;
        this.user = user;
        this.password = password;
        this.generator = generator;
        this.factory = factory;
        List<Integer> shuffled = new ArrayList<>(studies);
        shuffled.sort(null);
        Collections.shuffle(shuffled, new Random(seed));
        this.studies = List.copyOf(shuffled);
        this.verifyEvery = verifyEvery;
    }

    /** Retrieves for {@code seconds} with {@code clients} threads. */
    Level run(int clients, int seconds) throws InterruptedException {
        Level level = new Level();
        level.clients = clients;
        AtomicInteger counter = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        CpuMeter.Reading before = CpuMeter.read();
        long deadline = before.wallNanos + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            Thread thread = new Thread(() -> {
                Latencies mine = new Latencies();
                try (HttpGetClient http = new HttpGetClient(baseUrl, user, password)) {
                    while (System.nanoTime() < deadline) {
                        int r = counter.getAndIncrement();
                        int study = studies.get(r % studies.size());
                        boolean sample = verifyEvery > 0 && r % verifyEvery == 0;
                        long t0 = System.nanoTime();
                        String error;
                        try {
                            error = retrieve(http, study, sample, bytes, samples);
                        } catch (IOException | RuntimeException e) {
                            error = e.toString();
                            http.close();
                        }
                        mine.add(System.nanoTime() - t0);
                        if (error != null) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, "study " + study + ": " + error);
                        }
                    }
                }
                level.latencies.addAll(mine);
            }, "wado-" + clients + "-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        CpuMeter.Reading after = CpuMeter.read();
        level.requests = Math.min(counter.get(), level.latencies.count());
        level.errors = errors.get();
        level.bytes = bytes.get();
        level.seconds = (after.wallNanos - before.wallNanos) / 1e9;
        level.cpu = CpuMeter.between(before, after);
        for (Sample s : samples) {
            String problem = verify(s);
            level.verified++;
            if (problem != null) {
                level.mismatched++;
                firstError.compareAndSet(null, "study " + s.study + ": " + problem);
            }
        }
        level.errors += level.mismatched;
        level.firstError = firstError.get();
        return level;
    }

    /** One retrieve; null if it succeeded, else what was wrong. */
    private String retrieve(HttpGetClient http, int study, boolean sample, AtomicLong bytes,
            ConcurrentLinkedQueue<Sample> samples) throws IOException {
        HttpGetClient.Response response = http.get("/studies/" + generator.studyUid(study), ACCEPT);
        String type = response.header("content-type");
        if (response.status != 200 || type == null || !type.toLowerCase(java.util.Locale.ROOT)
                .startsWith("multipart/related")) {
            String body = new String(response.stream().readNBytes(2000), java.nio.charset.StandardCharsets.UTF_8);
            http.close();
            return "HTTP " + response.status + " " + type + ": " + body;
        }
        if (sample) {
            samples.add(new Sample(study, PartDigests.of(response.stream(), type)));
        }
        response.drain(); // the rest: an epilogue, the last chunk
        bytes.addAndGet(response.bodyBytes());
        return null;
    }

    /** Compares a sample with the parts of the STOW-RS body of its study; null if equal. */
    private String verify(Sample s) {
        try {
            StowRequest stored = factory.request(s.study);
            List<String> expected = PartDigests.of(stored.openStream(), stored.contentType());
            if (!expected.equals(s.digests)) {
                return "retrieved " + s.digests.size() + " parts, stored " + expected.size()
                        + "; their SHA-256 differ";
            }
            return null;
        } catch (IOException e) {
            return "cannot check: " + e;
        }
    }
}
