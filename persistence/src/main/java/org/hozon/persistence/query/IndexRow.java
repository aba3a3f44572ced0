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

    private IndexRow(Map<String, Object> values) {
        this.values = values; // never handed out: the row stays as read
    }

    /** @return a row of a copy of {@code values} (column label to value) */
    public static IndexRow of(Map<String, Object> values) {
        return new IndexRow(new HashMap<>(values));
    }

    /**
     * The labels of a result's columns, lower-cased (H2 reports them upper case): once per result,
     * not per row.
     */
    static String[] labels(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        String[] labels = new String[md.getColumnCount()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = md.getColumnLabel(i + 1).toLowerCase(Locale.ROOT);
        }
        return labels;
    }

    /** Reads the current row of {@code rs}, whose columns have {@code labels}. */
    static IndexRow read(ResultSet rs, String[] labels) throws SQLException {
        HashMap<String, Object> values = new HashMap<>(labels.length * 2);
        for (int i = 0; i < labels.length; i++) {
            Object v = rs.getObject(i + 1);
            if (v != null) {
                values.put(labels[i], v);
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
