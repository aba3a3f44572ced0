package org.hozon.dicomweb.qido;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The non-matching parameters: includefield, limit, offset, flags, unknown keys, path UIDs. */
class QidoQueryParametersTest {

    static QidoQuery studies(String query) {
        return QidoQuery.parse(QidoResource.ALL_STUDIES, null, null, query);
    }

    @Test
    void includefieldRepeatedCommaListsAndDuplicates() {
        QidoQuery q = studies("includefield=00081030,00080060&includefield=StudyDescription&includefield=PatientSex");
        assertEquals(List.of(AttributePath.of(0x00081030), AttributePath.of(0x00080060),
                AttributePath.of(0x00100040)), q.includeFields());
        assertFalse(q.includeAll());
        assertTrue(q.ignoredParameters().isEmpty());
    }

    @Test
    void includefieldAllAndSequencePaths() {
        QidoQuery q = studies("includefield=all&includefield=RequestAttributesSequence.ScheduledProcedureStepID,"
                + "00400275.00401001");
        assertTrue(q.includeAll());
        assertEquals(List.of(AttributePath.of(0x00400275, 0x00400009), AttributePath.of(0x00400275, 0x00401001)),
                q.includeFields());
        assertTrue(studies("includefield=ALL").includeAll());
    }

    @Test
    void includefieldToleratesEmptyItemsAndReportsUnknownKeywords() {
        QidoQuery q = studies("includefield=00081030,,NoSuchKeyword,%20PatientSex%20&includefield=");
        assertEquals(List.of(AttributePath.of(0x00081030), AttributePath.of(0x00100040)), q.includeFields());
        assertEquals(List.of(new IgnoredParameter("includefield", "NoSuchKeyword",
                IgnoredParameter.Reason.UNKNOWN_ATTRIBUTE)), q.ignoredParameters());
        assertEquals("unknown attribute includefield=NoSuchKeyword", q.ignoredParameters().get(0).describe());
    }

