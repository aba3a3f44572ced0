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

/**
 * Lag (task created → ARCHIVED) of archive tasks, read from the server's PostgreSQL. The task is
 * created in the store transaction, a few milliseconds before the STOW response: its lag is the
 * acknowledgement → ARCHIVED lag plus that.
 */
final class TaskLags implements AutoCloseable {
    private final Connection db;

    /**
     * Lags of a set of tasks, sorted, in ms.
     *
     * @param lagsMillis archived tasks' lags, ascending
     * @param notArchived tasks of the set not (yet) ARCHIVED
     */
    record Lags(long[] lagsMillis, long notArchived) {
        long percentile(double p) {
            if (lagsMillis.length == 0) {
                return -1;
            }
            int i = (int) Math.ceil(p / 100 * lagsMillis.length) - 1;
            return lagsMillis[Math.max(0, Math.min(lagsMillis.length - 1, i))];
        }
    }

    TaskLags(String url, String user, String password) throws SQLException {
        this.db = DriverManager.getConnection(url, user, password);
    }

    /** Tasks created in {@code [from, to)}: the figure of a run. */
    Lags createdBetween(Instant from, Instant to) throws SQLException {
        return query("created_at", from, to);
    }

    /** Tasks archived in {@code [from, to)}: the lag as it was seen during one interval. */
    Lags completedBetween(Instant from, Instant to) throws SQLException {
        return query("completed_at", from, to);
    }

    private Lags query(String column, Instant from, Instant to) throws SQLException {
        String sql = "SELECT status, EXTRACT(EPOCH FROM (completed_at - created_at)) * 1000 FROM archive_task"
                + " WHERE " + column + " >= ? AND " + column + " < ?";
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setObject(1, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            s.setObject(2, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
            long[] lags = new long[1024];
            int n = 0;
            long other = 0;
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (!"ARCHIVED".equals(r.getString(1))) {
                        other++;
                        continue;
                    }
                    if (n == lags.length) {
                        lags = Arrays.copyOf(lags, n * 2);
                    }
                    lags[n++] = Math.round(r.getDouble(2));
                }
            }
            long[] sorted = Arrays.copyOf(lags, n);
            Arrays.sort(sorted);
            return new Lags(sorted, other);
        }
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
