package org.hozon.dicomweb.qido;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hozon.dicom.Dataset;
import org.hozon.dicom.Sequence;
import org.hozon.dicom.VR;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The in-memory matcher on small data sets. */
class AttributeMatcherTest {

    /** A study/series/instance merged the way a relational /instances search sees it. */
    static Dataset yamada(String... specificCharacterSet) {
        Dataset ds = new Dataset();
        ds.setString(0x00080005, VR.CS, specificCharacterSet);
        ds.setString(0x00080016, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
        ds.setString(0x00080018, VR.UI, "1.2.3.4.5.6");
        ds.setString(0x00080020, VR.DA, "20200315");
        ds.setString(0x00080030, VR.TM, "103015.25");
        ds.setString(0x0008002A, VR.DT, "20200315103015.25+0900");
        ds.setString(0x00080050, VR.SH, "ACC-001");
        ds.setString(0x00080060, VR.CS, "CT");
        ds.setString(0x00080061, VR.CS, "CT", "SR");
        ds.setString(0x00081030, VR.LO, "CHEST CT");
        ds.setString(0x00100010, VR.PN, "Yamada^Tarou=山田^太郎=やまだ^たろう");
        ds.setString(0x00100020, VR.LO, "PID-123");
        ds.setString(0x0020000D, VR.UI, "1.2.3");
        ds.setString(0x0020000E, VR.UI, "1.2.3.4");
        ds.setString(0x00200011, VR.IS, " 3");
        ds.setString(0x00180050, VR.DS, "1.250");
        ds.setInt(0x00280010, VR.US, 512);
        ds.setString(0x00091001, VR.LO, "ACME PRIVATE");
        Sequence ras = ds.newSequence(0x00400275);
        Dataset item1 = ras.addItem();
        item1.setString(0x00400009, VR.SH, "SPS1");
        item1.setString(0x00401001, VR.SH, "RP1");
        Dataset item2 = ras.addItem();
        item2.setString(0x00400009, VR.SH, "SPS2");
        item2.setString(0x00401001, VR.SH, "RP2");
        return ds;
    }

    static boolean matches(String query) {
        return matches(query, yamada("ISO_IR 192"));
    }

    static boolean matches(String query, Dataset ds) {
        return QidoQuery.parse(QidoResource.ALL_INSTANCES, null, null, query).matches(ds);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "''|true",
        "PatientName=|true",
        "NoSuchAttribute=x|true",
        "PatientID=PID-123|true",
        "PatientID=pid-123|false",
        "PatientID=PID-12|false",
        "PatientID=PID*|true",
        "PatientID=PID-12?|true",
        "PatientID=PID-1?|false",
        "PatientID=*12*|true",
        "PatientID=X%5CPID-123|true",
        "StudyDescription=*CT|true",
        "StudyDescription=*ct|false",
        "Modality=CT|true",
        "Modality=MR|false",
        "ModalitiesInStudy=SR|true",
        "ModalitiesInStudy=MR%5CSR|true",
        "ModalitiesInStudy=MR|false",
        "AccessionNumber=ACC-001|true",
        "StudyInstanceUID=1.2.3|true",
        "StudyInstanceUID=1.2.30|false",
        "StudyInstanceUID=1.2.9%5C1.2.3|true",
        "StudyInstanceUID=1.2.9,1.2.8|false",
        "SOPClassUID=1.2.840.10008.5.1.4.1.1.2|true",
        "StudyDate=20200315|true",
        "StudyDate=20200314|false",
        "StudyDate=20200101-20201231|true",
        "StudyDate=20200316-|false",
        "StudyDate=-20200315|true",
        "StudyDate=20190101%5C20200301-20200331|true",
        "StudyTime=10|true",
        "StudyTime=1030|true",
        "StudyTime=103016|false",
        "StudyTime=1031-|false",
        "StudyTime=-1030|true",
        "StudyTime=103015.25-103015.26|true",
        "StudyTime=103015.26-|false",
        "AcquisitionDateTime=20200315|true",
        "AcquisitionDateTime=2020-|true",
        "AcquisitionDateTime=20200315013015%2B0000-20200315013016%2B0000|true",
        "AcquisitionDateTime=20200315103015%2B0000-|false",
        "AcquisitionDateTime=202003151030-202003151031|true",
        "SeriesNumber=3|true",
        "SeriesNumber=03|true",
        "SeriesNumber=4|false",
        "SliceThickness=1.25|true",
        "Rows=512|true",
        "Rows=511|false",
        "00091001=ACME*|true",
        "00091001=ACME|false",
        "PerformedProcedureStepStartDate=20200101|false",
        "PerformedProcedureStepStartDate=|true",
    })
    void matchingRules(String query, boolean expected) {
        assertEquals(expected, matches(query), query);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "PatientName=Yamada%5ETarou|true",
        "PatientName=YAMADA%5ETAROU|true",
        "PatientName=yamada%5Etarou%5E%5E|true",
        "PatientName=Yamada|false",
        "PatientName=Yamada*|true",
        "PatientName=yam*|true",
        "PatientName=%E5%B1%B1%E7%94%B0*|true",
        "PatientName=%E5%B1%B1%E7%94%B0%5E%E5%A4%AA%E9%83%8E|true",
        "PatientName=%E3%82%84%E3%81%BE%E3%81%A0*|true",
        "PatientName=%E3%83%A4%E3%83%9E%E3%83%80*|false",
        "PatientName=%EF%BC%B9%EF%BD%81%EF%BD%8D%EF%BD%81%EF%BD%84%EF%BD%81*|true",
        "PatientName=Yamada%5ETarou=%E5%B1%B1%E7%94%B0*|true",
        "PatientName=Yamada%5ETarou=%E7%94%B0%E4%B8%AD*|false",
        "PatientName==%E5%B1%B1%E7%94%B0*|true",
        "PatientName===%E5%B1%B1%E7%94%B0*|false",
        "PatientName=Tanaka*|false",
    })
    void personNamesLiteral(String query, boolean expected) {
        assertEquals(expected, matches(query), query);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "PatientName=yam|true",
        "PatientName=tar|true",
        "PatientName=tar%20yam|true",
        "PatientName=yam%5Etar|true",
        "PatientName=ama|false",
        "PatientName=%E5%B1%B1%E7%94%B0|true",
        "PatientName=%E5%A4%AA|true",
        "PatientName=%E3%83%A4%E3%83%9E%E3%83%80|true",
        "PatientName=%EF%BE%94%EF%BE%8F%EF%BE%80%EF%BE%9E|true",
        "PatientName=%EF%BD%99%EF%BD%81%EF%BD%8D|true",
        "PatientName=Yamada%5ETarou|true",
        "PatientName=Tanaka|false",
    })
    void personNamesFuzzy(String query, boolean expected) {
        assertEquals(expected, matches(query + "&fuzzymatching=true"), query);
    }

    @Test
    void personNamesInIso2022Ir87() {
        Dataset ds = yamada("", "ISO 2022 IR 87");
        assertTrue(matches("PatientName=%E5%B1%B1%E7%94%B0*", ds));
        assertTrue(matches("PatientName=Yamada%5ETarou", ds));
        assertTrue(matches("PatientName=%E3%82%84%E3%81%BE%E3%81%A0%5E%E3%81%9F%E3%82%8D%E3%81%86", ds));
        assertFalse(matches("PatientName=%E5%B1%B1%E7%94%B0", ds));
    }

    @Test
    void sequenceMatchingNeedsOneItemForAllKeys() {
        assertTrue(matches("RequestAttributesSequence.ScheduledProcedureStepID=SPS2"));
        assertTrue(matches("00400275.00400009=SPS1&00400275.00401001=RP1"));
        assertTrue(matches("00400275.00400009=SPS*&00400275.00401001=RP2"));
        assertFalse(matches("00400275.00400009=SPS1&00400275.00401001=RP2"), "keys from different items");
        assertFalse(matches("RequestAttributesSequence.ScheduledProcedureStepID=SPS3"));
        assertTrue(matches("RequestAttributesSequence.ScheduledProcedureStepID="), "universal needs no item");
        Dataset none = new Dataset();
        assertFalse(matches("RequestAttributesSequence.RequestedProcedureID=RP1", none));
    }

    @Test
    void pathUidsRestrictTheResult() {
        Dataset ds = yamada("ISO_IR 192");
        assertTrue(QidoQuery.parse(QidoResource.STUDY_SERIES_INSTANCES, "1.2.3", "1.2.3.4", "").matches(ds));
        assertFalse(QidoQuery.parse(QidoResource.STUDY_INSTANCES, "1.2.4", null, "").matches(ds));
        assertFalse(QidoQuery.parse(QidoResource.STUDY_SERIES, "1.2.3", null, "SeriesInstanceUID=1.2.3.5").matches(ds));
    }

    @Test
    void emptyValueMatching() {
        Dataset ds = yamada("ISO_IR 192");
        ds.set(0x00080050, VR.SH, null);
        assertTrue(matches("emptyvaluematching=true&AccessionNumber=%22%22", ds));
        assertTrue(matches("emptyvaluematching=true&00321032=%22%22", ds), "absent counts as empty");
        assertFalse(matches("emptyvaluematching=true&PatientID=%22%22", ds));
        assertFalse(matches("AccessionNumber=ACC*", ds), "an empty value fails a wild card");
    }

    @Test
    void multipleValueMatchingNeedsEveryValue() {
        assertTrue(matches("multiplevaluematching=true&ModalitiesInStudy=CT%5CSR"));
        assertTrue(matches("multiplevaluematching=true&ModalitiesInStudy=SR%5CCT"));
        assertFalse(matches("multiplevaluematching=true&ModalitiesInStudy=CT%5CPT"));
        assertTrue(matches("ModalitiesInStudy=CT%5CPT"), "without the flag the values are alternatives");
    }
}
