package org.hozon.retrieve;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.hozon.archive.crypto.ObjectNames;
import org.hozon.archive.s3.ArchiveTarget;
import org.hozon.archive.s3.ArchiveTargets;
import org.hozon.archive.service.CopyDeletions;
import org.hozon.persistence.archive.ArchiveDeletion;
import org.hozon.persistence.audit.AuditEvent;

/**
 * Removes the index rows of a study, series or instance in one transaction: archive tasks (the
 * outbox rows referencing the instances) and archive-copy records, instances, then series and
 * studies left empty (with their request items, modality and SOP class rows and identity
 * reviews); the counts, ModalitiesInStudy and SOPClassesInStudy of what remains are recomputed.
 * In the same transaction, every S3 copy of the instances goes to the deletion outbox (recorded
 * copies, and what an unfinished archive attempt may have uploaded), to be removed from S3
 * asynchronously. Writes one {@code DELETE} audit event. Files are removed by
 * {@link DeleteService} after the commit.
 */
@Stateless
public class IndexDeleter {

    @Resource(lookup = "java:jboss/datasources/HozonDS")
    DataSource dataSource;

    @PersistenceContext(unitName = "hozon")
    EntityManager em;

    @EJB
    CopyDeletions deletions;

    @Inject
    ArchiveTargets targets;

    /** What was deleted: the storage paths of the instances' files (relative to the store). */
    public record Deleted(List<String> storagePaths) {
    }

