package org.hozon.dicom.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.hozon.dicom.Dataset;
import org.hozon.dicom.VR;

/** Hand-written JSON: odd but valid forms are read, invalid documents rejected clearly. */
class DicomJsonReaderTest {
    private final DicomJsonReader reader = new DicomJsonReader();

    private Dataset read(String json) {
        return reader.read(json.replace('\'', '"'));
    }

    @Test
    void numbersForIsAndDsKeepTheirText() {
        Dataset ds = read("{'00181050':{'vr':'DS','Value':[0.50,-1.25E-3,3,null]},"
                + "'00200013':{'vr':'IS','Value':[4,-7,1E2,5.0]}}");
        assertArrayEquals(new String[] {"0.50", "-1.25E-3", "3", ""}, ds.getStrings(0x00181050));
        assertArrayEquals(new String[] {"4", "-7", "100", "5"}, ds.getStrings(0x00200013));
    }

    @Test
    void numbersAsStringsAreAccepted() {
        Dataset ds = read("{'00181050':{'vr':'DS','Value':['1.5']},'00280010':{'vr':'US','Value':['512']},"
                + "'00189087':{'vr':'FD','Value':['NaN','-Infinity',2]},'0019101D':{'vr':'UV','Value':['18446744073709551615']}}");
        assertEquals("1.5", ds.getString(0x00181050));
        assertEquals(512, ds.getInt(0x00280010, -1));
        assertEquals(TestDatasets.toHex(TestDatasets.doubles(Double.NaN, Double.NEGATIVE_INFINITY, 2.0)),
                TestDatasets.toHex(ds.bytes(0x00189087)));
        assertEquals(-1L, ds.getLong(0x0019101D, 0));
    }

    @Test
    void longDecimalIsRoundedToSixteenCharacters() {
        Dataset ds = read("{'00181050':{'vr':'DS','Value':[0.1234567890123456789,-123456789012345678901234]}}");
        String[] v = ds.getStrings(0x00181050);
        assertEquals("0.12345678901235", v[0]);
        assertEquals("-1.234567890E+23", v[1]);
    }

    @Test
    void vrMayComeAfterValueAndUnknownMembersAreIgnored() {
        Dataset ds = read("{'00081115':{'Value':[{'00081150':{'Value':['1.2.3'],'vr':'UI'}},{}],'vr':'SQ','x':[1,{}]},"
                + "'00100010':{'comment':{'a':[1]},'Value':[{'Alphabetic':'A^B','Other':'?'}],'vr':'PN'},"
                + "'00280010':{'Value':[512],'vr':'US'}}");
        assertEquals("1.2.3", ds.sequence(0x00081115).get(0).getString(0x00081150));
        assertEquals(2, ds.sequence(0x00081115).size());
        assertEquals("A^B", ds.getString(0x00100010));
        assertEquals(512, ds.getInt(0x00280010, -1));
    }

    @Test
    void personNameObjectsAreJoinedWithEquals() {
        Dataset ds = read("{'00100010':{'vr':'PN','Value':[{'Phonetic':'p','Alphabetic':'a'},{'Ideographic':'i'},null,{}]}}");
        assertArrayEquals(new String[] {"a==p", "=i", "", ""}, ds.getStrings(0x00100010));
    }

    @Test
    void lowerCaseTagsNullValueAndEmptyArrayAreEmpty() {
        Dataset ds = read("{'0020000d':{'vr':'UI','Value':['1.2']},'00100020':{'vr':'LO','Value':[]},"
                + "'00100021':{'vr':'LO','Value':null}}");
        assertEquals("1.2", ds.getString(0x0020000D));
        assertEquals(0, ds.bytes(0x00100020).length);
        assertEquals(0, ds.bytes(0x00100021).length);
    }

    @Test
    void specificCharacterSetAppliesEvenWhenItComesLast() {
        Dataset ds = read("{'00100010':{'vr':'PN','Value':[{'Alphabetic':'Müller'}]},"
                + "'00400275':{'vr':'SQ','Value':[{'00400007':{'vr':'LO','Value':['Größe']}}]},"
                + "'00080005':{'vr':'CS','Value':['ISO_IR 192']}}");
        assertArrayEquals("Müller ".getBytes(StandardCharsets.UTF_8), ds.bytes(0x00100010));
        assertArrayEquals("Größe ".getBytes(StandardCharsets.UTF_8), ds.sequence(0x00400275).get(0).bytes(0x00400007));
    }

    @Test
    void inlineBinaryOfOddLengthIsPadded() {
        Dataset ds = read("{'00420011':{'vr':'OB','InlineBinary':'AQID'}}");
        assertArrayEquals(new byte[] {1, 2, 3, 0}, ds.bytes(0x00420011));
    }

