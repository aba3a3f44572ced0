package org.hozon.persistence.query;

import java.util.List;

import org.hozon.dicomweb.qido.AttributeMatcher;
import org.hozon.dicomweb.qido.QueryLevel;

/**
 * A QIDO-RS search as SQL, and what is left to do in memory.
 *
 * @param level the level of the rows
 * @param statement the one SELECT; with {@link #pagedInSql()} it already skips the offset and
 *     fetches at most page size + 1 rows, else it fetches at most the candidate cap + 1 rows
 * @param rowFilters tests on row columns (fuzzy names), all must pass
 * @param headerMatcher keys without an index column, tested on the decoded header, or null
 * @param withHeader true if the rows carry the column {@code header} (the instance's own, or the
 *     first instance of the series or study)
 * @param ignoredKeys descriptions of matching keys that were not applied (for a 299 Warning)
 */
public record QidoSql(QueryLevel level, SqlStatement statement, List<RowFilter> rowFilters,
        AttributeMatcher headerMatcher, boolean withHeader, List<String> ignoredKeys) {

    public QidoSql {
        rowFilters = List.copyOf(rowFilters);
        ignoredKeys = List.copyOf(ignoredKeys);
    }

    /** True if offset and page size are applied by the database (nothing is filtered in memory). */
    public boolean pagedInSql() {
        return rowFilters.isEmpty() && headerMatcher == null;
    }
}
