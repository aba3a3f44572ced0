package org.hozon.persistence.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hozon.dicom.Dataset;
import org.hozon.dicomweb.qido.QueryLevel;
import org.hozon.persistence.index.StoredHeader;

/**
 * Runs a {@link QidoSql} on a JDBC connection: the one SELECT, then, at series and instance
 * level, one batched SELECT of the Request Attributes Sequence items of the series on the page.
 *
 * <p>When keys are matched in memory the SELECT yields candidates in the stable order, at most
 * {@code maxCandidates} of them; each is tested (and its header decoded), and offset and page
 * size apply to the matches. Reading stops as soon as the page is full and one more match is
 * seen, so the cost is proportional to the candidates before the end of the page.
 */
public final class QidoSearchExecutor {
    private static final int FETCH_SIZE = 200;

    private QidoSearchExecutor() {
    }

    /**
     * @param offset matches to skip (the query's offset)
     * @param pageSize the most matches to return
     * @param maxCandidates the candidate cap the statement was built with
     */
    public static SearchPage execute(Connection connection, QidoSql sql, int offset, int pageSize, int maxCandidates)
            throws SQLException {
        List<IndexRow> rows = new ArrayList<>();
        List<Dataset> headers = new ArrayList<>();
        boolean more = false;
        boolean capReached = false;
        if (pageSize > 0) {
            try (PreparedStatement ps = connection.prepareStatement(sql.statement().sql())) {
                sql.statement().bind(ps);
                ps.setFetchSize(Math.min(FETCH_SIZE, (sql.pagedInSql() ? pageSize : maxCandidates) + 1));
                try (ResultSet rs = ps.executeQuery()) {
                    String[] labels = IndexRow.labels(rs);
                    int candidates = 0;
                    int matches = 0;
                    while (rs.next()) {
                        if (!sql.pagedInSql() && ++candidates > maxCandidates) {
                            capReached = true;
                            break;
                        }
                        IndexRow row = IndexRow.read(rs, labels);
                        Dataset header = sql.withHeader() ? decode(row) : null;
                        if (!sql.pagedInSql()) {
                            if (!passes(sql, row, header) || ++matches <= offset) {
                                continue;
                            }
                        }
                        if (rows.size() == pageSize) {
                            more = true;
                            break;
                        }
                        rows.add(row);
                        headers.add(header);
                    }
                }
            }
        }
        Map<Long, List<RequestItem>> requests = sql.level() == QueryLevel.STUDY || rows.isEmpty()
                ? Map.of() : requestItems(connection, rows);
        return new SearchPage(rows, sql.withHeader() ? headers : List.of(), requests, more, capReached);
    }

    private static boolean passes(QidoSql sql, IndexRow row, Dataset header) {
        for (RowFilter f : sql.rowFilters()) {
            if (!f.test(row)) {
                return false;
            }
        }
        return sql.headerMatcher() == null || header != null && sql.headerMatcher().test(header);
    }

    private static Dataset decode(IndexRow row) {
        byte[] b = row.bytes("header");
        return b == null ? null : StoredHeader.decode(b);
    }

    /** The Request Attributes Sequence items of the series of {@code rows}, in one statement. */
    private static Map<Long, List<RequestItem>> requestItems(Connection connection, List<IndexRow> rows)
            throws SQLException {
        Set<Long> series = new LinkedHashSet<>();
        for (IndexRow row : rows) {
            series.add(row.number("series_pk"));
        }
        SqlFragment in = SqlFragment.in("series_fk", new ArrayList<>(series));
        SqlStatement st = new SqlStatement("SELECT series_fk, requested_procedure_id, scheduled_step_id, accession_no"
                + " FROM series_request WHERE " + in.sql() + " ORDER BY pk", in.parameters());
        Map<Long, List<RequestItem>> out = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(st.sql())) {
            st.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long fk = rs.getLong(1);
                    out.computeIfAbsent(fk, k -> new ArrayList<>())
                            .add(new RequestItem(fk, rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return out;
    }
}
