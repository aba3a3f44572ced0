package org.hozon.dicomweb.qido;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.hozon.dicom.dict.ElementDictionary;
import org.junit.jupiter.api.Test;

class QidoAttributesTest {

    @Test
    void requiredMatchingKeysPerTable10_6_1_5() {
        assertEquals(9, QidoAttributes.requiredMatchingKeys(QueryLevel.STUDY).size());
        assertEquals(7, QidoAttributes.requiredMatchingKeys(QueryLevel.SERIES).size());
        assertEquals(3, QidoAttributes.requiredMatchingKeys(QueryLevel.INSTANCE).size());
        assertTrue(QidoAttributes.requiredMatchingKeys(QueryLevel.STUDY).contains(AttributePath.of(0x00080061)));
        assertTrue(QidoAttributes.isRequiredMatchingKey(AttributePath.of(0x00400275, 0x00401001)));
        assertFalse(QidoAttributes.isRequiredMatchingKey(AttributePath.of(0x00081030)));
    }

    @Test
    void requiredMatchingKeysParseFromTheirKeywords() {
        for (QueryLevel level : QueryLevel.values()) {
            for (AttributePath path : QidoAttributes.requiredMatchingKeys(level)) {
                String keywords = path.toKeywordString();
                assertEquals(Optional.of(path), AttributePath.parse(keywords, "test"), keywords);
                for (int i = 0; i < path.length(); i++) {
                    assertTrue(ElementDictionary.keywordOf(path.tag(i)) != null, path.toString());
                }
            }
        }
    }

    @Test
    void requiredReturnKeys() {
        List<AttributePath> study = QidoAttributes.requiredReturnKeys(QueryLevel.STUDY);
        assertEquals(17, study.size());
        assertTrue(study.contains(AttributePath.of(0x00201208)), "NumberOfStudyRelatedInstances");
        assertTrue(QidoAttributes.requiredReturnKeys(QueryLevel.INSTANCE).contains(AttributePath.of(0x00280008)));
        assertTrue(QidoAttributes.requiredReturnKeys(QueryLevel.SERIES).contains(AttributePath.of(0x00400275, 0x00400009)));
        List<AttributePath> allInstances = QidoAttributes.requiredReturnKeys(QidoResource.ALL_INSTANCES);
        assertTrue(allInstances.containsAll(study));
        assertTrue(allInstances.containsAll(QidoAttributes.requiredReturnKeys(QueryLevel.SERIES)));
        assertEquals(allInstances.size(), allInstances.stream().distinct().count());
        List<AttributePath> studyInstances = QidoAttributes.requiredReturnKeys(QidoResource.STUDY_INSTANCES);
        assertFalse(studyInstances.contains(AttributePath.of(0x00100010)), "study fixed by the path");
        assertTrue(studyInstances.contains(AttributePath.of(0x0020000E)), "series keys on /studies/{s}/instances");
        assertEquals(QidoAttributes.requiredReturnKeys(QueryLevel.INSTANCE),
                QidoAttributes.requiredReturnKeys(QidoResource.STUDY_SERIES_INSTANCES));
    }

    @Test
    void levelsForRelationalQueries() {
        assertEquals(Optional.of(QueryLevel.STUDY), QidoAttributes.levelOf(0x00100010));
        assertEquals(Optional.of(QueryLevel.STUDY), QidoAttributes.levelOf(0x00081030));
        assertEquals(Optional.of(QueryLevel.SERIES), QidoAttributes.levelOf(0x00080060));
        assertEquals(Optional.of(QueryLevel.INSTANCE), QidoAttributes.levelOf(0x00280010));
        assertEquals(Optional.empty(), QidoAttributes.levelOf(0x00081190));
        assertTrue(QidoAttributes.isAllowedAt(0x00100010, QueryLevel.INSTANCE));
        assertTrue(QidoAttributes.isAllowedAt(0x00080060, QueryLevel.SERIES));
        assertFalse(QidoAttributes.isAllowedAt(0x00080060, QueryLevel.STUDY));
        assertFalse(QidoAttributes.isAllowedAt(0x00080018, QueryLevel.SERIES));
        assertTrue(QidoAttributes.isAllowedAt(0x00080005, QueryLevel.STUDY));
    }

    @Test
    void resources() {
        assertTrue(QidoResource.ALL_SERIES.includesLevel(QueryLevel.STUDY));
        assertFalse(QidoResource.STUDY_SERIES.includesLevel(QueryLevel.STUDY));
        assertFalse(QidoResource.ALL_STUDIES.includesLevel(QueryLevel.SERIES));
        assertTrue(QidoResource.STUDY_INSTANCES.includesLevel(QueryLevel.SERIES));
        assertFalse(QidoResource.STUDY_SERIES_INSTANCES.includesLevel(QueryLevel.SERIES));
    }
}
