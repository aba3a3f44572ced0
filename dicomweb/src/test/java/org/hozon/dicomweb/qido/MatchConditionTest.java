package org.hozon.dicomweb.qido;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.hozon.dicom.VR;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How attribute IDs and values become typed matching conditions. */
class MatchConditionTest {

    static MatchCondition only(String query) {
        QidoQuery q = QidoQuery.parse(QidoResource.ALL_INSTANCES, null, null, query);
        assertEquals(1, q.conditions().size(), q.toString());
        return q.conditions().get(0);
    }

    @Test
    void attributeIdsByKeywordTagAndDottedPath() {
        assertEquals(AttributePath.of(0x00100010), only("PatientName=X").path());
        assertEquals(AttributePath.of(0x00100010), only("00100010=X").path());
        assertEquals(AttributePath.of(0x0020000D), only("0020000d=1.2").path());
        MatchCondition byTag = only("00400275.00400009=SPS1");
        MatchCondition byKeyword = only("RequestAttributesSequence.ScheduledProcedureStepID=SPS1");
        assertEquals(AttributePath.of(0x00400275, 0x00400009), byTag.path());
        assertEquals(byTag.path(), byKeyword.path());
        assertTrue(byTag.isSequenceMatch());
        assertEquals(VR.SH, byTag.vr());
        assertEquals("RequestAttributesSequence.ScheduledProcedureStepID", byTag.path().toKeywordString());
        assertEquals("00400275.00400009", byTag.path().toString());
    }

    @Test
    void privateTagsByHex() {
        MatchCondition c = only("00091001=ACME*");
        assertEquals(0x00091001, c.tag());
        assertEquals(VR.UN, c.vr());
        assertEquals(MatchingType.WILDCARD, c.type());
        assertEquals(AttributePath.of(0x00091010, 0x00091001), only("00091010.00091001=x").path());
    }

    @ParameterizedTest
    @ValueSource(strings = {"PatientName.PatientID=x", "FFFEE000=x", "00100000=x", "includefield=00100010.00100020",
            "includefield=FFFEE00D"})
    void unqueryableAttributesAreA400(String query) {
        assertThrows(QidoQueryException.class,
                () -> QidoQuery.parse(QidoResource.ALL_STUDIES, null, null, query));
    }

    @Test
    void universalMatching() {
        assertEquals(MatchingType.UNIVERSAL, only("PatientName=").type());
        assertEquals(MatchingType.UNIVERSAL, only("PatientName=*").type());
        assertEquals(MatchingType.UNIVERSAL, only("StudyDate=*").type());
        assertEquals(MatchingType.UNIVERSAL, only("RequestAttributesSequence=").type());
        assertEquals(MatchingType.UNIVERSAL, only("SpecificCharacterSet=ISO_IR%20192").type());
        assertThrows(QidoQueryException.class, () -> only("RequestAttributesSequence=x"));
    }

    @Test
    void singleValueAndWildcards() {
        MatchCondition pn = only("PatientName=Yamada%5ETarou");
        assertEquals(MatchingType.SINGLE_VALUE, pn.type());
        assertEquals(List.of("Yamada^Tarou"), pn.values());
        assertEquals("Tarou", pn.personNames().get(0).get(org.hozon.dicom.charset.PersonName.Group.ALPHABETIC,
                org.hozon.dicom.charset.PersonName.Component.GIVEN));
        MatchCondition kanji = only("PatientName=%E5%B1%B1%E7%94%B0*");
        assertEquals(MatchingType.WILDCARD, kanji.type());
        assertEquals(List.of("山田*"), kanji.values());
        assertEquals(MatchingType.WILDCARD, only("PatientID=12?4").type());
        assertEquals(MatchingType.WILDCARD, only("StudyDescription=*CHEST*").type());
        assertEquals("%CHEST\\_1%", only("StudyDescription=*CHEST_1*").patterns().get(0).toSqlLike('\\'));
        assertEquals(MatchingType.SINGLE_VALUE, only("Modality=CT").type());
    }

