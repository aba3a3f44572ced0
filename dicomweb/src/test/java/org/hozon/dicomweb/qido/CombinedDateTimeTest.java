package org.hozon.dicomweb.qido;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.Optional;

import org.hozon.dicom.VR;
import org.junit.jupiter.api.Test;

class CombinedDateTimeTest {

    static Optional<TemporalRange> combined(String query) {
        return CombinedDateTime.studyDateTime(QidoQuery.parse(QidoResource.ALL_STUDIES, null, null, query));
    }

    @Test
    void theStandardsExample() {
        TemporalRange r = combined("StudyDate=20060705-20060707&StudyTime=1000-1800").orElseThrow();
        assertEquals(VR.DT, r.vr());
        assertEquals(LocalDateTime.of(2006, 7, 5, 10, 0), r.lower());
        assertEquals(LocalDateTime.of(2006, 7, 7, 18, 0, 59, 999_999_000), r.upper());
        assertTrue(r.containsValue("20060706030000"), "night of the middle day is inside the combined range");
        assertFalse(r.containsValue("20060705090000"));
    }

    @Test
    void openEndsAndSingleValues() {
        TemporalRange from = combined("StudyDate=20200101-&StudyTime=1200-").orElseThrow();
        assertEquals(LocalDateTime.of(2020, 1, 1, 12, 0), from.lower());
        assertEquals(null, from.upper());
        TemporalRange single = combined("StudyDate=20200101&StudyTime=12").orElseThrow();
        assertEquals(LocalDateTime.of(2020, 1, 1, 12, 59, 59, 999_999_000), single.upper());
    }

    @Test
    void differentFormsDoNotCombine() {
        assertTrue(combined("StudyDate=20200101-&StudyTime=-1200").isEmpty());
        assertTrue(combined("StudyDate=20200101-20200102&StudyTime=1200-").isEmpty());
        assertTrue(combined("StudyDate=20200101-20200102").isEmpty());
        assertTrue(combined("StudyDate=20200101%5C20200105&StudyTime=10").isEmpty());
        assertTrue(combined("StudyDate=20200101&StudyTime=").isEmpty());
    }
}
