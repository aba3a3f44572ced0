package org.hozon.archive.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.hozon.archive.crypto.DataKeys;
import org.hozon.archive.crypto.KeyRing;
import org.hozon.archive.crypto.ObjectIdentity;
import org.hozon.persistence.archive.ArchiveCopy;
import org.hozon.persistence.archive.ArchiveTask;
import org.hozon.persistence.index.Instance;

/**
 * The archive outbox's state changes, each in a short transaction of its own. Claims go through
 * the database (a conditional UPDATE), so several nodes or sessions never archive one task at once.
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

    @EJB
    ArchiveMessages messages;

    /**
     * Claims a task: PENDING, or RUNNING with an expired lease. On its first attempt its data key
     * and nonce prefix are chosen and kept, so that every attempt produces the same object.
     *
     * @param taskPk the task
     * @return the job, or empty if the task is done, failed for good, or being worked on
     */
    public Optional<ArchiveJob> claim(long taskPk) {
        Instant now = Instant.now();
        int claimed = em.createQuery("UPDATE ArchiveTask t SET t.status = :running, t.attempts = t.attempts + 1,"
                        + " t.nextAttemptAt = :lease WHERE t.pk = :pk AND (t.status = :pending"
                        + " OR (t.status = :running AND t.nextAttemptAt < :now))")
                .setParameter("running", ArchiveTask.RUNNING).setParameter("pending", ArchiveTask.PENDING)
                .setParameter("lease", now.plus(LEASE)).setParameter("now", now).setParameter("pk", taskPk)
                .executeUpdate();
        if (claimed == 0) {
            return Optional.empty();
        }
        ArchiveTask task = em.find(ArchiveTask.class, taskPk);
        em.refresh(task);
        Instance instance = em.find(Instance.class, task.instanceFk());
        if (instance == null) {
            return Optional.empty();
        }
        if (task.keyId() == null) {
            KeyRing ring = keys.ring();
            ObjectIdentity id = new ObjectIdentity(settings.tenant(), instance.sopIuid(), ring.activeId());
            task.chooseKey(ring.activeId(), DataKeys.wrap(ring.active(), DataKeys.generate(), id), DataKeys.noncePrefix());
        }
        return Optional.of(new ArchiveJob(taskPk, instance.pk(), instance.sopIuid(), instance.storagePath(),
                instance.sha256(), instance.sizeBytes(), task.keyId(), task.wrappedKey(), task.noncePrefix(),
                task.attempts()));
    }

    /**
     * Records the confirmed copy and marks the task ARCHIVED (one required target today). The
     * task row is locked first, then the instance row (by the copy's foreign key): the order a
     * DELETE takes them in, so a DELETE running meanwhile either waits for this or makes it a no-op.
     *
     * @param job  the job
     * @param copy the copy S3 confirmed
     * @return false if the instance was deleted while it was being archived
     */
    public boolean archived(ArchiveJob job, ArchiveCopy copy) {
        ArchiveTask task = em.find(ArchiveTask.class, job.taskPk(), LockModeType.PESSIMISTIC_WRITE);
        if (task == null) {
            return false;
        }
        em.persist(copy);
        task.archived(Instant.now());
        return true;
    }

    /**
     * Records a failed attempt: PENDING again (the broker redelivers with backoff), or FAILED
     * after the last allowed attempt.
     *
     * @param job   the job
     * @param error what went wrong
     * @return whether the task failed for good
     */
    public boolean failed(ArchiveJob job, String error) {
        ArchiveTask task = em.find(ArchiveTask.class, job.taskPk());
        if (task == null) {
            return true; // its instance was deleted meanwhile: nothing left to retry
        }
        boolean giveUp = job.attempt() >= settings.maxAttempts();
        // the broker's redelivery comes well before this; the timer only steps in if it does not
        Instant next = Instant.now().plus(backoff(job.attempt()));
        task.failed(error, giveUp, next);
        return giveUp;
    }

    /**
     * Sends again the messages of tasks left PENDING too long (lost message, crash between commit
     * and delivery) and of RUNNING tasks whose archiver vanished.
     *
     * @param limit most tasks per call
     * @return how many were sent
     */
    public int resendStuck(int limit) {
        Instant now = Instant.now();
        String stuckNow = "(t.status = :pending AND t.nextAttemptAt < :due) OR (t.status = :running AND t.nextAttemptAt < :now)";
        List<Long> stuck = em.createQuery("SELECT t.pk FROM ArchiveTask t WHERE " + stuckNow + " ORDER BY t.nextAttemptAt",
                        Long.class)
                .setParameter("pending", ArchiveTask.PENDING).setParameter("running", ArchiveTask.RUNNING)
                .setParameter("due", now.minus(settings.recoveryAfter())).setParameter("now", now)
                .setMaxResults(limit).getResultList();
        int sent = 0;
        for (Long pk : stuck) {
            // a conditional UPDATE of two columns, not a write-back of the row read above: an archiver
            // may have claimed (or even archived) the task since, and its state must not be overwritten
            int requeued = em.createQuery("UPDATE ArchiveTask t SET t.status = :pending, t.nextAttemptAt = :now"
                            + " WHERE t.pk = :pk AND (" + stuckNow + ")")
                    .setParameter("pending", ArchiveTask.PENDING).setParameter("running", ArchiveTask.RUNNING)
                    .setParameter("due", now.minus(settings.recoveryAfter())).setParameter("now", now)
                    .setParameter("pk", pk).executeUpdate();
            if (requeued == 1) {
                messages.send(pk);
                sent++;
            }
        }
        return sent;
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

    static Duration backoff(int attempt) {
        long seconds = Math.min(600, 5L << Math.min(attempt, 10));
        return Duration.ofSeconds(seconds);
    }
}
