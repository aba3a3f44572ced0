package org.hozon.persistence.query;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One result row of a search: column labels (lower case, as {@link QidoSqlBuilder} names them,
 * e.g. {@code study_iuid}, {@code series_num_instances}, {@code header}) to values.
 */
public final class IndexRow {
    private final Map<String, Object> values;

    public IndexRow(Map<String, Object> values) {
        this.values = Map.copyOf(values);
    }

    /** Reads the current row of {@code rs}; labels are lower-cased (H2 reports them upper case). */
    static IndexRow read(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        Map<String, Object> values = new HashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            Object v = rs.getObject(i);
            if (v != null) {
                values.put(md.getColumnLabel(i).toLowerCase(Locale.ROOT), v);
            }
        }
        return new IndexRow(values);
    }

    /** The text of {@code column}, or null. */
    public String string(String column) {
        Object v = values.get(column);
        return v == null ? null : v.toString();
    }

    /** The number in {@code column}, or null. */
    public Long number(String column) {
        Object v = values.get(column);
        return v instanceof Number n ? Long.valueOf(n.longValue()) : null;
    }

    /** The bytes in {@code column} (the stored header), or null. */
    public byte[] bytes(String column) {
        Object v = values.get(column);
        return v instanceof byte[] b ? b : null;
    }

    @Override
    public String toString() {
        Map<String, Object> shown = new HashMap<>(values);
        shown.computeIfPresent("header", (k, v) -> "<" + ((byte[]) v).length + " bytes>");
        return shown.toString();
    }
}
