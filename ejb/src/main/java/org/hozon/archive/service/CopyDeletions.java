package org.hozon.archive.service;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.hozon.persistence.archive.ArchiveDeletion;

/**
 * The deletion outbox's state changes, each in a short transaction of its own (except
 * {@link #enqueue}, which joins its caller's). Claims go through the database, like archive tasks.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class CopyDeletions {
    /** How long a claim holds before another processor may take the deletion over. */
    static final Duration LEASE = Duration.ofMinutes(5);

    @PersistenceContext(unitName = "hozon")
    EntityManager em;

    @Inject
    ArchiveSettings settings;

    @EJB
    ArchiveMessages messages;

    @Inject
    ArchiveNode node;

    /**
     * Writes a deletion and sends its message, in the caller's transaction (the DELETE's, or the
     * archiver's that found its instance gone): both happen only if that transaction commits.
     *
     * @param deletion the new deletion
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void enqueue(ArchiveDeletion deletion) {
        em.persist(deletion);
        em.flush();
        messages.sendDeletion(deletion.pk());
    }

    /**
     * @param pk a deletion
     * @return it, claimed for {@link #LEASE}; empty if it is done or someone else works on it
     */
    public Optional<ArchiveDeletion> claim(long pk) {
        Instant now = Instant.now();
        int claimed = em.createQuery("UPDATE ArchiveDeletion d SET d.status = :running, d.attempts = d.attempts + 1,"
                        + " d.nextAttemptAt = :lease, d.claimedBy = :me WHERE d.pk = :pk AND (d.status = :pending"
                        + " OR (d.status = :running AND d.nextAttemptAt < :now))")
                .setParameter("running", ArchiveDeletion.RUNNING).setParameter("pending", ArchiveDeletion.PENDING)
                .setParameter("lease", now.plus(LEASE)).setParameter("me", node.claimant()).setParameter("now", now)
                .setParameter("pk", pk).executeUpdate();
        if (claimed == 0) {
            return Optional.empty();
        }
        ArchiveDeletion d = em.find(ArchiveDeletion.class, pk);
        em.refresh(d);
        return Optional.of(d);
    }

    /** @param pk a deletion S3 confirmed: its row goes */
    public void done(long pk) {
        em.createQuery("DELETE FROM ArchiveDeletion d WHERE d.pk = :pk").setParameter("pk", pk).executeUpdate();
    }

    /**
     * @param pk      a deletion whose attempt failed
     * @param error   why
     * @param attempt the attempt's number
     */
    public void failed(long pk, String error, int attempt) {
        ArchiveDeletion d = em.find(ArchiveDeletion.class, pk);
        if (d != null) {
            d.failed(error, Instant.now().plus(settings.retryDelay(attempt)));
        }
    }

    /**
     * @param objectKey a data object's key
     * @return the targets where a deletion of that key waits
     */
    public Set<String> targetsDeleting(String objectKey) {
        return new HashSet<>(em.createQuery("SELECT DISTINCT d.target FROM ArchiveDeletion d WHERE d.objectKey = :k",
                String.class).setParameter("k", objectKey).getResultList());
    }

    /**
     * @param target    a target's name
     * @param objectKey a data object's key
     * @return the deletions waiting for that object
     */
    public List<Long> pendingFor(String target, String objectKey) {
        return em.createQuery("SELECT d.pk FROM ArchiveDeletion d WHERE d.target = :t AND d.objectKey = :k ORDER BY d.pk",
                Long.class).setParameter("t", target).setParameter("k", objectKey).getResultList();
    }

    /**
     * @param pk a deletion
     * @return whether it is still waiting (not done)
     */
    public boolean exists(long pk) {
        return em.find(ArchiveDeletion.class, pk) != null;
    }

    /**
     * Sends again the messages of deletions that are due: failed ones whose delay passed, new ones
     * whose message seems lost, and claimed ones whose processor vanished.
     *
     * @param limit most per call
     * @return how many were sent
     */
    public int resendDue(int limit) {
        Instant now = Instant.now();
        String dueNow = "((d.status = :pending AND d.attempts = 0 AND d.nextAttemptAt < :lost)"
                + " OR (d.status = :pending AND d.attempts > 0 AND d.nextAttemptAt < :now)"
                + " OR (d.status = :running AND d.nextAttemptAt < :now))";
        List<Long> due = em.createQuery("SELECT d.pk FROM ArchiveDeletion d WHERE " + dueNow + " ORDER BY d.nextAttemptAt",
                        Long.class)
                .setParameter("pending", ArchiveDeletion.PENDING).setParameter("running", ArchiveDeletion.RUNNING)
                .setParameter("lost", now.minus(settings.recoveryAfter())).setParameter("now", now)
                .setMaxResults(limit).getResultList();
        int sent = 0;
        for (Long pk : due) {
            // a conditional UPDATE, not a write-back of a row read above: a processor may have
            // claimed the deletion since, and its claim must not be undone (as for archive tasks)
            int resent = em.createQuery("UPDATE ArchiveDeletion d SET d.status = :pending, d.nextAttemptAt = :again"
                            + " WHERE d.pk = :pk AND " + dueNow)
                    .setParameter("pending", ArchiveDeletion.PENDING).setParameter("running", ArchiveDeletion.RUNNING)
                    .setParameter("lost", now.minus(settings.recoveryAfter())).setParameter("now", now)
                    .setParameter("again", now.plus(settings.recoveryAfter())).setParameter("pk", pk)
                    .executeUpdate();
            if (resent == 1) {
                messages.sendDeletion(pk);
                sent++;
            }
        }
        return sent;
    }

    /**
     * Takes back the claims an earlier run of this node left: those deletions are due at once.
     *
     * @return how many
     */
    public int releaseAbandonedClaims() {
        return em.createQuery("UPDATE ArchiveDeletion d SET d.status = :pending, d.nextAttemptAt = :now"
                        + " WHERE d.status = :running AND d.claimedBy LIKE :node ESCAPE '!' AND d.claimedBy <> :me")
                .setParameter("pending", ArchiveDeletion.PENDING).setParameter("running", ArchiveDeletion.RUNNING)
                .setParameter("now", Instant.now()).setParameter("node", node.anyRunOfThisNode())
                .setParameter("me", node.claimant()).executeUpdate();
    }

    /**
     * A target is available again: deletions waiting for their next attempt are due now.
     *
     * @param target the target's name
     * @return how many
     */
    public int pullForward(String target) {
        Instant now = Instant.now();
        return em.createQuery("UPDATE ArchiveDeletion d SET d.nextAttemptAt = :now WHERE d.target = :t"
                        + " AND d.status = :pending AND d.attempts > 0 AND d.nextAttemptAt > :now")
                .setParameter("now", now).setParameter("t", target).setParameter("pending", ArchiveDeletion.PENDING)
                .executeUpdate();
    }
}
