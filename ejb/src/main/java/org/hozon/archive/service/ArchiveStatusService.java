package org.hozon.archive.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.hozon.archive.s3.ArchiveTarget;
import org.hozon.archive.s3.ArchiveTargets;
import org.hozon.persistence.archive.ArchiveDeletion;
import org.hozon.persistence.archive.ArchiveTask;

/** Reads the archive's state from the outbox tables and this node's counters, for the admin API and metrics. */
@Stateless
public class ArchiveStatusService {
    /** How many recent copies the lag percentiles are computed over. */
    public static final int LAG_SAMPLE = 10_000;
    private static final int LISTED = 100;

    @PersistenceContext(unitName = "hozon")
    EntityManager em;

    @Inject
    ArchiveTargets targets;

    @Inject
    TargetHealth health;

    @Inject
    ArchiveMeters meters;

    /** @return the current state */
    public ArchiveStatus status() {
        Instant now = Instant.now();
        Map<String, Long> byStatus = new TreeMap<>();
        for (String s : new String[] {ArchiveTask.PENDING, ArchiveTask.RUNNING, ArchiveTask.ARCHIVED, ArchiveTask.FAILED}) {
            byStatus.put(s, 0L);
        }
        for (Object[] row : em.createQuery("SELECT t.status, COUNT(t) FROM ArchiveTask t GROUP BY t.status", Object[].class)
                .getResultList()) {
            byStatus.put((String) row[0], ((Number) row[1]).longValue());
        }
        long retrying = em.createQuery("SELECT COUNT(t) FROM ArchiveTask t WHERE t.status = :p AND t.attempts > 0", Long.class)
                .setParameter("p", ArchiveTask.PENDING).getSingleResult();
        Instant oldest = em.createQuery("SELECT MIN(t.createdAt) FROM ArchiveTask t WHERE t.status IN (:p, :r)", Instant.class)
                .setParameter("p", ArchiveTask.PENDING).setParameter("r", ArchiveTask.RUNNING).getSingleResult();
        long lastMinute = em.createQuery("SELECT COUNT(t) FROM ArchiveTask t WHERE t.status = :a AND t.completedAt >= :since",
                        Long.class)
                .setParameter("a", ArchiveTask.ARCHIVED).setParameter("since", now.minusSeconds(60)).getSingleResult();
        List<Object[]> recent = em.createQuery("SELECT t.createdAt, t.completedAt FROM ArchiveTask t WHERE t.status = :a"
                        + " ORDER BY t.completedAt DESC", Object[].class)
                .setParameter("a", ArchiveTask.ARCHIVED).setMaxResults(LAG_SAMPLE).getResultList();
        List<ArchiveStatus.FailedTask> failed = new ArrayList<>();
        for (Object[] r : em.createQuery("SELECT t.pk, t.attempts, t.lastError FROM ArchiveTask t WHERE t.status = :f"
                + " ORDER BY t.pk", Object[].class).setParameter("f", ArchiveTask.FAILED).setMaxResults(LISTED).getResultList()) {
            failed.add(new ArchiveStatus.FailedTask((Long) r[0], (Integer) r[1], (String) r[2]));
        }
        List<ArchiveStatus.TargetStatus> perTarget = new ArrayList<>();
        for (ArchiveTarget t : targets.all()) {
            perTarget.add(target(t, now));
        }
        return new ArchiveStatus(byStatus, retrying, age(oldest, now), lastMinute, percentiles(lags(recent)), failed,
                perTarget, deletions(now));
    }

    private ArchiveStatus.TargetStatus target(ArchiveTarget t, Instant now) {
        long copies = em.createQuery("SELECT COUNT(c) FROM ArchiveCopy c WHERE c.target = :t", Long.class)
                .setParameter("t", t.name()).getSingleResult();
        long missing = em.createQuery("SELECT COUNT(t) FROM ArchiveTask t WHERE (t.status IN (:p, :r, :f)"
                        + " OR (t.status = :a AND t.nextAttemptAt < :never)) AND NOT EXISTS"
                        + " (SELECT c.pk FROM ArchiveCopy c WHERE c.instanceFk = t.instanceFk AND c.target = :t)", Long.class)
                .setParameter("p", ArchiveTask.PENDING).setParameter("r", ArchiveTask.RUNNING)
                .setParameter("f", ArchiveTask.FAILED).setParameter("a", ArchiveTask.ARCHIVED)
                .setParameter("never", ArchiveTask.NEVER).setParameter("t", t.name()).getSingleResult();
        long lastMinute = em.createQuery("SELECT COUNT(c) FROM ArchiveCopy c WHERE c.target = :t AND c.archivedAt >= :since",
                        Long.class).setParameter("t", t.name()).setParameter("since", now.minusSeconds(60)).getSingleResult();
        List<Object[]> recent = em.createQuery("SELECT t.createdAt, c.archivedAt FROM ArchiveCopy c, ArchiveTask t"
                        + " WHERE t.instanceFk = c.instanceFk AND c.target = :t ORDER BY c.archivedAt DESC", Object[].class)
                .setParameter("t", t.name()).setMaxResults(LAG_SAMPLE).getResultList();
        TargetHealth.State state = health.state(t.name());
        return new ArchiveStatus.TargetStatus(t.name(), t.location(), t.required(), t.storageClass().orElse(null),
                state.up(), state.since(), state.lastError(), copies, missing, lastMinute, percentiles(lags(recent)),
                meters.of(t.name()));
    }

    private ArchiveStatus.DeletionStatus deletions(Instant now) {
        Map<String, Long> byTarget = new TreeMap<>();
        long pending = 0;
        for (Object[] row : em.createQuery("SELECT d.target, COUNT(d) FROM ArchiveDeletion d GROUP BY d.target",
                Object[].class).getResultList()) {
            long n = ((Number) row[1]).longValue();
            byTarget.put((String) row[0], n);
            pending += n;
        }
        Instant oldest = em.createQuery("SELECT MIN(d.createdAt) FROM ArchiveDeletion d", Instant.class).getSingleResult();
        List<ArchiveStatus.FailingDeletion> failing = new ArrayList<>();
        for (ArchiveDeletion d : em.createQuery("SELECT d FROM ArchiveDeletion d WHERE d.lastError IS NOT NULL ORDER BY d.pk",
                ArchiveDeletion.class).setMaxResults(LISTED).getResultList()) {
            failing.add(new ArchiveStatus.FailingDeletion(d.pk(), d.target(), d.attempts(), d.lastError()));
        }
        return new ArchiveStatus.DeletionStatus(pending, byTarget, age(oldest, now), failing);
    }

    private static long age(Instant oldest, Instant now) {
        return oldest == null ? -1 : Duration.between(oldest, now).toSeconds();
    }

    private static long[] lags(List<Object[]> createdAndDone) {
        return createdAndDone.stream().mapToLong(r -> Duration.between((Instant) r[0], (Instant) r[1]).toMillis()).toArray();
    }

    static Map<String, Long> percentiles(long[] values) {
        Map<String, Long> p = new LinkedHashMap<>();
        if (values.length == 0) {
            return p;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        p.put("p50", rank(sorted, 0.50));
        p.put("p95", rank(sorted, 0.95));
        p.put("p99", rank(sorted, 0.99));
        p.put("max", sorted[sorted.length - 1]);
        return p;
    }

    private static long rank(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
