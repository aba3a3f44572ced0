package org.hozon.archive.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.hozon.archive.crypto.DataKeys;
import org.hozon.archive.crypto.EnvelopeException;
import org.hozon.archive.crypto.KeyRing;
import org.hozon.archive.crypto.ObjectIdentity;
import org.hozon.archive.crypto.ObjectNames;
import org.hozon.archive.s3.ArchiveTarget;
import org.hozon.archive.s3.ArchiveTargets;
import org.hozon.persistence.archive.ArchiveCopy;
import org.hozon.persistence.archive.ArchiveDeletion;
import org.hozon.persistence.archive.ArchiveTask;
import org.hozon.persistence.index.Instance;

/**
 * The archive outbox's state changes, each in a short transaction of its own. Claims go through
 * the database (a conditional UPDATE), so several nodes or sessions never archive one task at once.
 * Every transaction that touches a task and its instance locks the task row first, then the
 * instance row (by the copy's foreign key): the order a DELETE takes them in.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ArchiveTasks {
    /** How long a claim holds before another archiver may take the task over. */
    static final Duration LEASE = Duration.ofMinutes(30);

    @PersistenceContext(unitName = "hozon")
    EntityManager em;

    @Inject
    ArchiveKeys keys;

    @Inject
    ArchiveSettings settings;

    @Inject
    ArchiveTargets targets;

    @EJB
    ArchiveMessages messages;

    @EJB
    CopyDeletions deletions;

    @Inject
    ArchiveNode node;

    @Inject
    QueueProgress progress;

    /**
     * Claims a task: PENDING, RUNNING with an expired lease, or ARCHIVED with optional copies due
     * (a catch-up, which stays ARCHIVED). On its first attempt its data key, nonce prefix and
     * object key are chosen and kept, so that every attempt produces the same object.
     *
     * @param taskPk the task
     * @return the job, or empty if the task is done, failed for good, or being worked on
     */
    public Optional<ArchiveJob> claim(long taskPk) {
        Instant now = Instant.now();
        int claimed = em.createQuery("UPDATE ArchiveTask t SET t.status = :running, t.attempts = t.attempts + 1,"
                        + " t.nextAttemptAt = :lease, t.claimedBy = :me WHERE t.pk = :pk AND (t.status = :pending"
                        + " OR (t.status = :running AND t.nextAttemptAt < :now))")
                .setParameter("running", ArchiveTask.RUNNING).setParameter("pending", ArchiveTask.PENDING)
                .setParameter("lease", now.plus(LEASE)).setParameter("me", node.claimant()).setParameter("now", now)
                .setParameter("pk", taskPk).executeUpdate();
        boolean catchUp = false;
        if (claimed == 0) {
            // a catch-up is due once its time came, or when its re-sent message arrives (the timer
            // set it a little ahead, see resendDue); the lease then takes it out of reach
            claimed = em.createQuery("UPDATE ArchiveTask t SET t.nextAttemptAt = :lease, t.claimedBy = :me WHERE t.pk = :pk"
                            + " AND t.status = :archived AND t.nextAttemptAt < :soon")
                    .setParameter("lease", now.plus(LEASE)).setParameter("me", node.claimant()).setParameter("pk", taskPk)
                    .setParameter("archived", ArchiveTask.ARCHIVED).setParameter("soon", now.plus(settings.recoveryAfter()))
                    .executeUpdate();
            catchUp = claimed > 0;
        }
        if (claimed == 0) {
            return Optional.empty();
        }
        // the persistence context is new in this transaction: find reads the row as updated above
        ArchiveTask task = em.find(ArchiveTask.class, taskPk);
        if (task.attempts() == 1 && !catchUp) {
            progress.tookUp(task.createdAt(), now);
        }
        Instance instance = em.find(Instance.class, task.instanceFk());
        if (instance == null) {
            return Optional.empty();
        }
        if (task.keyId() == null) {
            KeyRing ring = keys.ring();
            ObjectIdentity id = new ObjectIdentity(settings.tenant(), instance.sopIuid(), ring.activeId());
            task.chooseKey(ring.activeId(), DataKeys.wrap(ring.active(), DataKeys.generate(), id), DataKeys.noncePrefix());
        }
        if (task.objectKey() == null) {
            try {
                task.name(keys.names().dataObject(settings.tenant(), instance.sopIuid()));
            } catch (EnvelopeException e) {
                throw new IllegalStateException("no object-naming key: " + e.getMessage(), e);
            }
        }
        return Optional.of(new ArchiveJob(taskPk, instance.pk(), instance.sopIuid(), instance.storagePath(),
                instance.sha256(), instance.sizeBytes(), task.keyId(), task.wrappedKey(), task.noncePrefix(),
                task.objectKey(), task.attempts(), copiedTo(instance.pk()), deletions.targetsDeleting(task.objectKey()),
                catchUp));
    }

    /**
     * Records a copy a target confirmed.
     *
     * @param job       the job
     * @param copy      the copy
     * @param touched   the targets this attempt PUT to (or tried to)
     * @param cipherSha the envelope's SHA-256, hex
     * @return false if the instance was deleted meanwhile: the copies this attempt made are then
     *         put in the deletion outbox instead
     */
    public boolean copied(ArchiveJob job, ArchiveCopy copy, Collection<String> touched, String cipherSha) {
        ArchiveTask task = em.find(ArchiveTask.class, job.taskPk(), LockModeType.PESSIMISTIC_WRITE);
        if (task == null) {
            orphans(job, touched, cipherSha);
            return false;
        }
        if (!copiedTo(job.instancePk()).contains(copy.target())) {
            em.persist(copy);
        }
        return true;
    }

    /**
     * Ends an attempt: ARCHIVED when every required target holds a copy (due again later if an
     * optional one lacks it); otherwise PENDING, due after a backoff, or FAILED when the instance
     * itself is the problem and the attempts are used up. Failures of a target (unreachable, S3
     * errors) never make a task FAILED: an outage loses nothing and needs no operator.
     *
     * @param job           the job
     * @param copy          a copy a target confirmed that is not recorded yet, or null
     * @param errors        per target (or "local"), what went wrong in this attempt
     * @param instanceError whether an error lies with the instance (its file, its key, a conflicting object)
     * @param touched       the targets this attempt PUT to (or tried to)
     * @param cipherSha     the envelope's SHA-256, hex, or null if it was not sealed
     * @return the task's status afterwards, or null if its instance was deleted meanwhile
     */
    public String finish(ArchiveJob job, ArchiveCopy copy, Map<String, String> errors, boolean instanceError,
            Collection<String> touched, String cipherSha) {
        ArchiveTask task = em.find(ArchiveTask.class, job.taskPk(), LockModeType.PESSIMISTIC_WRITE);
        if (task == null) {
            orphans(job, touched, cipherSha);
            return null;
        }
        Set<String> have = copiedTo(job.instancePk());
        if (copy != null && have.add(copy.target())) {
            em.persist(copy);
        }
        List<ArchiveTarget> all = targets.all();
        boolean requiredMissing = all.stream().anyMatch(t -> t.required() && !have.contains(t.name()));
        boolean optionalMissing = all.stream().anyMatch(t -> !t.required() && !have.contains(t.name()));
        String error = errors.isEmpty() ? null : errors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; "));
        Instant now = Instant.now();
        if (job.catchUp() || !requiredMissing) {
            boolean complete = !requiredMissing && !optionalMissing;
            task.archived(now, complete ? ArchiveTask.NEVER : now.plus(settings.maxRetryDelay()),
                    complete ? null : error != null ? error : "copies missing");
            return ArchiveTask.ARCHIVED;
        }
        boolean giveUp = instanceError && job.attempt() >= settings.maxAttempts();
        task.failed(error != null ? error : "copies missing", giveUp, now.plus(settings.retryDelay(job.attempt())));
        return task.status();
    }

    /**
     * Sends again the messages of tasks that are due: failed attempts whose delay passed, tasks
     * left PENDING too long (lost message, crash between commit and delivery), RUNNING tasks whose
     * archiver vanished, and ARCHIVED tasks whose optional copies are due.
     *
     * @param limit most tasks per call
     * @return how many were sent
     */
    public int resendDue(int limit) {
        Instant now = Instant.now();
        Instant lost = progress.lostBefore(now, settings.recoveryAfter());
        String dueNow = "((t.status = :pending AND t.attempts = 0 AND t.nextAttemptAt < :lost)"
                + " OR (t.status = :pending AND t.attempts > 0 AND t.nextAttemptAt < :now)"
                + " OR (t.status IN (:running, :archived) AND t.nextAttemptAt < :now))";
        List<Long> due = em.createQuery("SELECT t.pk FROM ArchiveTask t WHERE " + dueNow + " ORDER BY t.nextAttemptAt",
                        Long.class)
                .setParameter("pending", ArchiveTask.PENDING).setParameter("running", ArchiveTask.RUNNING)
                .setParameter("archived", ArchiveTask.ARCHIVED)
                .setParameter("lost", lost).setParameter("now", now)
                .setMaxResults(limit).getResultList();
        int sent = 0;
        for (Long pk : due) {
            // conditional UPDATEs of two columns, not a write-back of a row read above: an archiver
            // may have claimed (or even archived) the task since, and its state must not be overwritten
            int resent = em.createQuery("UPDATE ArchiveTask t SET t.status = CASE WHEN t.status = :running"
                            + " THEN :pending ELSE t.status END, t.nextAttemptAt = :again WHERE t.pk = :pk AND " + dueNow)
                    .setParameter("pending", ArchiveTask.PENDING).setParameter("running", ArchiveTask.RUNNING)
                    .setParameter("archived", ArchiveTask.ARCHIVED)
                    .setParameter("lost", lost).setParameter("now", now)
                    .setParameter("again", now.plus(settings.recoveryAfter())).setParameter("pk", pk)
                    .executeUpdate();
            if (resent == 1) {
                messages.send(pk);
                sent++;
            }
        }
        return sent;
    }

    /**
     * A target is available again: tasks waiting for their next attempt are due now.
     *
     * @return how many
     */
    public int pullForward() {
        Instant now = Instant.now();
        return em.createQuery("UPDATE ArchiveTask t SET t.nextAttemptAt = :now WHERE t.nextAttemptAt > :now AND"
                        + " ((t.status = :pending AND t.attempts > 0) OR (t.status = :archived AND t.nextAttemptAt < :never))")
                .setParameter("now", now).setParameter("pending", ArchiveTask.PENDING)
                .setParameter("archived", ArchiveTask.ARCHIVED).setParameter("never", ArchiveTask.NEVER)
                .executeUpdate();
    }

    /**
     * Takes back the claims an earlier run of this node left (it stopped or crashed while
     * archiving): those tasks are due at once, instead of when their leases end.
     *
     * @return how many
     */
    public int releaseAbandonedClaims() {
        Instant now = Instant.now();
        int running = em.createQuery("UPDATE ArchiveTask t SET t.status = :pending, t.nextAttemptAt = :now"
                        + " WHERE t.status = :running AND t.claimedBy LIKE :node ESCAPE '!' AND t.claimedBy <> :me")
                .setParameter("pending", ArchiveTask.PENDING).setParameter("running", ArchiveTask.RUNNING)
                .setParameter("now", now).setParameter("node", node.anyRunOfThisNode()).setParameter("me", node.claimant())
                .executeUpdate();
        int catchUps = em.createQuery("UPDATE ArchiveTask t SET t.nextAttemptAt = :now WHERE t.status = :archived"
                        + " AND t.nextAttemptAt > :now AND t.nextAttemptAt < :never AND t.claimedBy LIKE :node ESCAPE '!'"
                        + " AND t.claimedBy <> :me")
                .setParameter("archived", ArchiveTask.ARCHIVED).setParameter("never", ArchiveTask.NEVER)
                .setParameter("now", now).setParameter("node", node.anyRunOfThisNode()).setParameter("me", node.claimant())
                .executeUpdate();
        return running + catchUps;
    }

    /**
     * An operator's retry of a FAILED task.
     *
     * @param taskPk the task
     * @return whether it was FAILED and is now queued again
     */
    public boolean retry(long taskPk) {
        ArchiveTask t = em.find(ArchiveTask.class, taskPk);
        if (t == null || !ArchiveTask.FAILED.equals(t.status())) {
            return false;
        }
        t.requeue(Instant.now(), true);
        messages.send(taskPk);
        return true;
    }

    private Set<String> copiedTo(long instancePk) {
        return new HashSet<>(em.createQuery("SELECT c.target FROM ArchiveCopy c WHERE c.instanceFk = :i", String.class)
                .setParameter("i", instancePk).getResultList());
    }

    /** The instance is gone: whatever this attempt may have uploaded goes to the deletion outbox. */
    private void orphans(ArchiveJob job, Collection<String> touched, String cipherSha) {
        Instant now = Instant.now();
        for (String name : touched) {
            targets.find(name).ifPresent(t -> deletions.enqueue(new ArchiveDeletion(name, t.bucket(), job.objectKey(),
                    ObjectNames.sidecarOf(job.objectKey()), job.noncePrefix(), job.wrappedKey(), cipherSha,
                    ArchiveDeletion.REASON_ORPHAN, now)));
        }
    }
}
