package org.hozon.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.hozon.dicom.Dataset;
import org.hozon.dicom.Tag;
import org.hozon.dicom.VR;
import org.hozon.dicom.json.DicomJsonWriter;
import org.hozon.dicomweb.qido.QidoQuery;
import org.hozon.dicomweb.qido.QidoResource;
import org.hozon.persistence.query.IndexRow;
import org.hozon.persistence.query.RequestItem;
import org.junit.jupiter.api.Test;

class QidoResultBuilderTest {

    private static IndexRow studyRow() {
        Map<String, Object> m = new HashMap<>();
        m.put("study_pk", 1L);
        m.put("study_iuid", "1.2.3");
        m.put("study_date", "20200115");
        m.put("patient_id", "P001");
        m.put("patient_name", "Yamada^Tarou=山田^太郎=やまだ^たろう");
        m.put("modalities", "CT\\SR");
        m.put("num_series", 2);
        m.put("num_instances", 3);
        m.put("series_pk", 5L);
        m.put("series_iuid", "1.2.3.4");
        return IndexRow.of(m);
    }

    private static JsonObject json(Dataset ds) {
        return Json.createReader(new StringReader(new DicomJsonWriter().toJson(ds))).readObject();
    }

    @Test
    void requiredStudyKeysAreThereEmptyWhenUnknownAndNamesKeepTheirGroups() {
        QidoQuery q = QidoQuery.parse(QidoResource.ALL_STUDIES, null, null, "");
        JsonObject o = json(QidoResultBuilder.build(q, studyRow(), null, List.of(), "http://h/dicom-web"));
        JsonObject pn = o.getJsonObject("00100010").getJsonArray("Value").getJsonObject(0);
        assertEquals("Yamada^Tarou", pn.getString("Alphabetic"));
        assertEquals("山田^太郎", pn.getString("Ideographic"));
        assertEquals("やまだ^たろう", pn.getString("Phonetic"));
        assertEquals("http://h/dicom-web/studies/1.2.3", o.getJsonObject("00081190").getJsonArray("Value").getString(0));
        assertEquals(2, o.getJsonObject("00080061").getJsonArray("Value").size());
        assertEquals(2, o.getJsonObject("00201206").getJsonArray("Value").getInt(0));
        assertEquals("ONLINE", o.getJsonObject("00080056").getJsonArray("Value").getString(0));
        assertEquals("ISO_IR 192", o.getJsonObject("00080005").getJsonArray("Value").getString(0));
        for (String empty : List.of("00080030", "00080050", "00080090", "00080201", "00100030", "00100040", "00200010")) {
            assertTrue(o.containsKey(empty), empty);
            assertFalse(o.getJsonObject(empty).containsKey("Value"), empty);
        }
    }

    @Test
    void headerAttributesAndIncludeAll() {
        Dataset header = new Dataset();
        header.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        header.setString(Tag.PatientComments, VR.LT, "コメント");
        header.setString(Tag.Manufacturer, VR.LO, "ACME");
        QidoQuery q = QidoQuery.parse(QidoResource.ALL_STUDIES, null, null, "includefield=all&includefield=00081030");
        assertTrue(QidoResultBuilder.needsHeader(q));
        JsonObject o = json(QidoResultBuilder.build(q, studyRow(), header, List.of(), "http://h"));
        assertEquals("コメント", o.getJsonObject("00104000").getJsonArray("Value").getString(0));
        assertFalse(o.containsKey("00080070"), "Manufacturer is series level, not in a study's all");
        assertTrue(o.containsKey("00081030"), "StudyDescription asked for: present, empty");
    }

    @Test
    void seriesCarryRequestItems() {
        QidoQuery q = QidoQuery.parse(QidoResource.STUDY_SERIES, "1.2.3", null, "");
        assertFalse(QidoResultBuilder.needsHeader(q));
        JsonObject o = json(QidoResultBuilder.build(q, studyRow(), null,
                List.of(new RequestItem(5L, "RP1", "SPS1", "ACC1")), "http://h"));
        JsonObject item = o.getJsonObject("00400275").getJsonArray("Value").getJsonObject(0);
        assertEquals("SPS1", item.getJsonObject("00400009").getJsonArray("Value").getString(0));
        assertEquals("http://h/studies/1.2.3/series/1.2.3.4", o.getJsonObject("00081190").getJsonArray("Value").getString(0));
        assertTrue(o.containsKey("0008103E"));
    }
}
