package org.hozon.persistence.query;

import java.util.ArrayList;
import java.util.List;

/**
 * A piece of a WHERE clause with its parameters; combined with {@link #and} and {@link #or}.
 *
 * @param sql the condition text with {@code ?} placeholders
 * @param parameters the values, in order
 */
record SqlFragment(String sql, List<Object> parameters) {
    /** Always false: for a key no stored value can match. */
    static final SqlFragment FALSE = new SqlFragment("1 = 0", List.of());

    SqlFragment {
        parameters = List.copyOf(parameters);
    }

    static SqlFragment of(String sql, Object... parameters) {
        return new SqlFragment(sql, List.of(parameters));
    }

    /** {@code column IN (?, ...)}, or {@code column = ?} for one value. */
    static SqlFragment in(String column, List<?> values) {
        if (values.size() == 1) {
            return new SqlFragment(column + " = ?", List.of(values.get(0)));
        }
        StringBuilder sb = new StringBuilder(column).append(" IN (");
        for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? "?" : ", ?");
        }
        return new SqlFragment(sb.append(')').toString(), new ArrayList<Object>(values));
    }

    /** All of {@code parts}, each parenthesized when needed. */
    static SqlFragment and(List<SqlFragment> parts) {
        return join(parts, " AND ");
    }

    /** Any of {@code parts}. */
    static SqlFragment or(List<SqlFragment> parts) {
        return join(parts, " OR ");
    }

    private static SqlFragment join(List<SqlFragment> parts, String operator) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        StringBuilder sb = new StringBuilder("(");
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                sb.append(operator);
            }
            sb.append(parts.get(i).sql);
            params.addAll(parts.get(i).parameters);
        }
        return new SqlFragment(sb.append(')').toString(), params);
    }
}
