package org.hozon.persistence.query;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * SQL text with {@code ?} placeholders and the values to bind to them, in order.
 *
 * @param sql the statement text
 * @param parameters String, Long or Integer values
 */
public record SqlStatement(String sql, List<Object> parameters) {

    public SqlStatement {
        parameters = List.copyOf(parameters);
    }

    /** Binds {@link #parameters()} to {@code ps}, starting at index 1. */
    public void bind(PreparedStatement ps) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object p = parameters.get(i);
            if (p instanceof String s) {
                ps.setString(i + 1, s);
            } else if (p instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (p instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else {
                throw new IllegalArgumentException("unsupported parameter type " + p.getClass().getName());
            }
        }
    }

    @Override
    public String toString() {
        return sql + " " + parameters;
    }
}
