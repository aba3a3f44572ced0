package org.hozon.archive.service;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;

import org.hozon.archive.s3.ArchiveTarget;
import org.hozon.archive.s3.ArchiveTargets;
import org.hozon.archive.store.LocalStore;

/**
 * Keeps the outboxes moving. Every {@code hozon.archive.recovery-interval-seconds} it probes the
 * targets this node found unavailable (a bucket HEAD) and, when one is back, makes the tasks and
 * deletions waiting for their next attempt due at once, so that a backlog drains right after an
 * outage rather than after the longest backoff; then it sends again the messages of every task and
 * deletion that is due (failed attempts whose delay passed, lost messages, expired claims,
 * optional copies to catch up). At start-up, temporary envelopes of interrupted uploads are deleted,
 * and the claims an earlier run of this node left are taken back ({@link ArchiveNode}).
 */
@Singleton
@Startup
public class ArchiveRecovery {
    private static final Logger LOG = Logger.getLogger(ArchiveRecovery.class.getName());
    private static final int BATCH = 500;
    /** Most messages re-sent per run and outbox; the rest follow in the next runs. */
    private static final int MAX_PER_RUN = 20 * BATCH;

    @EJB
    ArchiveTasks tasks;

    @EJB
    CopyDeletions deletions;

    @Inject
    ArchiveTargets targets;

    @Inject
    TargetHealth health;

    @Inject
    ArchiveSettings settings;

    @Inject
    LocalStore store;

    @Resource
    TimerService timers;

    /** When work waiting for a target was last pulled forward, per target (against a flapping target). */
    private final Map<String, Instant> pulledForward = new HashMap<>();

    @PostConstruct
    void start() {
        cleanWorkDirectory();
        try {
            int released = tasks.releaseAbandonedClaims() + deletions.releaseAbandonedClaims();
            if (released > 0) {
                LOG.info(() -> "Took back " + released + " archive task(s) and deletion(s) an earlier run of this node left");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot take back the claims of an earlier run; their leases will expire", e);
        }
        long every = settings.recoveryInterval().toMillis();
        // the first run waits for the deployment to settle (the first S3 clients are slow to build)
        timers.createIntervalTimer(Math.max(every, 10_000), every, new TimerConfig(null, false));
    }

    private void cleanWorkDirectory() {
        Path work = store.root().resolve(EnvelopeSealer.WORK_DIR);
        if (!Files.isDirectory(work)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(work, "*.hze")) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot clean " + work, e);
        }
    }

    @Timeout
    void run() {
        try {
            probeUnavailableTargets();
            int sent = drain(tasks::resendDue);
            if (sent > 0) {
                LOG.info(() -> "Re-sent " + sent + " due archive task(s)");
            }
            int removals = drain(deletions::resendDue);
            if (removals > 0) {
                LOG.fine(() -> "Re-sent " + removals + " due deletion(s)");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "archive recovery failed; next run in " + settings.recoveryInterval().toSeconds() + " s", e);
        }
    }

    private void probeUnavailableTargets() {
        for (ArchiveTarget t : targets.all()) {
            if (health.isUp(t.name())) {
                continue;
            }
            try {
                targets.check(t);
            } catch (RuntimeException e) {
                health.failed(t.name(), e.getClass().getSimpleName() + ": " + e.getMessage());
                continue;
            }
            health.succeeded(t.name());
            Instant now = Instant.now();
            Instant last = pulledForward.get(t.name());
            if (last == null || last.plus(settings.maxRetryDelay()).isBefore(now)) {
                pulledForward.put(t.name(), now);
                int n = tasks.pullForward() + deletions.pullForward(t.name());
                LOG.info(() -> "archive target " + t.name() + " is back: " + n + " waiting task(s) and deletion(s) are due now");
            }
        }
    }

    private static int drain(IntUnaryOperator resend) {
        int total = 0;
        int n;
        do {
            n = resend.applyAsInt(BATCH);
            total += n;
        } while (n == BATCH && total < MAX_PER_RUN);
        return total;
    }
}
