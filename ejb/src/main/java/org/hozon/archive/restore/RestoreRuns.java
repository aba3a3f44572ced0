package org.hozon.archive.restore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * The restore's rows ({@code restore_run}, {@code restore_object}), each change in a short
 * transaction of its own. Plain JDBC: a listing page is one batched insert.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RestoreRuns {
    private static final String RUN_COLUMNS = "pk, bucket, status, node, created_at, attempt_started_at, heartbeat_at,"
            + " finished_at, listing_complete, error";
    private static final String UNFINISHED = "UNFINISHED";
    private static final Instant BEGINNING = Instant.parse("1970-01-01T00:00:00Z");

    @Resource(lookup = "java:jboss/datasources/HozonDS")
    DataSource dataSource;

    /** A failed object, for the admin API. */
    public record Failure(String objectKey, String sopIuid, String error) {
    }

    /** @return the newest run, if any */
    public Optional<RestoreRun> latest() {
        return query("SELECT " + RUN_COLUMNS + " FROM restore_run ORDER BY pk DESC FETCH FIRST 1 ROWS ONLY", ps -> { },
                rs -> rs.next() ? Optional.of(run(rs)) : Optional.<RestoreRun>empty());
    }

    /** @return whether the index holds any instance */
    public boolean indexHoldsInstances() {
        return query("SELECT 1 FROM instance FETCH FIRST 1 ROWS ONLY", ps -> { }, ResultSet::next);
    }

    /**
     * @param sopIuid a SOP Instance UID
     * @return the SHA-256 the index holds for it, or null if it is not in the index
     */
    public String knownSha256(String sopIuid) {
        return query("SELECT sha256 FROM instance WHERE sop_iuid = ?", ps -> ps.setString(1, sopIuid),
                rs -> rs.next() ? rs.getString(1) : null);
    }

    /**
     * Starts a new run, unless another unfinished run exists (one at a time, whichever node).
     *
     * @return the new run's pk, or empty if another unfinished run was there first
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // one statement; a violation must not doom a transaction
    public Optional<Long> create(String bucket, String node, Instant now) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO restore_run (bucket, status, unfinished, node,"
                        + " created_at, attempt_started_at, heartbeat_at, listing_complete) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        new String[] {"pk"})) {
            ps.setString(1, bucket);
            ps.setString(2, RestoreRun.RUNNING);
            ps.setString(3, UNFINISHED);
            ps.setString(4, node);
            ps.setObject(5, time(now));
            ps.setObject(6, time(now));
            ps.setObject(7, time(now));
            ps.setBoolean(8, false);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return Optional.of(keys.getLong(1));
            }
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return Optional.empty(); // uq_restore_run_unfinished: another node started one
            }
            throw failure(e);
        }
    }

    /**
     * Takes over a run as it was seen (nobody else took it meanwhile) to continue it.
     *
     * @param seen the run as read
     * @return whether this node now owns it
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // one statement, as create
    public boolean claim(RestoreRun seen, String node, Instant now) {
        try {
            return update("UPDATE restore_run SET status = ?, unfinished = ?, node = ?, attempt_started_at = ?,"
                    + " heartbeat_at = ?, finished_at = NULL, error = NULL WHERE pk = ? AND status = ? AND node = ?"
                    + " AND heartbeat_at = ?", ps -> {
                        ps.setString(1, RestoreRun.RUNNING);
                        ps.setString(2, UNFINISHED);
                        ps.setString(3, node);
                        ps.setObject(4, time(now));
                        ps.setObject(5, time(now));
                        ps.setLong(6, seen.pk());
                        ps.setString(7, seen.status());
                        ps.setString(8, seen.node());
                        ps.setObject(9, time(seen.heartbeatAt()));
                    }) == 1;
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return false;
            }
            throw e;
        }
    }

    /** @return how many FAILED objects of the run were made PENDING again */
    public int resetFailed(long run) {
        return update("UPDATE restore_object SET status = 'PENDING', error = NULL WHERE run_fk = ? AND status = 'FAILED'",
                ps -> ps.setLong(1, run));
    }

    /** Records that the run's node is alive. */
    public void heartbeat(long run, Instant now) {
        update("UPDATE restore_run SET heartbeat_at = ? WHERE pk = ?", ps -> {
            ps.setObject(1, time(now));
            ps.setLong(2, run);
        });
    }

    /** Ends an attempt: COMPLETED (the run is no longer unfinished), INTERRUPTED or ABORTED. */
    public void finish(long run, String status, Instant now, String error) {
        update("UPDATE restore_run SET status = ?, unfinished = ?, finished_at = ?, heartbeat_at = ?, error = ? WHERE pk = ?",
                ps -> {
                    ps.setString(1, status);
                    ps.setString(2, RestoreRun.COMPLETED.equals(status) ? null : UNFINISHED);
                    ps.setObject(3, time(now));
                    ps.setObject(4, time(now));
                    ps.setString(5, error == null ? null : cut(error));
                    ps.setLong(6, run);
                });
    }

    /** Adds objects found by the listing (PENDING). */
    public void addListed(long run, List<RestoreItem> items) {
        if (items.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO restore_object (run_fk, object_key, size_bytes,"
                        + " last_modified, status) VALUES (?, ?, ?, ?, 'PENDING')")) {
            for (RestoreItem item : items) {
                ps.setLong(1, run);
                ps.setString(2, item.objectKey());
                ps.setLong(3, item.size());
                ps.setObject(4, time(item.lastModified()));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Records that the whole bucket was listed. */
    public void listingComplete(long run) {
        update("UPDATE restore_run SET listing_complete = ? WHERE pk = ?", ps -> {
            ps.setBoolean(1, true);
            ps.setLong(2, run);
        });
    }

    /** @return the greatest object key listed so far (the listing goes on after it), or null */
    public String lastListedKey(long run) {
        return query("SELECT MAX(object_key) FROM restore_object WHERE run_fk = ?", ps -> ps.setLong(1, run),
                rs -> rs.next() ? rs.getString(1) : null);
    }

    /**
     * The next PENDING objects in the order their copies were made (Last-Modified, then listing order).
     *
     * @param after the last item of the previous page, or null for the first page
     */
    public List<RestoreItem> pending(long run, RestoreItem after, int limit) {
        return query("SELECT pk, object_key, size_bytes, last_modified FROM restore_object WHERE run_fk = ?"
                + " AND status = 'PENDING' AND (last_modified > ? OR (last_modified = ? AND pk > ?))"
                + " ORDER BY last_modified, pk FETCH FIRST ? ROWS ONLY", ps -> {
                    OffsetDateTime t = time(after == null ? BEGINNING : after.lastModified());
                    ps.setLong(1, run);
                    ps.setObject(2, t);
                    ps.setObject(3, t);
                    ps.setLong(4, after == null ? 0 : after.pk());
                    ps.setInt(5, limit);
                }, rs -> {
                    List<RestoreItem> items = new ArrayList<>();
                    while (rs.next()) {
                        items.add(new RestoreItem(rs.getLong(1), rs.getString(2), rs.getLong(3), instant(rs, 4)));
                    }
                    return items;
                });
    }

    /** Records what became of objects (RESTORED, SKIPPED or FAILED). */
    public void record(List<ObjectOutcome> outcomes) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE restore_object SET status = ?, sop_iuid = ?,"
                        + " restored_bytes = ?, error = ? WHERE pk = ?")) {
            for (ObjectOutcome o : outcomes) {
                ps.setString(1, o.status());
                ps.setString(2, o.sopIuid() == null || o.sopIuid().length() > 64 ? null : o.sopIuid());
                ps.setLong(3, o.restoredBytes());
                ps.setString(4, o.error() == null ? null : cut(o.error()));
                ps.setLong(5, o.item().pk());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** @return the run's objects per state, with their bytes */
    public RestoreCounts counts(long run) {
        return query("SELECT status, COUNT(*), COALESCE(SUM(size_bytes), 0), COALESCE(SUM(restored_bytes), 0)"
                + " FROM restore_object WHERE run_fk = ? GROUP BY status", ps -> ps.setLong(1, run), rs -> {
                    long[] n = new long[4];
                    long found = 0;
                    long processed = 0;
                    long restored = 0;
                    while (rs.next()) {
                        String status = rs.getString(1);
                        int i = switch (status) {
                            case "PENDING" -> 0;
                            case "RESTORED" -> 1;
                            case "SKIPPED" -> 2;
                            default -> 3;
                        };
                        n[i] += rs.getLong(2);
                        found += rs.getLong(3);
                        processed += i == 0 ? 0 : rs.getLong(3);
                        restored += rs.getLong(4);
                    }
                    return new RestoreCounts(n[0], n[1], n[2], n[3], found, processed, restored);
                });
    }

    /** @return the first {@code limit} failed objects of the run, in listing order */
    public List<Failure> failures(long run, int limit) {
        return query("SELECT object_key, sop_iuid, error FROM restore_object WHERE run_fk = ? AND status = 'FAILED'"
                + " ORDER BY pk FETCH FIRST ? ROWS ONLY", ps -> {
                    ps.setLong(1, run);
                    ps.setInt(2, limit);
                }, rs -> {
                    List<Failure> failures = new ArrayList<>();
                    while (rs.next()) {
                        failures.add(new Failure(rs.getString(1), rs.getString(2), rs.getString(3)));
                    }
                    return failures;
                });
    }

    private static RestoreRun run(ResultSet rs) throws SQLException {
        return new RestoreRun(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, 5),
                instant(rs, 6), instant(rs, 7), instant(rs, 8), rs.getBoolean(9), rs.getString(10));
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> T query(String sql, Binder binder, Reader<T> reader) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return reader.read(rs);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private int update(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static IllegalStateException failure(SQLException e) {
        return new IllegalStateException("restore state: " + e.getMessage(), e);
    }

    private static OffsetDateTime time(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String cut(String s) {
        return s.length() <= 2000 ? s : s.substring(0, 2000);
    }
}