    /**
     * Deletes the rows of the target; returns null if nothing matched.
     *
     * @param actor  the principal, or null
     * @param source the client address, or null
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Deleted delete(String study, String series, String sop, String actor, String source) {
        // Lock order, shared with the archiver (ArchiveTasks): archive task rows, then instance
        // rows. Taking them in the same order means the two never deadlock, and no archive copy
        // row appears under an instance being deleted.
        String instances = "SELECT i.pk FROM instance i WHERE i.series_fk IN (SELECT se.pk FROM series se"
                + " JOIN study st ON se.study_fk = st.pk WHERE st.study_iuid = ?"
                + (series != null ? " AND se.series_iuid = ?)" : ")")
                + (sop != null ? " AND i.sop_iuid = ?" : "");
        String lockTasks = "SELECT t.pk FROM archive_task t WHERE t.instance_fk IN (" + instances + ") FOR UPDATE";
        String lockInstances = instances + " FOR UPDATE";
        String sql = "SELECT i.pk, i.storage_path, se.pk, st.pk, st.patient_id"
                + " FROM instance i JOIN series se ON i.series_fk = se.pk JOIN study st ON se.study_fk = st.pk"
                + " WHERE st.study_iuid = ?"
                + (series != null ? " AND se.series_iuid = ?" : "")
                + (sop != null ? " AND i.sop_iuid = ?" : "");
        List<Long> pks = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        Set<Long> seriesPks = new LinkedHashSet<>();
        Long studyPk = null;
        String patientId = null;
        try (Connection c = dataSource.getConnection()) {
            lock(c, lockTasks, study, series, sop);
            lock(c, lockInstances, study, series, sop);
            try (PreparedStatement ps = target(c, sql, study, series, sop)) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        pks.add(rs.getLong(1));
                        paths.add(rs.getString(2));
                        seriesPks.add(rs.getLong(3));
                        studyPk = rs.getLong(4);
                        patientId = rs.getString(5);
                    }
                }
            }
            if (pks.isEmpty()) {
                return null;
            }
            for (ArchiveDeletion d : s3Copies(c, instances, study, series, sop)) {
                deletions.enqueue(d);
            }
            for (Long pk : pks) {
                update(c, "DELETE FROM archive_copy WHERE instance_fk = ?", pk);
                update(c, "DELETE FROM archive_task WHERE instance_fk = ?", pk);
                update(c, "DELETE FROM instance WHERE pk = ?", pk);
            }
            for (Long pk : seriesPks) {
                long left = count(c, "SELECT COUNT(*) FROM instance WHERE series_fk = ?", pk);
                if (left == 0) {
                    update(c, "DELETE FROM series_request WHERE series_fk = ?", pk);
                    update(c, "DELETE FROM series WHERE pk = ?", pk);
                } else {
                    update(c, "UPDATE series SET num_instances = ? WHERE pk = ?", left, pk);
                }
            }
            long seriesLeft = count(c, "SELECT COUNT(*) FROM series WHERE study_fk = ?", studyPk);
            if (seriesLeft == 0) {
                update(c, "DELETE FROM study_modality WHERE study_fk = ?", studyPk);
                update(c, "DELETE FROM study_sop_class WHERE study_fk = ?", studyPk);
                update(c, "DELETE FROM identity_review WHERE study_fk = ?", studyPk);
                update(c, "DELETE FROM study WHERE pk = ?", studyPk);
            } else {
                recount(c, studyPk, seriesLeft);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("delete failed: " + e.getMessage(), e);
        }
        em.persist(new AuditEvent(Instant.now(), "DELETE", "SUCCESS", cut(actor), cut(source))
                .object(patientId, study, series, sop)
                .detail(pks.size() + " instance(s) deleted"));
        return new Deleted(paths);
    }

    /**
     * The S3 copies of the instances: every recorded copy, and, for an instance whose archiving
     * began (its object key is chosen), the object on each target without a recorded copy, which an
     * unfinished attempt may have uploaded. Each names what identifies that copy (nonce prefix,
     * wrapped key, SHA-256), so that its deletion never takes a newer copy under the same key.
     */
    private List<ArchiveDeletion> s3Copies(Connection c, String instances, String study, String series, String sop)
            throws SQLException {
        Instant now = Instant.now();
        List<ArchiveDeletion> out = new ArrayList<>();
        Map<Long, Set<String>> recorded = new HashMap<>();
        try (PreparedStatement ps = target(c, "SELECT c.instance_fk, c.target, c.bucket, c.object_key, c.sidecar_key,"
                + " t.nonce_prefix, c.wrapped_key, c.ciphertext_sha256 FROM archive_copy c"
                + " LEFT JOIN archive_task t ON t.instance_fk = c.instance_fk WHERE c.instance_fk IN (" + instances + ")",
                study, series, sop); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                recorded.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2));
                out.add(new ArchiveDeletion(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getBytes(6), rs.getBytes(7), rs.getString(8), ArchiveDeletion.REASON_DELETE, now));
            }
        }
        try (PreparedStatement ps = target(c, "SELECT t.instance_fk, t.object_key, t.nonce_prefix, t.wrapped_key"
                + " FROM archive_task t WHERE t.object_key IS NOT NULL AND t.instance_fk IN (" + instances + ")",
                study, series, sop); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Set<String> done = recorded.getOrDefault(rs.getLong(1), Set.of());
                for (ArchiveTarget t : targets.all()) {
                    if (!done.contains(t.name())) {
                        String key = rs.getString(2);
                        out.add(new ArchiveDeletion(t.name(), t.bucket(), key, ObjectNames.sidecarOf(key), rs.getBytes(3),
                                rs.getBytes(4), null, ArchiveDeletion.REASON_DELETE, now));
                    }
                }
            }
        }
        return out;
    }

    private static PreparedStatement target(Connection c, String sql, String study, String series, String sop)
            throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        int p = 1;
        ps.setString(p++, study);
        if (series != null) {
            ps.setString(p++, series);
        }
        if (sop != null) {
            ps.setString(p, sop);
        }
        return ps;
    }

    private static void lock(Connection c, String sql, String study, String series, String sop) throws SQLException {
        try (PreparedStatement ps = target(c, sql, study, series, sop); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                // the rows are locked until the commit
            }
        }
    }

    /** Counts, modalities and SOP classes of a study that keeps some series. */
    private static void recount(Connection c, long studyPk, long seriesLeft) throws SQLException {
        long instancesLeft = count(c, "SELECT COUNT(*) FROM instance i JOIN series se ON i.series_fk = se.pk"
                + " WHERE se.study_fk = ?", studyPk);
        Set<String> modalities = strings(c, "SELECT DISTINCT modality FROM series WHERE study_fk = ?"
                + " AND modality IS NOT NULL", studyPk);
        Set<String> classes = strings(c, "SELECT DISTINCT i.sop_cuid FROM instance i JOIN series se"
                + " ON i.series_fk = se.pk WHERE se.study_fk = ?", studyPk);
        update(c, "DELETE FROM study_modality WHERE study_fk = ?", studyPk);
        for (String m : modalities) {
            update(c, "INSERT INTO study_modality (study_fk, modality) VALUES (?, ?)", studyPk, m);
        }
        update(c, "DELETE FROM study_sop_class WHERE study_fk = ?", studyPk);
        for (String s : classes) {
            update(c, "INSERT INTO study_sop_class (study_fk, sop_cuid) VALUES (?, ?)", studyPk, s);
        }
        update(c, "UPDATE study SET num_series = ?, num_instances = ?, modalities = ?, sop_classes = ? WHERE pk = ?",
                seriesLeft, instancesLeft, join(modalities, 256), join(classes, 4000), studyPk);
    }

    private static String join(Set<String> values, int max) {
        if (values.isEmpty()) {
            return null;
        }
        String s = String.join("\\", values);
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static Set<String> strings(Connection c, String sql, long key) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static long count(Connection c, String sql, long key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    private static String cut(String s) {
        return s == null || s.length() <= 256 ? s : s.substring(0, 256);
    }
}
