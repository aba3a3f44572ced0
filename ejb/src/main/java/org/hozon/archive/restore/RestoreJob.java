package org.hozon.archive.restore;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.hozon.ingest.ArchivedCopy;
import org.hozon.ingest.IngestService;
import org.hozon.ingest.ReceivedInstance;
import org.hozon.ingest.StoreResult;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * One attempt at a run, on this node: lists the rest of the bucket (pages of 1000 keys) into
 * {@code restore_object}, then hands the PENDING objects, oldest copy first, in batches to a few
 * worker threads. A worker restores each object of its batch ({@link ObjectRestorer}), indexes
 * the verified ones in one transaction through {@link IngestService#storeAll}, and records every
 * outcome. The coordinator keeps the run's heartbeat. Stopping lets workers finish the object at
 * hand (a long decryption stops between segments); what was not done stays PENDING.
 */
final class RestoreJob implements Runnable {
    private static final Logger LOG = Logger.getLogger(RestoreJob.class.getName());
    private static final int PAGE = 1000;
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);
    private static final int LIST_ATTEMPTS = 5;

    /** What the attempt is doing. */
    enum Phase { LISTING, RESTORING, DONE }

    private final RestoreRun run;
    private final Services services;
    private final ThreadFactory threads;
    private final String source;
    private final String actor;
    private final Instant startedAt = Instant.now();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile RestoreProgress progress;
    private volatile Phase phase = Phase.LISTING;
    private volatile boolean stopping;
    private volatile boolean dispatched;
    private volatile Throwable fatal;
    private volatile String outcome;
    private volatile Instant finishedAt;
    private Instant lastHeartbeat = Instant.EPOCH;

    /** What a job uses, from the service that starts it. */
    record Services(RestoreRuns runs, ObjectRestorer restorer, IngestService ingest, S3Client s3, int workers, int batchSize) {
    }

    RestoreJob(RestoreRun run, Services services, ThreadFactory threads, String actor) {
        this.run = run;
        this.services = services;
        this.threads = threads;
        this.source = "restore from s3://" + run.bucket();
        this.actor = actor;
    }

    @Override
    public void run() {
        String status = RestoreRun.COMPLETED;
        String error = null;
        try {
            progress = new RestoreProgress(services.runs().counts(run.pk()), startedAt);
            if (!run.listingComplete()) {
                list();
            }
            if (!stopping) {
                phase = Phase.RESTORING;
                restore();
            }
            if (fatal != null) {
                status = RestoreRun.ABORTED;
                error = fatal.toString();
            } else if (stopping) {
                status = RestoreRun.INTERRUPTED;
            } else if (services.runs().counts(run.pk()).pending() > 0) {
                // not expected: every object found was handed to a worker; never call that complete
                status = RestoreRun.INTERRUPTED;
                error = "objects were left to do; start again to continue";
            }
        } catch (Throwable e) {
            LOG.log(Level.SEVERE, "restore run " + run.pk() + " aborted", e);
            status = RestoreRun.ABORTED;
            error = e.toString();
        } finally {
            try {
                services.runs().finish(run.pk(), status, Instant.now(), error);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "cannot record the end of restore run " + run.pk(), e);
            }
            outcome = status;
            finishedAt = Instant.now();
            phase = Phase.DONE;
            done.countDown();
            RestoreCounts c = progress == null ? RestoreCounts.NONE : progress.counts();
            String end = status;
            LOG.info(() -> "Restore run " + run.pk() + " " + end + ": " + c.restored() + " restored, " + c.skipped()
                    + " skipped, " + c.failed() + " failed, " + c.pending() + " left");
        }
    }

    private void list() throws InterruptedException {
        String after = services.runs().lastListedKey(run.pk());
        String token = null;
        while (!stopping) {
            ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(run.bucket()).maxKeys(PAGE);
            if (token != null) {
                request.continuationToken(token);
            } else if (after != null) {
                request.startAfter(after);
            }
            ListObjectsV2Response page = listPage(request.build());
            List<RestoreItem> items = new ArrayList<>();
            long bytes = 0;
            for (S3Object o : page.contents()) {
                if (ObjectRestorer.DATA_OBJECT.matcher(o.key()).matches()) {
                    items.add(new RestoreItem(0, o.key(), o.size(), o.lastModified()));
                    bytes += o.size();
                }
            }
            services.runs().addListed(run.pk(), items);
            progress.listed(items.size(), bytes);
            heartbeatIfDue();
            if (!Boolean.TRUE.equals(page.isTruncated())) {
                services.runs().listingComplete(run.pk());
                return;
            }
            token = page.nextContinuationToken();
        }
    }

    private ListObjectsV2Response listPage(ListObjectsV2Request request) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return services.s3().listObjectsV2(request);
            } catch (SdkException e) {
                boolean transient_ = !(e instanceof S3Exception s3e) || s3e.statusCode() >= 500 || s3e.statusCode() == 429;
                if (!transient_ || attempt >= LIST_ATTEMPTS || stopping) {
                    throw new IllegalStateException("cannot list bucket " + run.bucket() + ": " + e.getMessage(), e);
                }
                LOG.warning("listing bucket " + run.bucket() + " failed, retrying: " + e.getMessage());
                Thread.sleep(2000L << attempt);
            }
        }
    }

    private void restore() throws InterruptedException {
        BlockingQueue<List<RestoreItem>> queue = new ArrayBlockingQueue<>(services.workers() * 2);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < services.workers(); i++) {
            Thread t = threads.newThread(() -> work(queue));
            t.setName("hozon-restore-" + run.pk() + "-" + i);
            workers.add(t);
            t.start();
        }
        try {
            RestoreItem after = null;
            while (!stopping) {
                List<RestoreItem> page = services.runs().pending(run.pk(), after, PAGE);
                if (page.isEmpty()) {
                    break;
                }
                after = page.get(page.size() - 1);
                for (int i = 0; i < page.size() && !stopping; i += services.batchSize()) {
                    List<RestoreItem> batch = List.copyOf(page.subList(i, Math.min(page.size(), i + services.batchSize())));
                    while (!stopping && !queue.offer(batch, 1, TimeUnit.SECONDS)) {
                        heartbeatIfDue();
                    }
                    heartbeatIfDue();
                }
            }
        } finally {
            dispatched = true;
            for (Thread t : workers) {
                while (t.isAlive()) {
                    t.join(1000);
                    heartbeatIfDue();
                }
            }
        }
    }

    private void work(BlockingQueue<List<RestoreItem>> queue) {
        try {
            while (!stopping) {
                List<RestoreItem> batch = queue.poll(500, TimeUnit.MILLISECONDS);
                if (batch != null) {
                    restoreBatch(batch);
                } else if (dispatched) {
                    return;
                }
            }
        } catch (Throwable e) {
            LOG.log(Level.SEVERE, "restore worker failed; stopping run " + run.pk(), e);
            fatal = e;
            stopping = true;
        }
    }

    private void restoreBatch(List<RestoreItem> batch) {
        List<ObjectOutcome> outcomes = new ArrayList<>(batch.size());
        try {
            for (RestoreItem item : batch) {
                if (stopping) {
                    break;
                }
                outcomes.add(services.restorer().fetch(run.bucket(), item, () -> stopping));
            }
        } catch (RestoreStopped stopped) {
            // the object at hand left nothing behind and stays PENDING; those fetched are indexed
        } catch (java.io.IOException e) {
            throw new IllegalStateException("fetch reports only a stop as an exception", e);
        }
        List<ObjectOutcome> ready = outcomes.stream().filter(o -> ObjectOutcome.READY.equals(o.status())).toList();
        List<ObjectOutcome> results = new ArrayList<>(outcomes.size());
        if (!ready.isEmpty()) {
            List<ReceivedInstance> received = ready.stream().map(ObjectOutcome::instance).toList();
            List<ArchivedCopy> copies = ready.stream().map(ObjectOutcome::copy).toList();
            List<StoreResult> stored;
            try {
                stored = services.ingest().storeAll(received, copies, source, actor);
            } catch (RuntimeException e) {
                for (ReceivedInstance r : received) {
                    deleteQuietly(r);
                }
                throw e;
            }
            for (int i = 0; i < ready.size(); i++) {
                StoreResult r = stored.get(i);
                ObjectOutcome o = ready.get(i);
                results.add(r.stored() ? o.restored() : ObjectOutcome.failed(o.item(), o.sopIuid(), "not indexed: " + r.message()));
            }
        }
        for (ObjectOutcome o : outcomes) {
            if (!ObjectOutcome.READY.equals(o.status())) {
                results.add(o);
                if (ObjectOutcome.FAILED.equals(o.status())) {
                    LOG.warning(() -> "restore of object " + o.item().objectKey() + " failed: " + o.error());
                }
            }
        }
        services.runs().record(results);
        for (ObjectOutcome o : results) {
            progress.done(o);
        }
    }

    private static void deleteQuietly(ReceivedInstance r) {
        try {
            Files.deleteIfExists(r.file());
        } catch (java.io.IOException e) {
            LOG.fine(() -> "cannot delete " + r.file() + " (the recovery at start-up will): " + e);
        }
    }

    private void heartbeatIfDue() {
        Instant now = Instant.now();
        if (Duration.between(lastHeartbeat, now).compareTo(HEARTBEAT) >= 0) {
            lastHeartbeat = now;
            try {
                services.runs().heartbeat(run.pk(), now);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "restore heartbeat failed", e);
            }
        }
    }

    /** Asks the attempt to stop; objects not done stay PENDING for the next start. */
    void stop() {
        stopping = true;
    }

    /** @return whether it ended, waiting at most {@code timeout} */
    boolean await(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** @return whether it ended */
    boolean isDone() {
        return done.getCount() == 0;
    }

    /** @return the run */
    long runPk() {
        return run.pk();
    }

    /** @return LISTING or RESTORING while it runs, then how the attempt ended (a {@link RestoreRun} status) */
    String state() {
        return phase == Phase.DONE ? outcome : phase.name();
    }

    /** @return when this attempt started */
    Instant startedAt() {
        return startedAt;
    }

    /** @return when this attempt ended, or null */
    Instant finishedAt() {
        return finishedAt;
    }

    /** @return the counters, or null before they were read from the database */
    RestoreProgress progress() {
        return progress;
    }
}
