package org.hozon.persistence.query;

import java.util.function.Predicate;

/**
 * A test SQL cannot state exactly, applied to each candidate row in memory: a fuzzy person-name
 * key checked by {@link org.hozon.dicomweb.qido.PersonNameMatcher} on the name as received.
 *
 * @param column the result column (label) holding the value
 * @param test the test of that value (null values fail)
 */
public record RowFilter(String column, Predicate<String> test) {

    /** True if {@code row} passes. */
    public boolean test(IndexRow row) {
        String value = row.string(column);
        return value != null && test.test(value);
    }
}
