package org.hozon.persistence.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.hozon.dicom.charset.PersonName;
import org.hozon.dicom.charset.PersonName.Group;
import org.hozon.dicomweb.qido.MatchCondition;
import org.hozon.dicomweb.qido.MatchingType;
import org.hozon.dicomweb.qido.NameNormalizer;
import org.hozon.dicomweb.qido.PersonNameMatcher;
import org.hozon.dicomweb.qido.TemporalRange;
import org.hozon.dicomweb.qido.WildcardPattern;

/**
 * Turns one matching key with an index column into SQL (PS3.4 C.2.2.2 on the V2 conventions):
 * <ul>
 *   <li>single values and UID lists: {@code =} or {@code IN}; alternatives are OR;</li>
 *   <li>wild cards: {@code LIKE ? ESCAPE '!'} (portable: PostgreSQL and H2);</li>
 *   <li>DA/TM ranges: string comparison on the normalized text, open ends left out;</li>
 *   <li>person names, literal: on the per-group normalized columns ({@link NameNormalizer#literal});
 *       without '=' any group may match, with '=' each given group must;</li>
 *   <li>person names, fuzzy: every literal run of the query must occur in the *_fuzzy column
 *       (a word as a word prefix: {@code LIKE '% word%'}); the exact rule is then checked in
 *       memory by {@link PersonNameMatcher} on the received name (a {@link RowFilter}).</li>
 * </ul>
 */
final class ConditionSql {
    /** The LIKE escape character; DICOM values never need it themselves. */
    static final char ESCAPE = '!';
    private static final String LIKE = " LIKE ? ESCAPE '" + ESCAPE + "'";

    private ConditionSql() {
    }

    /** The SQL of {@code c} on {@code col}; fuzzy PN keys also add a row filter to {@code filters}. */
    static SqlFragment of(MatchCondition c, IndexColumn col, boolean fuzzy, List<RowFilter> filters) {
        if (c.type() == MatchingType.EMPTY_VALUE) {
            return empty(col);
        }
        if (c.type() == MatchingType.MULTIPLE_VALUE) {
            List<SqlFragment> all = new ArrayList<>();
            for (String v : c.values()) {
                all.add(anyOf(c, col, List.of(v), fuzzy, filters));
            }
            return SqlFragment.and(all);
        }
        return anyOf(c, col, c.values(), fuzzy, filters);
    }

    private static SqlFragment anyOf(MatchCondition c, IndexColumn col, List<String> values, boolean fuzzy,
            List<RowFilter> filters) {
        switch (col.kind()) {
            case DATE:
            case TIME:
                List<SqlFragment> ranges = new ArrayList<>();
                for (TemporalRange r : c.ranges()) {
                    ranges.add(range(col.column(), r));
                }
                return SqlFragment.or(ranges);
            case NUMBER:
                List<Object> numbers = new ArrayList<>();
                for (String v : values) {
                    try {
                        numbers.add(new BigDecimal(v.strip()).longValueExact());
                    } catch (ArithmeticException | NumberFormatException e) {
                        // not an integer: no INTEGER column can hold it
                    }
                }
                return numbers.isEmpty() ? SqlFragment.FALSE : SqlFragment.in(col.column(), numbers);
            case PERSON_NAME:
                return fuzzy ? fuzzyName(col, values, filters) : literalName(col, values);
            case STUDY_MODALITY:
                return exists("study_modality x", "x.study_fk = st.pk", "x." + col.column(), values);
            case STUDY_SOP_CLASS:
                return exists("study_sop_class x", "x.study_fk = st.pk", "x." + col.column(), values);
            case SERIES_REQUEST:
                return text("r." + col.column(), values); // inside the EXISTS the builder writes
            default:
                return text(col.column(), values);
        }
    }

    /** Text (and UID) values: equality for literal alternatives, LIKE for patterns. */
    static SqlFragment text(String column, List<String> values) {
        List<Object> literals = new ArrayList<>();
        List<SqlFragment> any = new ArrayList<>();
        for (String v : values) {
            if (WildcardPattern.hasWildcards(v)) {
                any.add(like(column, v));
            } else {
                literals.add(v);
            }
        }
        if (!literals.isEmpty()) {
            any.add(0, SqlFragment.in(column, literals));
        }
        return SqlFragment.or(any);
    }

    private static SqlFragment like(String column, String pattern) {
        return SqlFragment.of(column + LIKE, WildcardPattern.of(pattern).toSqlLike(ESCAPE));
    }

    private static SqlFragment exists(String table, String join, String column, List<String> values) {
        SqlFragment match = text(column, values);
        return new SqlFragment("EXISTS (SELECT 1 FROM " + table + " WHERE " + join + " AND " + match.sql() + ")",
                match.parameters());
    }

