package org.hozon.persistence.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.hozon.dicomweb.qido.QidoQuery;
import org.hozon.dicomweb.qido.QidoResource;
import org.junit.jupiter.api.Test;

/** The SQL text and parameters the builder makes, without a database. */
class QidoSqlTest {

    private static QidoSql sql(QidoResource r, String query) {
        return QidoSqlBuilder.build(QidoQuery.parse(r, "1.2.3", "1.2.3.4", query), 10, 100, false);
    }

    @Test
    void exactKeyIsEqualityOnItsColumnPagedInSql() {
        QidoSql s = sql(QidoResource.ALL_STUDIES, "PatientID=P001&offset=5");
        String text = s.statement().sql();
        assertTrue(text.contains("FROM study st WHERE st.patient_id = ? ORDER BY st.pk OFFSET ? ROWS FETCH FIRST ? ROWS ONLY"), text);
        assertEquals(List.of("P001", 5L, 11L), s.statement().parameters());
        assertTrue(s.pagedInSql());
        assertFalse(s.withHeader());
    }

    @Test
    void wildcardsBecomeLikeWithEscapedLiterals() {
        QidoSql s = sql(QidoResource.ALL_STUDIES, "AccessionNumber=A_1%25*");
        assertTrue(s.statement().sql().contains("st.accession_no LIKE ? ESCAPE '!'"), s.statement().sql());
        assertEquals("A!_1!%%", s.statement().parameters().get(0));
    }

    @Test
    void uidListIsIn() {
        QidoSql s = sql(QidoResource.ALL_STUDIES, "StudyInstanceUID=1.2.3%5C1.2.4");
        assertTrue(s.statement().sql().contains("st.study_iuid IN (?, ?)"), s.statement().sql());
    }

    @Test
    void dateAndTimeRangesCompareNormalizedText() {
        QidoSql s = sql(QidoResource.ALL_STUDIES, "StudyDate=20200101-&StudyTime=-1030");
        assertTrue(s.statement().sql().contains("st.study_date >= ? AND st.study_time <= ?"), s.statement().sql());
        assertEquals(List.of("20200101", "103059.999999", 0L, 11L), s.statement().parameters());
    }

    @Test
    void personNameWithoutGroupsMatchesAnyNormalizedGroup() {
        QidoSql s = sql(QidoResource.ALL_STUDIES, "PatientName=YAMADA*");
        assertTrue(s.statement().sql().contains("(st.patient_alpha LIKE ? ESCAPE '!' OR st.patient_ideo LIKE ? ESCAPE '!'"
                + " OR st.patient_phon LIKE ? ESCAPE '!')"), s.statement().sql());
        assertEquals("yamada%", s.statement().parameters().get(0));
    }

    @Test
    void personNameWithGroupsMatchesGroupByGroup() {
        QidoSql s = sql(QidoResource.ALL_STUDIES, "PatientName=%3D%E5%B1%B1%E7%94%B0%5E%E5%A4%AA%E9%83%8E");
        assertTrue(s.statement().sql().contains("WHERE st.patient_ideo = ?"), s.statement().sql());
        assertEquals("山田^太郎", s.statement().parameters().get(0));
    }

    @Test
    void fuzzyNamesUseWordPrefixesAndARowFilter() {
        QidoSql s = sql(QidoResource.ALL_STUDIES, "PatientName=Tar%20YAM&fuzzymatching=true");
        assertTrue(s.statement().sql().contains("(st.patient_fuzzy LIKE ? ESCAPE '!' AND st.patient_fuzzy LIKE ? ESCAPE '!')"),
                s.statement().sql());
        assertEquals(List.of("% tar%", "% yam%"), s.statement().parameters().subList(0, 2));
        assertEquals(1, s.rowFilters().size());
        assertFalse(s.pagedInSql());
    }

    @Test
    void modalitiesInStudyIsExists() {
        QidoSql s = sql(QidoResource.ALL_STUDIES, "ModalitiesInStudy=CT%5CMR");
        assertTrue(s.statement().sql().contains(
                "EXISTS (SELECT 1 FROM study_modality x WHERE x.study_fk = st.pk AND x.modality IN (?, ?))"),
                s.statement().sql());
    }

    @Test
    void requestAttributesKeysShareOneExists() {
        QidoSql s = sql(QidoResource.ALL_SERIES,
                "RequestAttributesSequence.ScheduledProcedureStepID=S1&00400275.00401001=R1");
        assertTrue(s.statement().sql().contains("EXISTS (SELECT 1 FROM series_request r WHERE r.series_fk = se.pk"
                + " AND (r.scheduled_step_id = ? AND r.requested_procedure_id = ?))"), s.statement().sql());
    }

    @Test
    void pathUidsAndRelationalKeysJoinUpward() {
        QidoSql s = sql(QidoResource.STUDY_SERIES_INSTANCES, "PatientID=P1&InstanceNumber=3");
        String text = s.statement().sql();
        assertTrue(text.contains("FROM instance i JOIN series se ON se.pk = i.series_fk JOIN study st"), text);
        assertTrue(text.contains("st.study_iuid = ? AND se.series_iuid = ? AND st.patient_id = ? AND i.instance_number = ?"), text);
        assertEquals(List.of("1.2.3", "1.2.3.4", "P1", 3L), s.statement().parameters().subList(0, 4));
    }

    @Test
    void otherAttributesAreMatchedOnTheHeaderWithACandidateCap() {
        QidoSql s = sql(QidoResource.ALL_STUDIES, "PatientWeight=70.5");
        assertNotNull(s.headerMatcher());
        assertTrue(s.withHeader());
        assertTrue(s.statement().sql().contains("AS header FROM study st ORDER BY st.pk FETCH FIRST ? ROWS ONLY"),
                s.statement().sql());
        assertEquals(List.of(101L), s.statement().parameters());
    }

    @Test
    void keysBelowTheLevelAreIgnoredWithAReason() {
        QidoSql s = sql(QidoResource.ALL_STUDIES, "SOPClassUID=1.2.3");
        assertEquals(List.of("SOPClassUID is not a matching key at the study level"), s.ignoredKeys());
        assertNull(s.headerMatcher());
    }
}
