package org.hozon.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps a long {@code --archive-lag} run within the disk: DELETEs each stored study once its
 * instances are ARCHIVED and their lags were read ({@link #collectedUpTo}), and not before
 * {@code afterSeconds} from its acknowledgement. A study never archived is never deleted. Its S3
 * copies stay. One thread, one DELETE at a time, with a JDBC connection of its own.
 */
final class StudyDeleter implements Runnable {
    /** A stored study: its UID, its instances, when it was acknowledged. */
    record Stored(String studyUid, List<String> sopInstanceUids, long ackNanos) {
    }

    private final LinkedBlockingQueue<Stored> queue = new LinkedBlockingQueue<>();
    private final AtomicReference<Instant> collectedUpTo = new AtomicReference<>(Instant.EPOCH);
    private final AtomicInteger deleted = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final long afterNanos;
    private final TaskLags db;
    private volatile boolean stopping;

    StudyDeleter(String base, int afterSeconds, TaskLags db) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.afterNanos = afterSeconds * 1_000_000_000L;
        this.db = db;
    }

    void stored(Stored study) {
        queue.add(study);
    }

    /** Lags of tasks archived before this time have been read: their studies may go. */
    void collectedUpTo(Instant t) {
        collectedUpTo.set(t);
    }

    int deleted() {
        return deleted.get();
    }

    int failed() {
        return failed.get();
    }

    /** Stops after the study in hand; the rest stay. */
    void stop() {
        stopping = true;
    }

    @Override
    public void run() {
        try {
            while (!stopping) {
                Stored s = queue.poll(1, java.util.concurrent.TimeUnit.SECONDS);
                if (s == null) {
                    continue;
                }
                long wait = s.ackNanos() + afterNanos - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                // in acknowledgement order: wait for this one, the later ones are younger
                while (!stopping && !db.allArchivedBefore(s.sopInstanceUids(), collectedUpTo.get())) {
                    Thread.sleep(1000);
                }
                if (stopping) {
                    return;
                }
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + "/studies/" + s.studyUid()))
                        .timeout(Duration.ofMinutes(1)).DELETE().build(), HttpResponse.BodyHandlers.discarding());
                (r.statusCode() / 100 == 2 ? deleted : failed).incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failed.incrementAndGet();
            System.out.println("# study deleter stopped: " + e);
        }
    }
}