    @Test
    void limitAndOffset() {
        QidoQuery none = studies("");
        assertEquals(OptionalInt.empty(), none.limit());
        assertEquals(0, none.offset());
        QidoQuery q = studies("limit=101&offset=0");
        assertEquals(OptionalInt.of(101), q.limit());
        assertEquals(0, q.offset());
        assertEquals(OptionalInt.of(0), studies("limit=0").limit());
        assertEquals(25, studies("offset=0025").offset());
        assertEquals(OptionalInt.of(Integer.MAX_VALUE), studies("limit=99999999999999999999").limit());
        assertEquals(OptionalInt.of(5), studies("LIMIT=5").limit());
        assertEquals(OptionalInt.of(5), studies("limit=5&limit=5").limit());
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=-1", "limit=abc", "limit=", "limit=+5", "limit=1.5", "limit=%201",
            "offset=-1", "offset=x", "offset=", "limit=5&limit=6", "limit=5&Limit=5"})
    void invalidPagingIsA400(String query) {
        QidoQueryException e = assertThrows(QidoQueryException.class, () -> studies(query));
        assertTrue(e.parameter().equals("limit") || e.parameter().equals("offset"), e.getMessage());
    }

    @Test
    void matchingFlags() {
        QidoQuery q = studies("fuzzymatching=true&emptyvaluematching=TRUE&multiplevaluematching=True");
        assertTrue(q.fuzzyMatching());
        assertTrue(q.emptyValueMatching());
        assertTrue(q.multipleValueMatching());
        QidoQuery f = studies("fuzzymatching=false");
        assertFalse(f.fuzzyMatching());
        assertFalse(f.emptyValueMatching());
        assertFalse(f.multipleValueMatching());
        QidoQueryException e = assertThrows(QidoQueryException.class, () -> studies("fuzzymatching=yes"));
        assertEquals("fuzzymatching", e.parameter());
        assertThrows(QidoQueryException.class, () -> studies("fuzzymatching="));
        assertThrows(QidoQueryException.class, () -> studies("emptyvaluematching=1"));
    }

    @Test
    void unknownKeysAreReportedNotFatal() {
        QidoQuery q = studies("PatientID=123&foo=bar&_=1700000000&NoSuchAttribute=x&PatientID.Bad..=y");
        assertEquals(1, q.conditions().size());
        assertEquals(List.of(
                new IgnoredParameter("foo", "bar", IgnoredParameter.Reason.UNKNOWN_PARAMETER),
                new IgnoredParameter("_", "1700000000", IgnoredParameter.Reason.UNKNOWN_PARAMETER),
                new IgnoredParameter("NoSuchAttribute", "x", IgnoredParameter.Reason.UNKNOWN_ATTRIBUTE),
                new IgnoredParameter("PatientID.Bad..", "y", IgnoredParameter.Reason.UNKNOWN_ATTRIBUTE)),
                q.ignoredParameters());
        assertEquals("unsupported parameter foo", q.ignoredParameters().get(0).describe());
    }

    @Test
    void serviceParametersPassThrough() {
        QidoQuery q = studies("accept=application%2Fdicom%2Bjson&charset=utf-8");
        assertEquals(Map.of("accept", List.of("application/dicom+json"), "charset", List.of("utf-8")),
                q.serviceParameters());
        assertTrue(q.ignoredParameters().isEmpty());
        assertTrue(q.conditions().isEmpty());
    }

    @Test
    void pathUids() {
        QidoQuery q = QidoQuery.parse(QidoResource.STUDY_SERIES_INSTANCES, "1.2.3", "1.2.3.4", "");
        assertEquals("1.2.3", q.studyInstanceUid().orElseThrow());
        assertEquals("1.2.3.4", q.seriesInstanceUid().orElseThrow());
        assertEquals(QueryLevel.INSTANCE, q.level());
        assertEquals(2, q.effectiveConditions().size());
        assertTrue(q.conditions().isEmpty());
        QidoQuery all = QidoQuery.parse(QidoResource.ALL_SERIES, "1.2.3", null, "");
        assertTrue(all.studyInstanceUid().isEmpty(), "a resource without a study in its path ignores it");
        assertThrows(QidoQueryException.class, () -> QidoQuery.parse(QidoResource.STUDY_SERIES, null, null, ""));
        assertThrows(QidoQueryException.class,
                () -> QidoQuery.parse(QidoResource.STUDY_SERIES, "1.2.abc", null, ""));
        assertThrows(QidoQueryException.class,
                () -> QidoQuery.parse(QidoResource.STUDY_SERIES_INSTANCES, "1.2.3", "../../etc", ""));
    }

    @Test
    void decodedMultimapAsJaxRsGivesIt() {
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("PatientName", List.of("山田*"));
        p.put("StudyInstanceUID", List.of("1.2.3\\1.2.4"));
        p.put("includefield", List.of("00081030,00080060", "PatientSex"));
        p.put("limit", List.of("10"));
        QidoQuery q = QidoQuery.of(QidoResource.ALL_STUDIES, null, null, p);
        assertEquals(MatchingType.WILDCARD, q.conditions().get(0).type());
        assertEquals(List.of("1.2.3", "1.2.4"), q.conditions().get(1).values());
        assertEquals(3, q.includeFields().size());
        assertEquals(OptionalInt.of(10), q.limit());
    }

    @Test
    void returnAttributesCombineRequiredMatchedAndIncluded() {
        QidoQuery q = QidoQuery.parse(QidoResource.ALL_SERIES, null, null,
                "StudyDescription=CT*&includefield=00180015");
        List<AttributePath> keys = q.returnAttributes();
        assertTrue(keys.contains(AttributePath.of(0x0020000D)), "study keys on /series");
        assertTrue(keys.contains(AttributePath.of(0x0020000E)));
        assertTrue(keys.contains(AttributePath.of(0x00081030)), "the matched attribute");
        assertTrue(keys.contains(AttributePath.of(0x00180015)), "the included attribute");
        assertEquals(keys.size(), keys.stream().distinct().count());
        QidoQuery scoped = QidoQuery.parse(QidoResource.STUDY_SERIES, "1.2.3", null, "");
        assertFalse(scoped.returnAttributes().contains(AttributePath.of(0x00201208)),
                "study keys are not repeated under /studies/{s}/series");
    }
}
