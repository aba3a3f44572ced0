package org.hozon.persistence.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hozon.dicom.Tag;
import org.hozon.dicomweb.qido.AttributeMatcher;
import org.hozon.dicomweb.qido.MatchCondition;
import org.hozon.dicomweb.qido.QidoAttributes;
import org.hozon.dicomweb.qido.QidoQuery;
import org.hozon.dicomweb.qido.QueryLevel;

/**
 * Builds the one SELECT of a QIDO-RS search page over the V2 index, in SQL that PostgreSQL and
 * H2 both run unchanged: joins up to the study (relational queries), one WHERE term per key
 * with an index column ({@link IndexColumns}, {@link ConditionSql}), {@code ORDER BY pk} of the
 * level for a stable order, and {@code OFFSET ? ROWS FETCH FIRST ? ROWS ONLY}.
 *
 * <p>Keys without a column are left to {@link QidoSql#headerMatcher()}, on the stored header of
 * the instance (instance level) or of the first instance of the series or study; then the
 * statement fetches candidates up to a cap and the executor pages after filtering.
 */
public final class QidoSqlBuilder {
    /** Study columns, as labelled in every result. */
    static final String STUDY_COLUMNS = "st.pk AS study_pk, st.study_iuid, st.study_date, st.study_time,"
            + " st.accession_no, st.study_id, st.study_description, st.referring_name, st.patient_id,"
            + " st.patient_name, st.patient_birth_date, st.patient_sex, st.specific_charset AS study_charset,"
            + " st.timezone_offset AS study_tz, st.modalities, st.sop_classes, st.num_series, st.num_instances";
    static final String SERIES_COLUMNS = "se.pk AS series_pk, se.series_iuid, se.modality, se.series_number,"
            + " se.series_description, se.body_part, se.pps_start_date, se.pps_start_time,"
            + " se.specific_charset AS series_charset, se.timezone_offset AS series_tz,"
            + " se.num_instances AS series_num_instances";
    static final String INSTANCE_COLUMNS = "i.pk AS instance_pk, i.sop_iuid, i.sop_cuid, i.instance_number,"
            + " i.num_frames, i.rows_, i.columns_, i.bits_allocated, i.content_date, i.content_time,"
            + " i.specific_charset AS instance_charset, i.timezone_offset AS instance_tz, i.availability";

    private QidoSqlBuilder() {
    }

    /**
     * The SQL of one page of {@code query}.
     *
     * @param pageSize the most results to return (the statement fetches one more, to tell
     *     whether more remain)
     * @param maxCandidates the most rows examined when keys are matched in memory
     * @param withHeader true if the caller needs the stored header (includefield of attributes
     *     without a column); keys matched in memory force it
     */
    public static QidoSql build(QidoQuery query, int pageSize, int maxCandidates, boolean withHeader) {
        QueryLevel level = query.level();
        List<SqlFragment> where = new ArrayList<>();
        List<SqlFragment> requestItem = new ArrayList<>();
        List<RowFilter> rowFilters = new ArrayList<>();
        List<MatchCondition> inMemory = new ArrayList<>();
        List<MatchCondition> requestConditions = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        boolean requestInMemory = false;

        for (MatchCondition c : query.effectiveConditions()) {
            if (!c.isRestrictive()) {
                continue;
            }
            if (!QidoAttributes.isAllowedAt(c.path().first(), level)) {
                ignored.add(c.path().toKeywordString() + " is not a matching key at the "
                        + level.name().toLowerCase() + " level");
                continue;
            }
            Optional<IndexColumn> col = IndexColumns.of(c.path());
            boolean inRequest = c.isSequenceMatch() && c.path().first() == Tag.RequestAttributesSequence;
            if (inRequest) {
                requestConditions.add(c);
            }
            if (col.isEmpty()) {
                if (inRequest) {
                    requestInMemory = true;
                } else {
                    inMemory.add(c);
                }
                continue;
            }
            SqlFragment f = ConditionSql.of(c, col.get(), query.fuzzyMatching(), rowFilters);
            (inRequest ? requestItem : where).add(f);
        }
        if (!requestItem.isEmpty()) {
            SqlFragment match = SqlFragment.and(requestItem);
            where.add(new SqlFragment("EXISTS (SELECT 1 FROM series_request r WHERE r.series_fk = se.pk AND "
                    + match.sql() + ")", match.parameters()));
        }
        if (requestInMemory) {
            // Sequence Matching: all keys of one sequence hold in one item, so all go to memory.
            inMemory.addAll(requestConditions);
        }
        AttributeMatcher matcher = inMemory.isEmpty() ? null : AttributeMatcher.of(inMemory, query.fuzzyMatching());
        boolean header = withHeader || matcher != null;
        boolean pagedInSql = matcher == null && rowFilters.isEmpty();

        StringBuilder sql = new StringBuilder("SELECT ");
        sql.append(STUDY_COLUMNS);
        if (level != QueryLevel.STUDY) {
            sql.append(", ").append(SERIES_COLUMNS);
        }
        if (level == QueryLevel.INSTANCE) {
            sql.append(", ").append(INSTANCE_COLUMNS);
        }
        if (header) {
            sql.append(", ").append(headerColumn(level));
        }
        sql.append(switch (level) {
            case STUDY -> " FROM study st";
            case SERIES -> " FROM series se JOIN study st ON st.pk = se.study_fk";
            case INSTANCE -> " FROM instance i JOIN series se ON se.pk = i.series_fk JOIN study st ON st.pk = se.study_fk";
        });
        List<Object> params = new ArrayList<>();
        if (!where.isEmpty()) {
            SqlFragment all = SqlFragment.and(where);
            String text = all.sql();
            // a single OR group comes parenthesized already; AND groups too
            sql.append(" WHERE ").append(text);
            params.addAll(all.parameters());
        }
        sql.append(" ORDER BY ").append(pkColumn(level));
        if (pagedInSql) {
            sql.append(" OFFSET ? ROWS FETCH FIRST ? ROWS ONLY");
            params.add((long) query.offset());
            params.add((long) pageSize + 1);
        } else {
            sql.append(" FETCH FIRST ? ROWS ONLY");
            params.add((long) maxCandidates + 1);
        }
        return new QidoSql(level, new SqlStatement(sql.toString(), params), rowFilters, matcher, header, ignored);
    }

    static String pkColumn(QueryLevel level) {
        return switch (level) {
            case STUDY -> "st.pk";
            case SERIES -> "se.pk";
            case INSTANCE -> "i.pk";
        };
    }

    /** The stored header: the instance's own, or that of the first instance (lowest pk) of the series or study. */
    private static String headerColumn(QueryLevel level) {
        return switch (level) {
            case INSTANCE -> "i.header";
            case SERIES -> "(SELECT h.header FROM instance h WHERE h.pk ="
                    + " (SELECT MIN(h2.pk) FROM instance h2 WHERE h2.series_fk = se.pk)) AS header";
            case STUDY -> "(SELECT h.header FROM instance h WHERE h.pk ="
                    + " (SELECT MIN(h2.pk) FROM instance h2 JOIN series s2 ON s2.pk = h2.series_fk"
                    + " WHERE s2.study_fk = st.pk)) AS header";
        };
    }
}
