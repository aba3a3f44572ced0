package org.hozon.archive.restore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;

import org.hozon.archive.s3.S3Settings;
import org.hozon.archive.service.ArchiveKeys;
import org.hozon.archive.service.ArchiveNode;
import org.hozon.ingest.IngestService;

import software.amazon.awssdk.services.s3.S3Client;

/**
 * Starts, continues and reports restores. One unfinished run at a time, whichever node (the
 * database's unique constraint decides); the node that starts it runs it on threads of its own
 * and keeps its heartbeat. A run whose node stopped (heartbeat older than a minute, or this
 * node's own earlier start) is continued by the next start.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RestoreService {
    /** How many failed objects the status lists. */
    public static final int FAILURES_SHOWN = 100;
    private static final Logger LOG = Logger.getLogger(RestoreService.class.getName());
    private static final Duration STALE = Duration.ofSeconds(60);

    @EJB
    RestoreRuns runs;

    @EJB
    ObjectRestorer restorer;

    @EJB
    IngestService ingest;

    @Inject
    S3Client s3;

    @Inject
    S3Settings s3Settings;

    @Inject
    ArchiveKeys keys;

    @Inject
    RestoreSettings settings;

    @Resource
    ManagedThreadFactory threads;

    @Resource(lookup = "java:jboss/datasources/HozonDS")
    DataSource dataSource;

    @Inject
    ArchiveNode thisNode;

    private volatile RestoreJob job;

    /**
     * Starts a restore into an empty index, or continues the last run if it did not complete.
     *
     * @param retryFailed also try again the objects that failed (after fixing their cause, e.g. a
     *                    KEK added to the keystore); allowed on a completed run
     * @param actor       who asks, or null
     * @return the status just after starting
     * @throws RestoreRefusedException if a restore runs, or the index is not empty and there is
     *                                 nothing to continue
     */
    public synchronized RestoreStatus start(boolean retryFailed, String actor) throws RestoreRefusedException {
        RestoreJob current = job;
        if (current != null && !current.isDone()) {
            throw new RestoreRefusedException("restore run " + current.runPk() + " is running on this node");
        }
        try {
            keys.ring();
        } catch (IllegalStateException e) {
            throw new RestoreRefusedException("the keystore cannot be read, nothing could be opened: " + e.getMessage());
        }
        Instant now = Instant.now();
        Optional<RestoreRun> last = runs.latest();
        RestoreRun run;
        if (last.isPresent() && (last.get().unfinished() || retryFailed)) {
            RestoreRun r = last.get();
            if (RestoreRun.RUNNING.equals(r.status()) && alive(r, now)) {
                throw new RestoreRefusedException("restore run " + r.pk() + " is running on node " + r.node());
            }
            if (!r.unfinished() && runs.counts(r.pk()).failed() == 0) {
                throw new RestoreRefusedException("restore run " + r.pk() + " completed without failures: nothing to retry");
            }
            if (!runs.claim(r, thisNode.claimant(), now)) {
                throw new RestoreRefusedException("restore run " + r.pk() + " was taken over by another node just now");
            }
            if (retryFailed) {
                runs.resetFailed(r.pk());
            }
            run = runs.latest().orElseThrow();
            LOG.info(() -> "Continuing restore run " + r.pk() + " from bucket " + r.bucket());
        } else {
            if (retryFailed) {
                throw new RestoreRefusedException("no restore ran here: nothing to retry");
            }
            if (runs.indexHoldsInstances()) {
                throw new RestoreRefusedException("the index already holds instances: a restore rebuilds an empty Hozon"
                        + " (new database, empty local store)");
            }
            long pk = runs.create(s3Settings.bucket(), thisNode.claimant(), now)
                    .orElseThrow(() -> new RestoreRefusedException("another restore was started just now"));
            run = runs.latest().filter(r -> r.pk() == pk).orElseThrow();
            LOG.info(() -> "Starting restore run " + pk + " from bucket " + s3Settings.bucket());
        }
        RestoreJob started = new RestoreJob(run, new RestoreJob.Services(runs, restorer, ingest, s3, settings.workers(),
                settings.batchSize()), threads, actor);
        job = started;
        Thread t = threads.newThread(started);
        t.setName("hozon-restore-" + run.pk());
        t.start();
        return status();
    }

    /** @return the state of the latest run */
    public RestoreStatus status() {
        Optional<RestoreRun> last = runs.latest();
        if (last.isEmpty()) {
            return RestoreStatus.none();
        }
        RestoreRun r = last.get();
        RestoreJob j = job;
        var failures = runs.failures(r.pk(), FAILURES_SHOWN);
        if (j != null && j.runPk() == r.pk()) {
            RestoreProgress p = j.progress();
            if (p == null) { // just started: counters not read yet
                return new RestoreStatus(j.state(), r.pk(), r.bucket(), r.node(), r.createdAt(), j.startedAt(), null,
                        r.listingComplete(), runs.counts(r.pk()), 0, 0, -1, null, failures);
            }
            Instant end = j.finishedAt() != null ? j.finishedAt() : Instant.now();
            return new RestoreStatus(j.state(), r.pk(), r.bucket(), r.node(), r.createdAt(), j.startedAt(), j.finishedAt(),
                    r.listingComplete(), p.counts(), p.instancesPerSecond(end), p.megabytesPerSecond(end),
                    j.isDone() ? 0 : (RestoreStatus.LISTING.equals(j.state()) ? -1 : p.etaSeconds(end)), r.error(), failures);
        }
        String state = RestoreRun.RUNNING.equals(r.status()) && !alive(r, Instant.now()) ? RestoreRun.INTERRUPTED : r.status();
        return new RestoreStatus(state, r.pk(), r.bucket(), r.node(), r.createdAt(), r.attemptStartedAt(), r.finishedAt(),
                r.listingComplete(), runs.counts(r.pk()), 0, 0, -1, r.error(), failures);
    }

    /** A RUNNING run's node is alive if it is not this node's earlier start and its heartbeat is fresh. */
    private boolean alive(RestoreRun r, Instant now) {
        boolean earlierStartOfThisNode = r.node().startsWith(thisNode.node() + "/") && !r.node().equals(thisNode.claimant());
        return !earlierStartOfThisNode && r.heartbeatAt().isAfter(now.minus(STALE));
    }

    /** Stops the attempt running here (undeploy, shutdown); the run stays to be continued. */
    @PreDestroy
    void shutdown() {
        RestoreJob j = job;
        if (j == null || j.isDone()) {
            return;
        }
        j.stop();
        try {
            if (!j.await(Duration.ofSeconds(30))) {
                LOG.warning("restore run " + j.runPk() + " did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // the job records INTERRUPTED itself, unless the other beans are already gone: then here
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE restore_run SET status = ? WHERE pk = ? AND status = ?"
                        + " AND node = ?")) {
            ps.setString(1, RestoreRun.INTERRUPTED);
            ps.setLong(2, j.runPk());
            ps.setString(3, RestoreRun.RUNNING);
            ps.setString(4, thisNode.claimant());
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "cannot record that restore run " + j.runPk() + " was interrupted", e);
        }
    }
}