    private static SqlFragment empty(IndexColumn col) {
        switch (col.kind()) {
            case STUDY_MODALITY:
                return SqlFragment.of("NOT EXISTS (SELECT 1 FROM study_modality x WHERE x.study_fk = st.pk)");
            case STUDY_SOP_CLASS:
                return SqlFragment.of("NOT EXISTS (SELECT 1 FROM study_sop_class x WHERE x.study_fk = st.pk)");
            case SERIES_REQUEST:
                return SqlFragment.of("(r." + col.column() + " IS NULL OR r." + col.column() + " = '')");
            case PERSON_NAME:
                return SqlFragment.of("(" + col.rawNameColumn() + " IS NULL OR " + col.rawNameColumn() + " = '')");
            case NUMBER:
                return SqlFragment.of(col.column() + " IS NULL");
            default:
                return SqlFragment.of("(" + col.column() + " IS NULL OR " + col.column() + " = '')");
        }
    }

    /** A DA or TM range on normalized text; a bound that is null is open. */
    static SqlFragment range(String column, TemporalRange r) {
        List<SqlFragment> ends = new ArrayList<>();
        if (r.lower() != null) {
            ends.add(SqlFragment.of(column + " >= ?", format(r.lower())));
        }
        if (r.upper() != null) {
            ends.add(SqlFragment.of(column + " <= ?", format(r.upper())));
        }
        return SqlFragment.and(ends);
    }

    /** DA as YYYYMMDD, TM as HHMMSS.FFFFFF (the V2 column forms). */
    static String format(Object temporal) {
        if (temporal instanceof LocalDate d) {
            return String.format("%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
        }
        if (temporal instanceof LocalTime t) {
            return String.format("%02d%02d%02d.%06d", t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1000);
        }
        throw new IllegalArgumentException("not a DA or TM bound: " + temporal);
    }

    private static SqlFragment literalName(IndexColumn col, List<String> values) {
        List<SqlFragment> any = new ArrayList<>();
        for (String v : values) {
            PersonName q = PersonName.parse(v);
            if (v.indexOf('=') >= 0) {
                List<SqlFragment> groups = new ArrayList<>();
                for (Group g : Group.values()) {
                    String text = q.format(g);
                    if (!text.isEmpty()) {
                        groups.add(nameGroup(groupColumn(col, g), NameNormalizer.literal(text)));
                    }
                }
                any.add(groups.isEmpty() ? SqlFragment.of("1 = 1") : SqlFragment.and(groups));
            } else {
                String n = NameNormalizer.literal(q.format(Group.ALPHABETIC));
                List<SqlFragment> groups = new ArrayList<>();
                for (Group g : Group.values()) {
                    groups.add(nameGroup(groupColumn(col, g), n));
                }
                any.add(SqlFragment.or(groups));
            }
        }
        return SqlFragment.or(any);
    }

    private static SqlFragment nameGroup(String column, String normalized) {
        return WildcardPattern.hasWildcards(normalized) ? like(column, normalized)
                : SqlFragment.of(column + " = ?", normalized);
    }

    static String groupColumn(IndexColumn col, Group g) {
        switch (g) {
            case ALPHABETIC: return col.column() + "_alpha";
            case IDEOGRAPHIC: return col.column() + "_ideo";
            default: return col.column() + "_phon";
        }
    }

    /**
     * Fuzzy names: a necessary condition in SQL on the *_fuzzy column, the exact rule in memory.
     * Query words without wild cards must begin a stored word ({@code '% word%'}); with wild cards,
     * each literal run must occur somewhere ({@code '%run%'}).
     */
    private static SqlFragment fuzzyName(IndexColumn col, List<String> values, List<RowFilter> filters) {
        String fuzzyColumn = col.column() + "_fuzzy";
        List<SqlFragment> any = new ArrayList<>();
        List<Predicate<String>> tests = new ArrayList<>();
        for (String v : values) {
            String n = NameNormalizer.fuzzy(v);
            boolean wildcards = WildcardPattern.hasWildcards(n);
            List<SqlFragment> words = new ArrayList<>();
            for (String word : n.split(wildcards ? "[\\^=\\s*?]+" : "[\\^=\\s]+")) {
                if (!word.isEmpty()) {
                    String escaped = WildcardPattern.of(word).toSqlLike(ESCAPE);
                    words.add(SqlFragment.of(fuzzyColumn + LIKE, (wildcards ? "%" : "% ") + escaped + "%"));
                }
            }
            any.add(words.isEmpty() ? SqlFragment.of("1 = 1") : SqlFragment.and(words));
            tests.add(PersonNameMatcher.compile(v, true));
        }
        String raw = col.rawNameColumn();
        filters.add(new RowFilter(raw.substring(raw.indexOf('.') + 1), s -> tests.stream().anyMatch(t -> t.test(s))));
        return SqlFragment.or(any);
    }
}
