package org.hozon.bench.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * Lag (task created → ARCHIVED) of archive tasks, read from the server's PostgreSQL. The task is
 * created in the store transaction, a few milliseconds before the STOW response: its lag is the
 * acknowledgement → ARCHIVED lag plus that. Not thread-safe: one connection.
 */
final class TaskLags implements AutoCloseable {
    private final Connection db;

    TaskLags(String url, String user, String password) throws SQLException {
        this.db = DriverManager.getConnection(url, user, password);
    }

    /**
     * Lags of the tasks archived in {@code [from, to)} that were created at or after {@code createdSince}.
     *
     * @return their lags in ms, ascending
     */
    long[] archived(Instant from, Instant to, Instant createdSince) throws SQLException {
        String sql = "SELECT EXTRACT(EPOCH FROM (completed_at - created_at)) * 1000 FROM archive_task"
                + " WHERE status = 'ARCHIVED' AND completed_at >= ? AND completed_at < ? AND created_at >= ?";
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setObject(1, utc(from));
            s.setObject(2, utc(to));
            s.setObject(3, utc(createdSince));
            long[] lags = new long[1024];
            int n = 0;
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (n == lags.length) {
                        lags = Arrays.copyOf(lags, n * 2);
                    }
                    lags[n++] = Math.round(r.getDouble(1));
                }
            }
            long[] sorted = Arrays.copyOf(lags, n);
            Arrays.sort(sorted);
            return sorted;
        }
    }

    /** @return whether every one of these instances is ARCHIVED, at a time before {@code before} */
    boolean allArchivedBefore(List<String> sopInstanceUids, Instant before) throws SQLException {
        String in = String.join(",", java.util.Collections.nCopies(sopInstanceUids.size(), "?"));
        String sql = "SELECT COUNT(*) FROM archive_task t JOIN instance i ON i.pk = t.instance_fk"
                + " WHERE i.sop_iuid IN (" + in + ") AND t.status = 'ARCHIVED' AND t.completed_at < ?";
        try (PreparedStatement s = db.prepareStatement(sql)) {
            int p = 1;
            for (String uid : sopInstanceUids) {
                s.setString(p++, uid);
            }
            s.setObject(p, utc(before));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1) == sopInstanceUids.size();
            }
        }
    }

    /** @return the nearest-rank percentile of sorted {@code lags}, or -1 if there are none */
    static long percentile(long[] lags, double p) {
        if (lags.length == 0) {
            return -1;
        }
        int i = (int) Math.ceil(p / 100 * lags.length) - 1;
        return lags[Math.max(0, Math.min(lags.length - 1, i))];
    }

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
