package org.hozon.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stores studies with STOW-RS at one concurrency level: {@code clients} threads each take the
 * next request number, build its body (headers only; pixels are pooled) and send it, until the
 * level's request count or time is used up. Studies are numbered on across levels, so every
 * level stores new studies. A response other than 200 with every instance referenced counts as
 * an error (see {@link StowResponses}).
 */
final class StowPhase {
    /** Upper bound on requests of one timed level, so a fast or failing server cannot loop forever. */
    private static final int MAX_TIMED_REQUESTS = 10_000_000;

    private final DicomWebClient client;
    private final StowRequestFactory factory;
    private final ConcurrentLinkedQueue<Integer> storedStudies = new ConcurrentLinkedQueue<>();
    private int nextStudy;

    StowPhase(DicomWebClient client, StowRequestFactory factory, int firstStudy) {
        this.client = client;
        this.factory = factory;
        this.nextStudy = firstStudy;
    }

    /** Numbers of the studies stored successfully so far. */
    List<Integer> storedStudies() {
        return new ArrayList<>(storedStudies);
    }

    /**
     * Runs one level: {@code requests} requests, or as many as fit in {@code seconds} when
     * {@code seconds > 0}.
     */
    StowLevel run(int clients, int requests, int seconds) throws InterruptedException {
        int base = nextStudy;
        int limit = seconds > 0 ? MAX_TIMED_REQUESTS : requests;
        AtomicInteger counter = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger okInstances = new AtomicInteger();
        AtomicLong okBytes = new AtomicLong();
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        Latencies latencies = new Latencies();

        CpuMeter.Reading before = CpuMeter.read();
        long deadline = before.wallNanos + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            Thread thread = new Thread(() -> {
                Latencies mine = new Latencies();
                while (true) {
                    if (seconds > 0 && System.nanoTime() >= deadline) {
                        break;
                    }
                    int r = counter.getAndIncrement();
                    if (r >= limit) {
                        break;
                    }
                    int study = base + r;
                    StowRequest request = factory.request(study);
                    sent.incrementAndGet();
                    long t0 = System.nanoTime();
                    String error;
                    try {
                        DicomWebClient.Response response = client.stow(request);
                        error = StowResponses.check(response, request.instances());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (Exception e) {
                        error = e.toString();
                    }
                    mine.add(System.nanoTime() - t0);
                    if (error == null) {
                        okInstances.addAndGet(request.instances());
                        okBytes.addAndGet(request.length());
                        storedStudies.add(study);
                    } else {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, "study " + study + ": " + error);
                    }
                }
                latencies.addAll(mine);
            }, "stow-" + clients + "-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        CpuMeter.Reading after = CpuMeter.read();
        nextStudy = base + Math.min(counter.get(), limit);
        return new StowLevel(clients, sent.get(), okInstances.get(), okBytes.get(), errors.get(),
                (after.wallNanos - before.wallNanos) / 1e9, latencies, CpuMeter.between(before, after),
                firstError.get());
    }
}