    @Test
    void bulkDataReferencesCanBeResolvedLater() {
        List<BulkDataReference> refs = new ArrayList<>();
        DicomJsonReader r = reader.withBulkDataHandler(refs::add);
        List<Dataset> all = r.readAll(new ByteArrayInputStream(("[{'7FE00010':{'vr':'OW','BulkDataURI':'part-1'}},"
                + "{'00880200':{'vr':'SQ','Value':[{},{'7FE00010':{'BulkDataURI':'part-2','vr':'OB'}}]}}]")
                .replace('\'', '"').getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, refs.size());
        assertEquals("part-2", refs.get(1).uri());
        assertEquals("00880200/2/7FE00010", refs.get(1).path().toString());
        refs.get(1).resolve(new byte[] {9, 9});
        assertArrayEquals(new byte[] {9, 9}, all.get(1).sequence(0x00880200).get(1).bytes(0x7FE00010));
        assertEquals(VR.OW, all.get(0).vr(0x7FE00010));
    }

    @Test
    void readEachHandsOverDataSetsOneByOne() {
        List<String> uids = new ArrayList<>();
        reader.readEach(new java.io.StringReader("[{\"00080018\":{\"vr\":\"UI\",\"Value\":[\"1\"]}},"
                + "{\"00080018\":{\"vr\":\"UI\",\"Value\":[\"2\"]}}]"), d -> uids.add(d.getString(0x00080018)));
        assertEquals(List.of("1", "2"), uids);
        assertEquals(1, reader.readAll(new java.io.StringReader("{}")).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",                                                     // no document
        "{",                                                    // truncated
        "{'00100010':{'vr':'PN','Value':[{'Alphabetic':'A'}]}", // truncated
        "{'00100010':{'vr':'PN'}} {}",                          // trailing content
        "{'00100010':{'vr':'PN',}}",                            // not JSON
        "[1]",                                                  // array of non-objects
        "'x'",                                                  // not an object
        "{'0010001':{'vr':'PN'}}",                              // seven digits
        "{'0010001G':{'vr':'PN'}}",                             // not hex
        "{'00100010':'Doe'}",                                   // attribute not an object
        "{'00100010':{'Value':['Doe']}}",                       // no vr
        "{'00100010':{'vr':'XX'}}",                             // unknown VR
        "{'00100010':{'vr':'pn'}}",                             // lower-case VR
        "{'00100010':{'vr':5}}",                                // vr not a string
        "{'00280010':{'vr':'US','Value':[null]}}",              // null binary number
        "{'00280010':{'vr':'US','Value':[65536]}}",             // out of range
        "{'00280010':{'vr':'US','Value':[1.5]}}",               // not an integer
        "{'00280010':{'vr':'SS','Value':[true]}}",              // boolean
        "{'00200013':{'vr':'IS','Value':[1.5]}}",               // IS not an integer
        "{'00209165':{'vr':'AT','Value':[1048592]}}",           // AT as number
        "{'00209165':{'vr':'AT','Value':['0010']}}",            // AT too short
        "{'00189087':{'vr':'FD','Value':['many']}}",            // not a number
        "{'00420011':{'vr':'OB','Value':[1,2]}}",               // OB with Value
        "{'00420011':{'vr':'OB','InlineBinary':'@@@'}}",        // not base64
        "{'00420011':{'vr':'OW','InlineBinary':'AQID'}}",       // 3 bytes of OW
        "{'00420011':{'vr':'OB','InlineBinary':'AQID','BulkDataURI':'x'}}", // two kinds
        "{'00420011':{'vr':'OB','BulkDataURI':'x'}}",           // no handler
        "{'00081115':{'vr':'SQ','Value':['item']}}",            // item not an object
        "{'00081115':{'vr':'SQ','InlineBinary':'AQI='}}",       // sequence as binary
        "{'00104000':{'vr':'LT','Value':['a','b']}}",           // two values for LT
        "{'00080060':{'vr':'CS','Value':[{'a':1}]}}",           // object for CS
        "{'00080060':{'vr':'CS','Value':'CT'}}",                // Value not an array
    })
    void invalidDocumentsRaiseDicomJsonException(String json) {
        DicomJsonException e = assertThrows(DicomJsonException.class, () -> read(json));
        assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
    }

    @Test
    void errorsNameTheAttributeAndThePlace() {
        DicomJsonException e = assertThrows(DicomJsonException.class,
                () -> read("{\n'00280010':{'vr':'US','Value':[70000]}}"));
        assertTrue(e.getMessage().contains("(0028,0010)") && e.getMessage().contains("line 2"), e.getMessage());
        assertTrue(e.offset() > 0);
    }

    @Test
    void deepNestingIsRefused() {
        StringBuilder sb = new StringBuilder();
        int depth = 200;
        for (int i = 0; i < depth; i++) {
            sb.append("{\"00081115\":{\"vr\":\"SQ\",\"Value\":[");
        }
        sb.append("{}");
        for (int i = 0; i < depth; i++) {
            sb.append("]}}");
        }
        DicomJsonException e = assertThrows(DicomJsonException.class, () -> reader.read(sb.toString()));
        assertTrue(e.getMessage().contains("nested deeper"), e.getMessage());
        assertEquals(1, reader.withMaxDepth(300).read(sb.toString()).size());
    }
}
