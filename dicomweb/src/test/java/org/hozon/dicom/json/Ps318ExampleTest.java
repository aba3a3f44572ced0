package org.hozon.dicom.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

import org.hozon.dicom.Dataset;
import org.hozon.dicom.Sequence;
import org.hozon.dicom.VR;

/** The DICOM JSON Model Example of PS3.18 F.4 (two studies, as a QIDO-RS response). */
class Ps318ExampleTest {
    private static final String RESOURCE = "ps3.18-F.4-example.json";

    private static InputStream example() {
        return Ps318ExampleTest.class.getResourceAsStream(RESOURCE);
    }

    private static JsonValue parseTree(InputStream in) {
        try (var reader = Json.createReader(in)) {
            return reader.readValue();
        }
    }

    /** The first study of the example, built attribute by attribute. */
    private static Dataset firstStudy() {
        Dataset ds = new Dataset();
        ds.setString(0x00080005, VR.CS, "ISO_IR 192");
        ds.setString(0x00080020, VR.DA, "20130409");
        ds.setString(0x00080030, VR.TM, "131600.0000");
        ds.setString(0x00080050, VR.SH, "11235813");
        ds.setString(0x00080056, VR.CS, "ONLINE");
        ds.setString(0x00080061, VR.CS, "CT", "PET");
        ds.setString(0x00080090, VR.PN, "^Bob^^Dr.");
        ds.setString(0x00081190, VR.UR,
                "http://wado.nema.org/studies/1.2.392.200036.9116.2.2.2.1762893313.1029997326.945873");
        ds.setString(0x00090010, VR.LO, "Vendor A");
        ds.set(0x00091002, VR.UN, new byte[] {(byte) 0xCF, 0x4C, 0x7D, 0x73, (byte) 0xCB, (byte) 0xFB});
        ds.setString(0x00100010, VR.PN, "Wang^XiaoDong=王^小東");
        ds.setString(0x00100020, VR.LO, "12345");
        ds.setString(0x00100021, VR.LO, "Hospital A");
        ds.setString(0x00100030, VR.DA, "19670701");
        ds.setString(0x00100040, VR.CS, "M");
        Sequence otherIds = ds.newSequence(0x00101002);
        Dataset b = otherIds.addItem();
        b.setString(0x00100020, VR.LO, "54321");
        b.setString(0x00100021, VR.LO, "Hospital B");
        Dataset c = otherIds.addItem();
        c.setString(0x00100020, VR.LO, "24680");
        c.setString(0x00100021, VR.LO, "Hospital C");
        ds.setString(0x0020000D, VR.UI, "1.2.392.200036.9116.2.2.2.1762893313.1029997326.945873");
        ds.setString(0x00200010, VR.SH, "11235813");
        ds.setString(0x00201206, VR.IS, "4");
        ds.setString(0x00201208, VR.IS, "942");
        return ds;
    }

    @Test
    void readsTheExampleIntoTheDataSetItDescribes() {
        List<Dataset> studies = new DicomJsonReader().readAll(example());
        assertEquals(2, studies.size());
        assertEquals(firstStudy(), studies.get(0));
        assertArrayEquals(new String[] {"Wang^XiaoDong=王^小東"}, studies.get(1).getStrings(0x00100010));
        assertEquals(1123, studies.get(1).getInt(0x00201208, -1));
        assertEquals("Hospital C", studies.get(1).sequence(0x00101002).get(1).getString(0x00100021));
    }

    @Test
    void writesTheBuiltDataSetAsTheExampleSays() {
        String json = new DicomJsonWriter().toJson(firstStudy());
        JsonValue expected = parseTree(example()).asJsonArray().get(0);
        assertEquals(expected, Json.createReader(new StringReader(json)).readValue());
    }

    @Test
    void exampleRoundTripsAsAnArray() {
        List<Dataset> studies = new DicomJsonReader().readAll(example());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomJsonWriter().writeArray(studies, out);
        JsonValue written = Json.createReader(new StringReader(out.toString(StandardCharsets.UTF_8))).readValue();
        assertEquals(parseTree(example()), written);
    }
}