    @Test
    void uidLists() {
        MatchCondition backslash = only("StudyInstanceUID=1.2.3%5C1.2.4%5C1.2.5");
        assertEquals(MatchingType.UID_LIST, backslash.type());
        assertEquals(List.of("1.2.3", "1.2.4", "1.2.5"), backslash.values());
        MatchCondition comma = only("StudyInstanceUID=1.2.3,1.2.4");
        assertEquals(MatchingType.UID_LIST, comma.type());
        assertEquals(List.of("1.2.3", "1.2.4"), comma.values());
        MatchCondition one = only("SOPInstanceUID=1.2.840.10008.1.2");
        assertEquals(MatchingType.SINGLE_VALUE, one.type());
        assertEquals(List.of("1.2.840.10008.1.2"), one.values());
    }

    @ParameterizedTest
    @ValueSource(strings = {"StudyInstanceUID=1.2.*", "StudyInstanceUID=1.2?3", "StudyInstanceUID=1..2",
            "StudyInstanceUID=1.2.3%5C", "StudyInstanceUID=abc", "SOPClassUID=1.2.",
            "StudyInstanceUID=1.2345678901234567890123456789012345678901234567890123456789012345"})
    void invalidUidsAreA400(String query) {
        assertThrows(QidoQueryException.class, () -> only(query));
    }

