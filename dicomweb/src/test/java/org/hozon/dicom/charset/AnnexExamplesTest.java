package org.hozon.dicom.charset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The examples of PS3.5 Annexes H (Japanese), I (Korean), J (UTF-8, GB18030) and K (GB 2312),
 * byte for byte as the standard prints them: decoding gives the text, and encoding the text
 * gives the same bytes.
 */
class AnnexExamplesTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    private static void assertRoundTrip(SpecificCharacterSet cs, String text, byte[] bytes) {
        assertEquals(text, cs.decode(bytes, 0, bytes.length));
        assertEquals(HexFormat.of().formatHex(bytes), HexFormat.of().formatHex(cs.encode(text)));
    }

    @Test
    void h31JapaneseWithIso2022Ir87() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("", "ISO 2022 IR 87");
        byte[] bytes = hex("59 61 6D 61 64 61 5E 54 61 72 6F 75 3D"
                + "1B 24 42 3B 33 45 44 1B 28 42 5E 1B 24 42 42 40 4F 3A 1B 28 42 3D"
                + "1B 24 42 24 64 24 5E 24 40 1B 28 42 5E 1B 24 42 24 3F 24 6D 24 26 1B 28 42");
        assertRoundTrip(cs, "Yamada^Tarou=山田^太郎=やまだ^たろう", bytes);
        PersonName pn = cs.decodePersonNames(bytes, 0, bytes.length).get(0);
        assertEquals("Yamada", pn.get(PersonName.Group.ALPHABETIC, PersonName.Component.FAMILY));
        assertEquals("太郎", pn.get(PersonName.Group.IDEOGRAPHIC, PersonName.Component.GIVEN));
        // ま is 0x24 0x5E in JIS X 0208: its second byte is no component delimiter
        assertEquals("やまだ", pn.get(PersonName.Group.PHONETIC, PersonName.Component.FAMILY));
        assertEquals("たろう", pn.get(PersonName.Group.PHONETIC, PersonName.Component.GIVEN));
    }

    @Test
    void h32JapaneseWithIso2022Ir13AndIr87() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("ISO 2022 IR 13", "ISO 2022 IR 87");
        byte[] bytes = hex("D4 CF C0 DE 5E C0 DB B3 3D"
                + "1B 24 42 3B 33 45 44 1B 28 4A 5E 1B 24 42 42 40 4F 3A 1B 28 4A 3D"
                + "1B 24 42 24 64 24 5E 24 40 1B 28 4A 5E 1B 24 42 24 3F 24 6D 24 26 1B 28 4A");
        assertRoundTrip(cs, "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう", bytes);
        PersonName pn = cs.decodePersonNames(bytes, 0, bytes.length).get(0);
        assertEquals("ﾔﾏﾀﾞ^ﾀﾛｳ", pn.format(PersonName.Group.ALPHABETIC));
        assertEquals("山田^太郎", pn.format(PersonName.Group.IDEOGRAPHIC));
        assertEquals("やまだ^たろう", pn.format(PersonName.Group.PHONETIC));
    }

    @Test
    void i2KoreanWithIso2022Ir149() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("", "ISO 2022 IR 149");
        byte[] bytes = hex("48 6F 6E 67 5E 47 69 6C 64 6F 6E 67 3D"
                + "1B 24 29 43 FB F3 5E 1B 24 29 43 D1 CE D4 D7 3D"
                + "1B 24 29 43 C8 AB 5E 1B 24 29 43 B1 E6 B5 BF");
        assertRoundTrip(cs, "Hong^Gildong=洪^吉洞=홍^길동", bytes);
        assertEquals(PersonName.ofGroups("Hong^Gildong", "洪^吉洞", "홍^길동"),
                cs.decodePersonNames(bytes, 0, bytes.length).get(0));
    }

    @Test
    void i3KoreanLongTextDesignatesAgainAfterEachLine() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("", "ISO 2022 IR 149");
        String hangul = "C7 D1 B1 DB"; // 한글 in KS X 1001, GR
        byte[] bytes = hex("1B 24 29 43" + ascii("The first line includes ") + hangul + ascii(".\r\n")
                + "1B 24 29 43" + ascii("The second line includes ") + hangul + ascii(", too.\r\n")
                + ascii("The third line."));
        assertEquals("The first line includes 한글.\r\nThe second line includes 한글, too.\r\nThe third line.",
                cs.decode(bytes, 0, bytes.length));
        // After CR LF the initial state is back: without a new escape, GR bytes are not Hangul.
        byte[] noEscape = hex("1B 24 29 43" + hangul + ascii("\r\n") + hangul);
        assertEquals("한글\r\n\u00C7\u00D1\u00B1\u00DB", cs.decode(noEscape, 0, noEscape.length));
    }

    @Test
    void j1Utf8PersonName() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("ISO_IR 192");
        byte[] bytes = hex("57 61 6E 67 5E 58 69 61 6F 44 6F 6E 67 3D E7 8E 8B 5E E5 B0 8F E6 9D B1 3D");
        assertRoundTrip(cs, "Wang^XiaoDong=王^小東=", bytes);
        PersonName pn = cs.decodePersonNames(bytes, 0, bytes.length).get(0);
        assertEquals("小東", pn.get(PersonName.Group.IDEOGRAPHIC, PersonName.Component.GIVEN));
        assertEquals("Wang^XiaoDong=王^小東", pn.toString());
    }

    @Test
    void j2Utf8LongText() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("ISO_IR 192");
        String text = "The first line includes 中文.\r\nThe second line includes 中文, too.\r\nThe third line.";
        byte[] bytes = hex(ascii("The first line includes ") + "E4 B8 AD E6 96 87" + ascii(".\r\n")
                + ascii("The second line includes ") + "E4 B8 AD E6 96 87" + ascii(", too.\r\n")
                + ascii("The third line."));
        assertRoundTrip(cs, text, bytes);
    }

    @Test
    void j3Gb18030PersonName() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("GB18030");
        byte[] bytes = hex("57 61 6e 67 5e 58 69 61 6f 44 6f 6e 67 3d cd f5 5e d0 a1 b6 ab 3d");
        assertRoundTrip(cs, "Wang^XiaoDong=王^小东=", bytes);
        assertEquals(PersonName.ofGroups("Wang^XiaoDong", "王^小东", null),
                cs.decodePersonNames(bytes, 0, bytes.length).get(0));
    }

    @Test
    void k2ChineseWithIso2022Ir58() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("", "ISO 2022 IR 58");
        // as printed, with the trailing padding space
        byte[] padded = hex("5A 68 61 6E 67 5E 58 69 61 6F 44 6F 6E 67 3D 1B 24 29 41 D5 C5 5E"
                + "1B 24 29 41 D0 A1 B6 AB 3D 20");
        assertEquals("Zhang^XiaoDong=张^小东= ", cs.decode(padded, 0, padded.length));
        assertArrayEquals(java.util.Arrays.copyOf(padded, padded.length - 1), cs.encode("Zhang^XiaoDong=张^小东="));
        assertEquals(List.of(PersonName.ofGroups("Zhang^XiaoDong", "张^小东", "")),
                cs.decodePersonNames(padded, 0, padded.length));
    }

    private static String ascii(String s) {
        return HexFormat.of().formatHex(s.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
