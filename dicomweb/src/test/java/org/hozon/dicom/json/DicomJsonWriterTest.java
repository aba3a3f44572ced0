package org.hozon.dicom.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.hozon.dicom.BulkData;
import org.hozon.dicom.Dataset;
import org.hozon.dicom.VR;

class DicomJsonWriterTest {
    private final DicomJsonWriter writer = new DicomJsonWriter();

    private String one(int tag, VR vr, String... values) {
        Dataset ds = new Dataset();
        ds.setString(tag, vr, values);
        return writer.toJson(ds);
    }

    private String raw(VR vr, String bytes) {
        Dataset ds = new Dataset();
        ds.set(0x00181050, vr, bytes.getBytes(StandardCharsets.ISO_8859_1));
        return writer.toJson(ds);
    }

    @Test
    void decimalStringsInFortranFormsBecomeJsonNumbers() {
        assertEquals("{\"00181050\":{\"vr\":\"DS\",\"Value\":[1,0.5,-0.5,1,7,1.5E3,-0,2E-05,0.50]}}",
                raw(VR.DS, "1.\\.5\\-.5\\+1\\007\\  1.5e3 \\-0\\2.E-05\\0.50 "));
    }

    @Test
    void decimalStringsThatAreNotNumbersStayStrings() {
        assertEquals("{\"00181050\":{\"vr\":\"DS\",\"Value\":[\"abc\",\"1,5\",\"NaN\",\"1e\",\".\",\"+\"]}}",
                raw(VR.DS, "abc\\1,5\\NaN\\1e\\.\\+ "));
    }

    @Test
    void integerStringsAreNumbersOfAnySize() {
        assertEquals("{\"00181050\":{\"vr\":\"IS\",\"Value\":[12,-3,0,123456789012345678901234567890,\"1.5\"]}}",
                raw(VR.IS, " +12\\-0003\\000\\123456789012345678901234567890\\1.5"));
    }

    @Test
    void emptyAttributeHasOnlyTheVr() {
        assertEquals("{\"00100010\":{\"vr\":\"PN\"}}", one(0x00100010, VR.PN, ""));
        assertEquals("{\"00100020\":{\"vr\":\"LO\"}}", raw0(0x00100020, VR.LO, "    "));
        assertEquals("{\"00081140\":{\"vr\":\"SQ\"}}", seq0());
    }

    private String raw0(int tag, VR vr, String padded) {
        Dataset ds = new Dataset();
        ds.set(tag, vr, padded.getBytes(StandardCharsets.US_ASCII));
        return writer.toJson(ds);
    }

    private String seq0() {
        Dataset ds = new Dataset();
        ds.newSequence(0x00081140);
        return writer.toJson(ds);
    }

    @Test
    void emptyValuesAmongSeveralAreNull() {
        assertEquals("{\"00080008\":{\"vr\":\"CS\",\"Value\":[null,\"B\",null]}}",
                one(0x00080008, VR.CS, "", "B", ""));
        assertEquals("{\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"A\"},null]}}",
                one(0x00100010, VR.PN, "A", ""));
    }

    @Test
    void personNameGroupsOmitEmptyOnes() {
        assertEquals("{\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"Doe^J\",\"Phonetic\":\"do^jei\"},"
                + "{\"Ideographic\":\"X^Y\"}]}}", one(0x00100010, VR.PN, "Doe^J==do^jei", "=X^Y"));
    }

    @Test
    void textKeepsLeadingSpacesAndBackslashes() {
        assertEquals("{\"00104000\":{\"vr\":\"LT\",\"Value\":[\"  a\\\\b\"]}}", one(0x00104000, VR.LT, "  a\\b"));
    }

    @Test
    void groupLengthAndFileMetaInformationAreLeftOutUnlessAsked() {
        Dataset ds = new Dataset();
        ds.set(0x00020000, VR.UL, TestDatasets.le(4, 50));
        ds.setString(0x00020010, VR.UI, "1.2.840.10008.1.2.1");
        ds.set(0x00080000, VR.UL, TestDatasets.le(4, 8));
        ds.setString(0x00080060, VR.CS, "MR");
        assertEquals("{\"00080060\":{\"vr\":\"CS\",\"Value\":[\"MR\"]}}", writer.toJson(ds));
        assertEquals("{\"00020010\":{\"vr\":\"UI\",\"Value\":[\"1.2.840.10008.1.2.1\"]},"
                + "\"00080060\":{\"vr\":\"CS\",\"Value\":[\"MR\"]}}",
                writer.withFileMetaInformation(true).toJson(ds));
    }

