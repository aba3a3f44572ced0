package org.hozon.archive.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.hozon.archive.s3.ArchiveTarget;
import org.hozon.archive.s3.ArchiveTargets;
import org.hozon.persistence.archive.ArchiveCopy;
import org.hozon.persistence.archive.ArchiveTask;

import software.amazon.awssdk.core.exception.SdkException;

/**
 * Archives one instance to every target that lacks its copy: claim the task, compress and encrypt
 * the stored file once ({@link EnvelopeSealer}), PUT the same envelope and sidecar to each such
 * target ({@link S3Copies}), recording each confirmed copy at once, so that a failure on one target
 * later retries only what is missing; then mark the task ARCHIVED when every required target holds
 * a copy, or schedule its next attempt. Targets known to be unavailable are skipped without work.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ArchiveService {
    private static final Logger LOG = Logger.getLogger(ArchiveService.class.getName());
    private static final String LOCAL = "local";
    /** Directory under the local store for envelopes being uploaded (see {@link EnvelopeSealer#WORK_DIR}). */
    public static final String WORK_DIR = EnvelopeSealer.WORK_DIR;

    @EJB
    ArchiveTasks tasks;

    @EJB
    CopyRemovalService removals;

    @Inject
    ArchiveTargets targets;

    @Inject
    TargetHealth health;

    @Inject
    ArchiveMeters meters;

    @Inject
    EnvelopeSealer sealer;

    @Inject
    S3Copies copies;

    /**
     * Archives the task's instance, unless it is already done or someone else works on it. A failed
     * attempt is recorded on the task (and retried by the recovery timer); only an error that could
     * not be recorded is thrown, so that the broker redelivers the message.
     *
     * @param taskPk the archive task
     */
    public void archive(long taskPk) {
        Optional<ArchiveJob> claimed = tasks.claim(taskPk);
        if (claimed.isEmpty()) {
            LOG.fine(() -> "archive task " + taskPk + " is not claimable (done, failed or running)");
            return;
        }
        ArchiveJob job = claimed.get();
        Attempt attempt = new Attempt();
        List<ArchiveTarget> reachable = new ArrayList<>();
        for (ArchiveTarget t : targets.all()) {
            if (job.copiedTo().contains(t.name())) {
                continue;
            }
            if (health.isUp(t.name())) {
                reachable.add(t);
            } else {
                attempt.errors.put(t.name(), health.describe(t.name()));
            }
        }
        if (!reachable.isEmpty()) {
            SealedEnvelope sealed = null;
            try {
                sealed = sealer.seal(job);
            } catch (Exception e) {
                // the local file, or the keys
                attempt.instanceError = true;
                attempt.errors.put(LOCAL, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            if (sealed != null) {
                try (SealedEnvelope envelope = sealed) {
                    attempt.cipherSha = envelope.sha256Hex();
                    if (!putAll(job, reachable, envelope, attempt)) {
                        LOG.info(() -> "instance of archive task " + taskPk + " was deleted while being archived;"
                                + " its copies go to the deletion outbox");
                        return;
                    }
                }
            }
        }
        Map<String, String> errors = attempt.errors;
        String status = tasks.finish(job, attempt.lastCopy, errors, attempt.instanceError, attempt.touched,
                attempt.cipherSha);
        if (status == null) {
            LOG.info(() -> "instance of archive task " + taskPk + " was deleted while being archived");
        } else if (!errors.isEmpty()) {
            boolean gaveUp = ArchiveTask.FAILED.equals(status);
            // while targets are merely known to be down, each skipped attempt is not worth a warning
            boolean skipped = attempt.touched.isEmpty() && !attempt.instanceError;
            LOG.log(gaveUp ? Level.SEVERE : skipped ? Level.FINE : Level.WARNING, () -> "archive attempt " + job.attempt() + " of task " + taskPk
                    + (gaveUp ? " failed for good: " : " incomplete (" + status + "): ") + errors);
        }
    }

    /**
     * PUTs the envelope to each target and records each copy at once, except the last: that one is
     * recorded by {@link ArchiveTasks#finish} in the same transaction that ends the attempt.
     *
     * @return false if the instance was deleted meanwhile (nothing more to do)
     */
    private boolean putAll(ArchiveJob job, List<ArchiveTarget> reachable, SealedEnvelope envelope, Attempt attempt) {
        for (ArchiveTarget t : reachable) {
            try {
                if (job.deletionsPendingIn().contains(t.name()) && !removals.removeBefore(t, job.objectKey())) {
                    attempt.errors.put(t.name(), "an earlier copy under the same key is still being deleted");
                    continue;
                }
                attempt.touched.add(t.name());
                ArchiveCopy copy = copies.put(t, job, envelope);
                health.succeeded(t.name());
                meters.copied(t.name(), envelope.length());
                if (attempt.lastCopy != null && !tasks.copied(job, attempt.lastCopy, attempt.touched, attempt.cipherSha)) {
                    return false;
                }
                attempt.lastCopy = copy;
            } catch (ArchiveException e) {
                attempt.instanceError = true;
                meters.copyFailed(t.name());
                attempt.errors.put(t.name(), e.getMessage());
            } catch (SdkException e) {
                String error = e.getClass().getSimpleName() + ": " + e.getMessage();
                health.failed(t.name(), error);
                meters.copyFailed(t.name());
                attempt.errors.put(t.name(), error);
            }
        }
        return true;
    }

    /** What one attempt did and met. */
    private static final class Attempt {
        final Map<String, String> errors = new LinkedHashMap<>();
        final List<String> touched = new ArrayList<>();
        boolean instanceError;
        String cipherSha;
        /** a confirmed copy not recorded yet */
        ArchiveCopy lastCopy;
    }
}
