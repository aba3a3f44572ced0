package org.hozon.persistence.query;

import org.hozon.dicomweb.qido.QueryLevel;

/**
 * Where the index keeps one attribute, and how it is compared.
 *
 * @param level the level of the table that holds it
 * @param column the qualified column ({@code st.study_date}); for {@link Kind#PERSON_NAME} the
 *     prefix of the column family ({@code st.patient}: {@code _name}, {@code _alpha},
 *     {@code _ideo}, {@code _phon}, {@code _fuzzy}); for the EXISTS kinds the child column
 * @param kind how values compare
 */
public record IndexColumn(QueryLevel level, String column, Kind kind) {

    /** How a column compares with query values. */
    public enum Kind {
        /** Exact, case-sensitive text; wild cards as LIKE. */
        TEXT,
        /** A UID: equality or IN. */
        UID,
        /** DA text YYYYMMDD: ranges compare as strings. */
        DATE,
        /** TM text normalized to HHMMSS.FFFFFF: ranges compare as strings. */
        TIME,
        /** An INTEGER column (IS values). */
        NUMBER,
        /** A person name with normalized per-group and fuzzy columns. */
        PERSON_NAME,
        /** ModalitiesInStudy: rows of study_modality. */
        STUDY_MODALITY,
        /** SOPClassesInStudy: rows of study_sop_class. */
        STUDY_SOP_CLASS,
        /** An attribute of a Request Attributes Sequence item: rows of series_request. */
        SERIES_REQUEST
    }

    /** For PERSON_NAME: the column of the name as received (groups joined by '='). */
    public String rawNameColumn() {
        return column + "_name";
    }
}