    @Test
    void attributesAreInAscendingOrderIncludingPrivateGroups() {
        Dataset ds = new Dataset();
        ds.setString(0x7FE10010, VR.LO, "CREATOR");
        ds.setString(0x00090010, VR.LO, "Vendor A");
        ds.set(0x00091002, VR.UN, new byte[] {1, 2});
        ds.setString(0x00080060, VR.CS, "MR");
        String json = writer.toJson(ds);
        assertTrue(json.indexOf("00080060") < json.indexOf("00090010"));
        assertTrue(json.indexOf("00091002") < json.indexOf("7FE10010"));
        assertTrue(json.contains("\"00091002\":{\"vr\":\"UN\",\"InlineBinary\":\"AQI=\"}"), json);
    }

    @Test
    void pixelDataWithoutUriBuilderIsAClearError() {
        Dataset ds = new Dataset();
        ds.set(0x7FE00010, VR.OW, new byte[4]);
        DicomJsonException e = assertThrows(DicomJsonException.class, () -> writer.toJson(ds));
        assertTrue(e.getMessage().contains("(7FE0,0010)"), e.getMessage());
        assertTrue(e.getMessage().contains("BulkDataUriBuilder"), e.getMessage());
    }

    @Test
    void valueNotInMemoryWithoutUriBuilderIsAClearError() {
        Dataset ds = new Dataset();
        ds.set(0x00420011, VR.OB, new BulkData(100, 10, false));
        DicomJsonException e = assertThrows(DicomJsonException.class, () -> writer.toJson(ds));
        assertTrue(e.getMessage().contains("(0042,0011)") && e.getMessage().contains("not in memory"), e.getMessage());
    }

    @Test
    void thresholdDecidesBetweenInlineBinaryAndBulkDataUri() {
        Dataset ds = new Dataset();
        ds.set(0x00420011, VR.OB, new byte[16]);
        ds.set(0x00282000, VR.OB, new byte[18]);
        ds.set(0x00283006, VR.US, new byte[400]); // numbers stay numbers whatever their size
        List<String> asked = new ArrayList<>();
        DicomJsonWriter w = writer.withBulkDataThreshold(16).withBulkDataUriBuilder((root, path, vr, value) -> {
            asked.add(path.toString());
            return "bulk/" + path;
        });
        String json = w.toJson(ds);
        assertEquals(List.of("00282000"), asked);
        assertTrue(json.contains("\"00282000\":{\"vr\":\"OB\",\"BulkDataURI\":\"bulk/00282000\"}"), json);
        assertTrue(json.contains("\"00420011\":{\"vr\":\"OB\",\"InlineBinary\":"), json);
        assertFalse(json.contains("bulk/00283006"));
    }

    @Test
    void uriBuilderGetsTheRootDataSetAndTheItemPath() {
        Dataset ds = new Dataset();
        ds.setString(0x00080018, VR.UI, "1.2.3");
        Dataset icon = ds.newSequence(0x00880200).addItem();
        ds.sequence(0x00880200).addItem();
        Dataset second = ds.sequence(0x00880200).get(1);
        second.set(0x7FE00010, VR.OB, new byte[2]);
        Dataset[] root = new Dataset[1];
        TagPath[] path = new TagPath[1];
        String json = writer.withBulkDataUriBuilder((r, p, vr, value) -> {
            root[0] = r;
            path[0] = p;
            return "x";
        }).toJson(ds);
        assertTrue(root[0] == ds);
        assertEquals("00880200/2/7FE00010", path[0].toString());
        assertEquals(TagPath.parse("00880200/2/7FE00010"), path[0]);
        assertEquals(2, path[0].itemAt(0));
        assertTrue(icon.isEmpty());
        assertTrue(json.contains("[{},{\"7FE00010\":{\"vr\":\"OB\",\"BulkDataURI\":\"x\"}}]"), json);
    }

    @Test
    void builderReturningNullIsAnError() {
        Dataset ds = new Dataset();
        ds.set(0x7FE00010, VR.OB, new byte[2]);
        assertThrows(DicomJsonException.class,
                () -> writer.withBulkDataUriBuilder((r, p, vr, v) -> null).toJson(ds));
    }

    @Test
    void tagPathParsingRejectsMalformedPaths() {
        assertThrows(IllegalArgumentException.class, () -> TagPath.parse("00880200/0/7FE00010"));
        assertThrows(IllegalArgumentException.class, () -> TagPath.parse("00880200/1"));
        assertThrows(IllegalArgumentException.class, () -> TagPath.parse("0088020/1/7FE00010"));
    }
}
