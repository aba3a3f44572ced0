package org.hozon.dicom.charset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.hozon.dicom.Dataset;
import org.hozon.dicom.Tag;
import org.hozon.dicom.VR;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpecificCharacterSetTest {
    private static final SpecificCharacterSet JAPANESE = SpecificCharacterSet.valueOf("", "ISO 2022 IR 87");

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    private static String norm(String hex) {
        return hex.replace(" ", "").toLowerCase();
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    @Test
    void backslashAsSecondByteOfJisX0208IsNoValueDelimiter() {
        // 移 is JIS X 0208 0x305C
        byte[] b = hex("1B 24 42 30 5C 1B 28 42 5E 41 5C 42");
        assertEquals(List.of("移^A", "B"), JAPANESE.decodeValues(b, 0, b.length));
        assertEquals(hex(b), hex(JAPANESE.encodeValues(List.of("移^A", "B"))));
    }

    @Test
    void caretAndEqualsAsSecondByteOfJisX0208AreNoNameDelimiters() {
        // 表 is 0x493D ('=' second), 扶 is 0x495E ('^' second), 府 is 0x495C
        byte[] b = encodeValues(JAPANESE, "Omote^Fu=表^扶府", "B");
        List<PersonName> names = JAPANESE.decodePersonNames(b, 0, b.length);
        assertEquals(2, names.size());
        assertEquals(PersonName.ofGroups("Omote^Fu", "表^扶府", null), names.get(0));
        assertEquals("B", names.get(1).toString());
    }

    private static byte[] encodeValues(SpecificCharacterSet cs, String... values) {
        return cs.encodeValues(List.of(values));
    }

    @Test
    void gbkTrailBytesAreNoDelimiters() {
        // 乗 is GBK 0x815C, 乛 is 0x815E
        for (String term : new String[] {"GBK", "GB18030"}) {
            SpecificCharacterSet cs = SpecificCharacterSet.valueOf(term);
            byte[] b = cs.encodeValues(List.of("乗^乛", "x"));
            assertEquals("815c5e815e5c78", hex(b));
            assertEquals(List.of("乗^乛", "x"), cs.decodeValues(b, 0, b.length));
            assertEquals(PersonName.ofGroups("乗^乛", null, null), cs.decodePersonNames(b, 0, b.length).get(0));
        }
    }

    @Test
    void gb18030FourByteSequencesAreWalkedOver() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("GB18030");
        byte[] b = cs.encodeValues(List.of("\uD83D\uDE00^a", "b"));
        assertEquals("9439fc365e615c62", hex(b));
        assertEquals(List.of("\uD83D\uDE00^a", "b"), cs.decodeValues(b, 0, b.length));
    }

    @Test
    void jisX0212ViaIso2022Ir159() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("", "ISO 2022 IR 87", "ISO 2022 IR 159");
        byte[] b = cs.encode("Kanji^丂山");
        // 丂 is only in JIS X 0212 (0x3021); 山 is in JIS X 0208, listed first
        assertEquals(norm("4B616E6A69 5E 1B242844 3021 1B2442 3B33 1B2842"), hex(b));
        assertEquals("Kanji^丂山", cs.decode(b, 0, b.length));
    }

    @Test
    void singleByteSetsWithCodeExtensionsSwitchG1() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("ISO 2022 IR 100", "ISO 2022 IR 144");
        byte[] b = cs.encode("Jérôme^Иван");
        // value 1 puts Latin-1 in G1 from the start; Cyrillic needs ESC - L, and after '^'
        // the initial G1 would be active again for a decoder
        assertEquals(norm("4A E9 72 F4 6D 65 5E 1B 2D 4C B8 D2 D0 DD"), hex(b));
        assertEquals("Jérôme^Иван", cs.decode(b, 0, b.length));
        byte[] back = cs.encode("Иван^é");
        assertEquals(norm("1B 2D 4C B8 D2 D0 DD 5E 1B 2D 41 E9"), hex(back));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ISO_IR 100", "ISO_IR 101", "ISO_IR 109", "ISO_IR 110", "ISO_IR 144",
        "ISO_IR 127", "ISO_IR 126", "ISO_IR 138", "ISO_IR 148", "ISO_IR 203", "ISO_IR 166", "ISO_IR 13"})
    void everySingleByteSetRoundTripsItsCharacters(String term) {
        for (String t : new String[] {term, term.replace("ISO_IR", "ISO 2022 IR")}) {
            SpecificCharacterSet cs = SpecificCharacterSet.valueOf(t);
            ByteArrayOutputStream defined = new ByteArrayOutputStream();
            for (int c = 0x20; c < 0x100; c++) {
                if (c == 0x7F || c >= 0x80 && c < 0xA0 || c == 0x5C || c == '^' || c == '=') {
                    continue;
                }
                byte[] one = {(byte) c};
                if (cs.decode(one, 0, 1).charAt(0) != '\uFFFD') {
                    defined.write(c);
                }
            }
            byte[] all = defined.toByteArray();
            assertTrue(all.length > 140, t + " defines " + all.length);
            String text = cs.decode(all, 0, all.length);
            assertEquals(all.length, text.length());
            assertEquals(hex(all), hex(cs.encode(text)), t);
        }
    }

    @Test
    void isoIr13ReadsJisX0201RomajiAndKatakana() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("ISO_IR 13");
        byte[] b = hex("D4 CF C0 DE 5E C0 DB B3");
        assertEquals("ﾔﾏﾀﾞ^ﾀﾛｳ", cs.decode(b, 0, b.length));
        assertArrayEquals(b, cs.encode("ﾔﾏﾀﾞ^ﾀﾛｳ"));
        // PS3.5 H.1.1: in ISO-IR 14, 5/12 is YEN SIGN and 7/14 OVERLINE
        byte[] text = "C:\\a~".getBytes(StandardCharsets.US_ASCII);
        assertEquals("C:¥a‾", cs.decode(text, 0, text.length));
        assertArrayEquals(text, cs.encode("C:¥a‾"));
    }

    @Test
    void defaultRepertoire() {
        assertSame(SpecificCharacterSet.ASCII, SpecificCharacterSet.valueOf());
        assertSame(SpecificCharacterSet.ASCII, SpecificCharacterSet.valueOf(""));
        byte[] b = "A\\\\B\\".getBytes(StandardCharsets.US_ASCII);
        assertEquals(List.of("A", "", "B", ""), SpecificCharacterSet.ASCII.decodeValues(b, 0, b.length));
        assertEquals("M?ller", new String(SpecificCharacterSet.ASCII.encode("Müller"), StandardCharsets.US_ASCII));
        // bytes beyond ASCII are not valid here but are kept (read as Latin-1)
        assertEquals("Müller", SpecificCharacterSet.ASCII.decode(hex("4DFC6C6C6572"), 0, 6));
    }

    @Test
    void unknownTermsFallBackAndAreReported() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("ISO_IR 999");
        assertFalse(cs.isRecognized());
        assertEquals(List.of("ISO_IR 999"), cs.unrecognizedTerms());
        assertEquals("Buc^J\u00e9r\u00f4me", cs.decode(hex("4275635e4ae972f46d65"), 0, 10));

        SpecificCharacterSet mixed = SpecificCharacterSet.valueOf("", "ISO 2022 IR 87", "KLINGON");
        assertEquals(List.of("KLINGON"), mixed.unrecognizedTerms());
        byte[] b = JAPANESE.encode("山田");
        assertEquals("山田", mixed.decode(b, 0, b.length));
        assertTrue(JAPANESE.isRecognized());
    }

    @Test
    void termsAreReadLenientlyAndCached() {
        SpecificCharacterSet a = SpecificCharacterSet.valueOf("ISO_IR 100 ");
        assertSame(a, SpecificCharacterSet.valueOf("ISO_IR 100"));
        assertTrue(a.isRecognized());
        SpecificCharacterSet b = SpecificCharacterSet.valueOf("ISO-IR 144");
        assertTrue(b.isRecognized());
        assertEquals("Пётр", b.decode(hex("bff1e2e0"), 0, 4));
        // a single-byte term as value 1 with code extensions: treated as its ISO 2022 twin
        SpecificCharacterSet c = SpecificCharacterSet.valueOf("ISO_IR 100", "ISO 2022 IR 87");
        byte[] bytes = c.encode("é山");
        assertEquals(norm("E9 1B2442 3B33 1B2842"), hex(bytes));
        assertEquals("é山", c.decode(bytes, 0, bytes.length));
    }

    @Test
    void unencodableCharactersBecomeQuestionMarks() {
        assertEquals("?^A?", new String(JAPANESE.encode("한^A\uD83D\uDE00"), StandardCharsets.US_ASCII));
    }

    @Test
    void escapeSequencesOfOtherRegistersAreUnderstood() {
        // 7-bit katakana designated to G0 (ESC ( I), seen from some Japanese systems
        byte[] b = hex("1B 28 49 54 4F 1B 28 42 41");
        assertEquals("ﾔﾏA", JAPANESE.decode(b, 0, b.length));
        // an unknown escape sequence is kept as text, not dropped
        byte[] u = hex("1B 25 47 41");
        assertEquals("\u001B%GA", JAPANESE.decode(u, 0, u.length));
    }

    @Test
    void datasetUsesTheCharacterSet() {
        Dataset ds = new Dataset();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "", "ISO 2022 IR 87");
        ds.setString(Tag.PatientName, VR.PN, "Yamada^Tarou=山田^太郎=やまだ^たろう");
        assertEquals("Yamada^Tarou=山田^太郎=やまだ^たろう", ds.getString(Tag.PatientName));
        assertEquals(JAPANESE, ds.charset());
    }
}
