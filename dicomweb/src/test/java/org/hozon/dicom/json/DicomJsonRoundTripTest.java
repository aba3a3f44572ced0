package org.hozon.dicom.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.hozon.dicom.BulkData;
import org.hozon.dicom.Dataset;
import org.hozon.dicom.Fragments;
import org.hozon.dicom.VR;

/** Dataset → JSON → Dataset gives an equal data set, for every VR. */
class DicomJsonRoundTripTest {

    /** Remembers the values it was asked URIs for, so the reader side can resolve them. */
    private static final class BulkStore implements BulkDataUriBuilder, BulkDataHandler {
        final Map<String, Object> values = new HashMap<>();
        final List<BulkDataReference> references = new ArrayList<>();

        @Override
        public String uri(Dataset dataset, TagPath path, VR vr, Object value) {
            String uri = "http://archive/studies/" + dataset.getString(0x0020000D) + "/bulk/" + path;
            values.put(uri, value);
            return uri;
        }

        @Override
        public void bulkData(BulkDataReference reference) {
            references.add(reference);
        }

        void resolveAll() {
            for (BulkDataReference r : references) {
                r.resolve(values.get(r.uri()));
            }
        }
    }

    private static Dataset roundTrip(Dataset ds) {
        String json = new DicomJsonWriter().toJson(ds);
        return new DicomJsonReader().read(json);
    }

    @Test
    void everyVrRoundTrips() {
        Dataset ds = TestDatasets.everyVr();
        Dataset back = roundTrip(ds);
        assertEquals(ds.toString(), back.toString());
        assertEquals(ds, back);
    }

    @Test
    void secondRoundTripGivesTheSameJson() {
        DicomJsonWriter writer = new DicomJsonWriter();
        String json = writer.toJson(TestDatasets.everyVr());
        assertEquals(json, writer.toJson(new DicomJsonReader().read(json)));
    }

    @Test
    void bigEndianDataSetGivesTheSameJson() {
        Dataset ds = TestDatasets.everyVr();
        String little = new DicomJsonWriter().toJson(ds);
        ds.setBigEndian(true);
        assertEquals(little, new DicomJsonWriter().toJson(ds));
    }

    @Test
    void japanesePersonNameKeepsItsThreeGroups() {
        Dataset back = roundTrip(TestDatasets.everyVr());
        assertArrayEquals(new String[] {"Yamada^Tarou=山田^太郎=やまだ^たろう", "", "Doe^John"},
                back.getStrings(0x00100010));
    }

    @Test
    void japaneseUnderIso2022RoundTrips() {
        Dataset ds = new Dataset();
        ds.setString(0x00080005, VR.CS, "", "ISO 2022 IR 87");
        ds.setString(0x00100010, VR.PN, "Yamada^Tarou=山田^太郎=やまだ^たろう");
        ds.setString(0x00081030, VR.LO, "頭部 CT");
        String json = new DicomJsonWriter().toJson(ds);
        assertTrue(json.contains("\"Ideographic\":\"山田^太郎\""), json);
        assertTrue(json.contains("\"Phonetic\":\"やまだ^たろう\""), json);
        assertEquals(ds, new DicomJsonReader().read(json));
    }

    @Test
    void pixelDataAndLargeValuesGoThroughBulkDataUris() {
        Dataset ds = TestDatasets.everyVr();
        ds.set(0x7FE00010, VR.OW, TestDatasets.le(2, new long[600]));
        ds.set(TestDatasets.priv(0x40), VR.OB, new byte[2000]);
        ds.sequence(0x00081115).get(0).set(0x00420011, VR.OB, new byte[4096]); // nested bulk value
        BulkStore store = new BulkStore();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomJsonWriter().withBulkDataUriBuilder(store).write(ds, out);
        String json = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(json.contains("\"7FE00010\":{\"vr\":\"OW\",\"BulkDataURI\":\"http://archive/studies/"
                + "1.2.392.200036.9116.2.2.2.1762893313.1029997326.945873/bulk/7FE00010\"}"), json);
        assertTrue(json.contains("/bulk/00081115/1/00420011\""), json);
        assertEquals(3, store.values.size());

        Dataset back = new DicomJsonReader().withBulkDataHandler(store)
                .read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(3, store.references.size());
        assertEquals(0, back.bytes(0x7FE00010).length, "placeholder until resolved");
        store.resolveAll();
        assertEquals(ds, back);
    }

    @Test
    void encapsulatedAndNotReadPixelDataGetUris() {
        Dataset ds = new Dataset();
        ds.setString(0x0020000D, VR.UI, "1.2.3");
        Fragments fragments = new Fragments(VR.OB);
        fragments.add(new byte[0]);
        fragments.add(new byte[] {1, 2, 3, 4});
        ds.set(0x7FE00010, VR.OB, fragments);
        ds.set(TestDatasets.priv(0x10), VR.OB, new BulkData(1234, 10, false));
        BulkStore store = new BulkStore();
        String json = new DicomJsonWriter().withBulkDataUriBuilder(store).toJson(ds);
        Dataset back = new DicomJsonReader().withBulkDataHandler(store).read(json);
        store.resolveAll();
        assertEquals(ds, back);
        assertTrue(store.values.get("http://archive/studies/1.2.3/bulk/7FE00010") instanceof Fragments);
    }

    @Test
    void metadataArrayOfManyInstances() {
        List<Dataset> instances = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            Dataset ds = TestDatasets.everyVr();
            ds.setInt(0x00200013, VR.IS, i);
            instances.add(ds);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DicomJsonWriter.ArrayStream array = new DicomJsonWriter().openArray(out)) {
            for (Dataset ds : instances) {
                array.write(ds);
            }
        }
        List<Dataset> back = new DicomJsonReader().readAll(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(instances, back);
    }
}