    @Test
    void dateRangesWithOpenEnds() {
        MatchCondition closed = only("StudyDate=20200101-20201231");
        assertEquals(MatchingType.RANGE, closed.type());
        assertEquals(new TemporalRange(VR.DA, LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31)),
                closed.ranges().get(0));
        assertEquals(new TemporalRange(VR.DA, LocalDate.of(2020, 1, 1), null), only("StudyDate=20200101-").ranges().get(0));
        assertEquals(new TemporalRange(VR.DA, null, LocalDate.of(2020, 1, 1)), only("StudyDate=-20200101").ranges().get(0));
        MatchCondition single = only("StudyDate=20200229");
        assertEquals(MatchingType.SINGLE_VALUE, single.type());
        assertEquals(new TemporalRange(VR.DA, LocalDate.of(2020, 2, 29), LocalDate.of(2020, 2, 29)),
                single.ranges().get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"StudyDate=-", "StudyDate=20200101-2019", "StudyDate=20201231-20200101",
            "StudyDate=2020-01-01", "StudyDate=20200230", "StudyDate=2020*", "StudyDate=20200101-20200102-20200103",
            "StudyTime=25", "StudyTime=1060", "StudyTime=103", "StudyTime=2200-0200", "StudyTime=-",
            "StudyTime=103000.1234567", "StudyTime=1030.5", "AcquisitionDateTime=-",
            "AcquisitionDateTime=2020010112+1500", "AcquisitionDateTime=202001011", "AcquisitionDateTime=20201231-20200101",
            "SeriesNumber=abc", "SeriesNumber=1*", "SeriesNumber=1.5", "Rows=x", "SliceThickness=thin",
            "PixelData=x"})
    void invalidValuesAreA400(String query) {
        QidoQueryException e = assertThrows(QidoQueryException.class, () -> only(query));
        assertEquals(query.substring(0, query.indexOf('=')), e.parameter());
    }

    @Test
    void timeRangesWithPartialPrecision() {
        TemporalRange r = only("StudyTime=10-1030").ranges().get(0);
        assertEquals(LocalTime.of(10, 0), r.lower());
        assertEquals(LocalTime.of(10, 30, 59, 999_999_000), r.upper());
        TemporalRange single = only("StudyTime=1030").ranges().get(0);
        assertEquals(LocalTime.of(10, 30), single.lower());
        assertEquals(LocalTime.of(10, 30, 59, 999_999_000), single.upper());
        TemporalRange fraction = only("StudyTime=103000.12-").ranges().get(0);
        assertEquals(LocalTime.of(10, 30, 0, 120_000_000), fraction.lower());
        assertEquals(null, fraction.upper());
        assertEquals(LocalTime.of(23, 59, 59, 999_999_000), only("StudyTime=-23").ranges().get(0).upper());
        assertEquals(LocalTime.of(10, 30, 0, 129_999_000), only("StudyTime=103000.12").ranges().get(0).upper());
        assertEquals(MatchingType.RANGE, only("StudyTime=10-1030").type());
        assertEquals(MatchingType.SINGLE_VALUE, only("StudyTime=1030").type());
    }

    @Test
    void dateTimeRangesWithOffsets() {
        MatchCondition withOffsets = only("AcquisitionDateTime=20200101120000%2B0900-20200101180000%2B0900");
        assertEquals(MatchingType.RANGE, withOffsets.type());
        TemporalRange r = withOffsets.ranges().get(0);
        assertEquals(OffsetDateTime.of(2020, 1, 1, 12, 0, 0, 0, ZoneOffset.ofHours(9)), r.lower());
        assertEquals(OffsetDateTime.of(2020, 1, 1, 18, 0, 0, 999_999_000, ZoneOffset.ofHours(9)), r.upper());
        // '-' both as range separator and as negative offset
        TemporalRange neg = only("AcquisitionDateTime=20200101-0500-20200102-0500").ranges().get(0);
        assertEquals(OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(-5)), neg.lower());
        assertEquals(OffsetDateTime.of(2020, 1, 2, 23, 59, 59, 999_999_000, ZoneOffset.ofHours(-5)), neg.upper());
        // a single value with a negative offset is not a range
        MatchCondition single = only("AcquisitionDateTime=20200101120000-0500");
        assertEquals(MatchingType.SINGLE_VALUE, single.type());
        // a literal '+' (RFC 3986) and a '+' turned into a space by form decoding
        assertEquals(ZoneOffset.ofHours(9),
                ((OffsetDateTime) only("AcquisitionDateTime=2020010112+0900").ranges().get(0).lower()).getOffset());
        assertEquals(ZoneOffset.ofHours(9),
                ((OffsetDateTime) only("AcquisitionDateTime=2020010112%200900").ranges().get(0).lower()).getOffset());
        TemporalRange open = only("AcquisitionDateTime=2020-").ranges().get(0);
        assertEquals(LocalDateTime.of(2020, 1, 1, 0, 0), open.lower());
        TemporalRange month = only("AcquisitionDateTime=-202002").ranges().get(0);
        assertEquals(LocalDateTime.of(2020, 2, 29, 23, 59, 59, 999_999_000), month.upper());
    }

    @Test
    void backslashListsAreAlternatives() {
        MatchCondition dates = only("StudyDate=20200101%5C20200301-20200331");
        assertEquals(MatchingType.RANGE, dates.type());
        assertEquals(2, dates.ranges().size());
        MatchCondition ids = only("PatientID=A1%5CB*");
        assertEquals(MatchingType.WILDCARD, ids.type());
        assertEquals(List.of("A1", "B*"), ids.values());
        assertEquals(MatchingType.SINGLE_VALUE, only("StudyDescription=a%5Cb").type());
        assertThrows(QidoQueryException.class, () -> only("PatientID=A1%5C"));
    }

    @Test
    void multipleValueMatchingWhenAsked() {
        QidoQuery q = QidoQuery.parse(QidoResource.ALL_STUDIES, null, null,
                "ModalitiesInStudy=CT%5CPT&multiplevaluematching=true");
        MatchCondition c = q.conditions().get(0);
        assertEquals(MatchingType.MULTIPLE_VALUE, c.type());
        assertEquals(List.of("CT", "PT"), c.values());
        assertThrows(QidoQueryException.class, () -> QidoQuery.parse(QidoResource.ALL_STUDIES, null, null,
                "multiplevaluematching=true&ModalitiesInStudy=CT%5CP*"));
        // dates do not take part in Multiple Value Matching: still alternatives
        assertEquals(MatchingType.SINGLE_VALUE, QidoQuery.parse(QidoResource.ALL_STUDIES, null, null,
                "multiplevaluematching=true&StudyDate=20200101%5C20200102").conditions().get(0).type());
    }

    @Test
    void emptyValueMatchingWhenAsked() {
        assertEquals(MatchingType.EMPTY_VALUE, QidoQuery.parse(QidoResource.ALL_STUDIES, null, null,
                "AccessionNumber=%22%22&emptyvaluematching=true").conditions().get(0).type());
        assertEquals(MatchingType.SINGLE_VALUE, only("AccessionNumber=%22%22").type());
    }

    @Test
    void numbers() {
        assertEquals(List.of("5"), only("SeriesNumber=5").values());
        assertEquals(MatchingType.SINGLE_VALUE, only("Rows=512").type());
        assertEquals(MatchingType.SINGLE_VALUE, only("SliceThickness=1.25").type());
    }

    @Test
    void repeatedKeysAreBothApplied() {
        QidoQuery q = QidoQuery.parse(QidoResource.ALL_STUDIES, null, null, "PatientID=A*&PatientID=*1");
        assertEquals(2, q.conditions().size());
    }
}
