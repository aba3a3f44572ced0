package org.hozon.archive.service;

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
import org.hozon.persistence.archive.ArchiveDeletion;

import software.amazon.awssdk.core.exception.SdkException;

/**
 * Processes the deletion outbox: claims a deletion, removes its copy from the target, and drops
 * the row; a failed attempt is retried with backoff, without end (each failure is visible in the
 * admin API). While the target is unavailable, attempts fail at once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CopyRemovalService {
    private static final Logger LOG = Logger.getLogger(CopyRemovalService.class.getName());

    @EJB
    CopyDeletions deletions;

    @Inject
    ArchiveTargets targets;

    @Inject
    TargetHealth health;

    @Inject
    ArchiveMeters meters;

    @Inject
    S3Removals removals;

    /** @param pk the deletion to process, unless it is done or someone else works on it */
    public void process(long pk) {
        deletions.claim(pk).ifPresent(this::run);
    }

    /**
     * Removes now, before a new copy is PUT under the same key, the older copies waiting for
     * deletion there (the instance was deleted and stored again).
     *
     * @param target    the target
     * @param objectKey the data object's key
     * @return whether no deletion of that key is left
     */
    public boolean removeBefore(ArchiveTarget target, String objectKey) {
        for (Long pk : deletions.pendingFor(target.name(), objectKey)) {
            Optional<ArchiveDeletion> claimed = deletions.claim(pk);
            if (claimed.isPresent() ? !run(claimed.get()) : deletions.exists(pk)) {
                return false;
            }
        }
        return true;
    }

    private boolean run(ArchiveDeletion d) {
        Optional<ArchiveTarget> target = targets.find(d.target());
        if (target.isEmpty()) {
            deletions.failed(d.pk(), "archive target " + d.target() + " is not configured", Integer.MAX_VALUE);
            return false;
        }
        if (!health.isUp(d.target())) {
            deletions.failed(d.pk(), d.target() + " " + health.describe(d.target()), d.attempts());
            return false;
        }
        try {
            removals.remove(target.get(), d);
            deletions.done(d.pk());
            health.succeeded(d.target());
            meters.deleted(d.target());
            return true;
        } catch (SdkException e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            health.failed(d.target(), error);
            meters.deletionFailed(d.target());
            deletions.failed(d.pk(), error, d.attempts());
            LOG.warning(() -> "deletion " + d.pk() + " of " + d.objectKey() + " in " + d.target() + " failed, will retry: "
                    + error);
            return false;
        } catch (RuntimeException e) {
            meters.deletionFailed(d.target());
            deletions.failed(d.pk(), e.getClass().getSimpleName() + ": " + e.getMessage(), d.attempts());
            LOG.log(Level.WARNING, "deletion " + d.pk() + " failed, will retry", e);
            return false;
        }
    }
}
