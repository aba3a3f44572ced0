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
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.hozon.persistence.archive.ArchiveTask;

/** Reads the archive's state from the outbox table, for the admin API. */
@Stateless
public class ArchiveStatusService {
    /** How many recently archived tasks the lag percentiles are computed over. */
    public static final int LAG_SAMPLE = 10_000;

    @PersistenceContext(unitName = "hozon")
    EntityManager em;

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
        Instant oldest = em.createQuery("SELECT MIN(t.createdAt) FROM ArchiveTask t WHERE t.status IN (:p, :r)", Instant.class)
                .setParameter("p", ArchiveTask.PENDING).setParameter("r", ArchiveTask.RUNNING).getSingleResult();
        long lastMinute = em.createQuery("SELECT COUNT(t) FROM ArchiveTask t WHERE t.status = :a AND t.completedAt >= :since",
                        Long.class)
                .setParameter("a", ArchiveTask.ARCHIVED).setParameter("since", now.minusSeconds(60)).getSingleResult();
        List<Object[]> recent = em.createQuery("SELECT t.createdAt, t.completedAt FROM ArchiveTask t WHERE t.status = :a"
                        + " ORDER BY t.completedAt DESC", Object[].class)
                .setParameter("a", ArchiveTask.ARCHIVED).setMaxResults(LAG_SAMPLE).getResultList();
        long[] lags = recent.stream().mapToLong(r -> Duration.between((Instant) r[0], (Instant) r[1]).toMillis()).toArray();
        List<ArchiveStatus.FailedTask> failed = new ArrayList<>();
        for (Object[] r : em.createQuery("SELECT t.pk, t.attempts, t.lastError FROM ArchiveTask t WHERE t.status = :f"
                + " ORDER BY t.pk", Object[].class).setParameter("f", ArchiveTask.FAILED).setMaxResults(100).getResultList()) {
            failed.add(new ArchiveStatus.FailedTask((Long) r[0], (Integer) r[1], (String) r[2]));
        }
        return new ArchiveStatus(byStatus, oldest == null ? -1 : Duration.between(oldest, now).toSeconds(), lastMinute,
                percentiles(lags), failed);
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
