package org.hozon.dicom.charset;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;

/**
 * One graphic character set that ISO/IEC 2022 designates with an escape sequence (PS3.3
 * Tables C.12-2 to C.12-4, PS3.5 Annex H). Characters are addressed by their 7-bit code
 * (0x20..0x7F), whether the set is invoked into GL (G0) or GR (G1).
 *
 * <p>The code tables come from the JDK's charsets; they are built lazily, once per set, so
 * decoding and encoding are table look-ups without a {@link CharsetDecoder} per call.
 */
enum CodeElement {
    /** ISO 646 IRV, US-ASCII: the default repertoire (ESC ( B). */
    IR_6(Kind.SB94, true, 'B', null),
    /** JIS X 0201 Romaji (ESC ( J): ASCII with YEN SIGN at 5/12 and OVERLINE at 7/14. */
    IR_14(Kind.SB94, true, 'J', null),
    /** JIS X 0201 Katakana (ESC ) I). */
    IR_13(Kind.SB94, false, 'I', "JIS_X0201"),
    IR_100(Kind.SB96, false, 'A', "ISO-8859-1"),
    IR_101(Kind.SB96, false, 'B', "ISO-8859-2"),
    IR_109(Kind.SB96, false, 'C', "ISO-8859-3"),
    IR_110(Kind.SB96, false, 'D', "ISO-8859-4"),
    IR_144(Kind.SB96, false, 'L', "ISO-8859-5"),
    IR_127(Kind.SB96, false, 'G', "ISO-8859-6"),
    IR_126(Kind.SB96, false, 'F', "ISO-8859-7"),
    IR_138(Kind.SB96, false, 'H', "ISO-8859-8"),
    IR_148(Kind.SB96, false, 'M', "ISO-8859-9"),
    IR_203(Kind.SB96, false, 'b', "ISO-8859-15"),
    IR_166(Kind.SB96, false, 'T', "TIS-620"),
    /** JIS X 0208 (ESC $ B), read through EUC-JP. */
    IR_87(Kind.DB94, true, 'B', "EUC-JP"),
    /** JIS X 0212 (ESC $ ( D), read through EUC-JP's SS3 plane (the JDK has no x-JIS0212). */
    IR_159(Kind.DB94, true, 'D', "EUC-JP"),
    /** KS X 1001 (ESC $ ) C), read through EUC-KR. */
    IR_149(Kind.DB94, false, 'C', "EUC-KR"),
    /** GB 2312 (ESC $ ) A), read through EUC-CN. */
    IR_58(Kind.DB94, false, 'A', "GB2312");

    /** The structure of a set: 94 or 96 single-byte characters, or 94x94 two-byte ones. */
    enum Kind { SB94, SB96, DB94 }

    static final byte ESC = 0x1B;
    private static final char UNMAPPED = '\uFFFD';

    final Kind kind;
    /** Whether DICOM designates this set to G0 (GL); otherwise to G1 (GR). */
    final boolean g0;
    final char finalByte;
    private final String tableCharset;
    private final byte[] escape;
    private volatile Tables tables;

    CodeElement(Kind kind, boolean g0, char finalByte, String tableCharset) {
        this.kind = kind;
        this.g0 = g0;
        this.finalByte = finalByte;
        this.tableCharset = tableCharset;
        this.escape = designation(kind, g0, finalByte);
    }

    boolean doubleByte() {
        return kind == Kind.DB94;
    }

    /** The escape sequence designating this set to the register DICOM uses for it. */
    byte[] escape() {
        return escape;
    }

    private static byte[] designation(Kind kind, boolean g0, char f) {
        switch (kind) {
            case SB94: return new byte[] {ESC, (byte) (g0 ? '(' : ')'), (byte) f};
            case SB96: return new byte[] {ESC, '-', (byte) f};
            default:
                if (g0 && (f == '@' || f == 'A' || f == 'B')) {
                    return new byte[] {ESC, '$', (byte) f}; // ISO 2022 omits '(' for these three
                }
                return new byte[] {ESC, '$', (byte) (g0 ? '(' : ')'), (byte) f};
        }
    }

    /**
     * The set an escape sequence designates, and to which register, or null if it is not one
     * of ours. Returns the element; {@code g0Out[0]} tells the register.
     */
    static CodeElement ofEscape(byte[] b, int off, int end, boolean[] g0Out) {
        int n = end - off;
        if (n < 3 || b[off] != ESC) {
            return null;
        }
        byte i1 = b[off + 1];
        if (i1 == '$') {
            byte i2 = b[off + 2];
            if (i2 == '(' || i2 == ')') {
                if (n < 4) {
                    return null;
                }
                g0Out[0] = i2 == '(';
                return find(Kind.DB94, (char) b[off + 3]);
            }
            g0Out[0] = true;
            return find(Kind.DB94, (char) i2);
        }
        if (i1 == '(' || i1 == ')') {
            g0Out[0] = i1 == '(';
            return find(Kind.SB94, (char) b[off + 2]);
        }
        if (i1 == '-') {
            g0Out[0] = false;
            return find(Kind.SB96, (char) b[off + 2]);
        }
        return null;
    }

    /** The length of the escape sequence at {@code off}: ESC, intermediates 0x20-0x2F, final. */
    static int escapeLength(byte[] b, int off, int end) {
        int i = off + 1;
        while (i < end && b[i] >= 0x20 && b[i] <= 0x2F) {
            i++;
        }
        return i < end && b[i] >= 0x30 && b[i] <= 0x7E ? i + 1 - off : -1;
    }

    private static CodeElement find(Kind kind, char f) {
        for (CodeElement e : values()) {
            if (e.kind == kind && e.finalByte == f) {
                return e;
            }
        }
        return null;
    }

    /** The character of a single-byte set at 7-bit code {@code c} (0x20..0x7F), or U+FFFD. */
    char decode(int c) {
        return tables().single[c & 0x7F];
    }

    /** The character of a two-byte set at 7-bit codes {@code c1, c2}, or U+FFFD. */
    char decode(int c1, int c2) {
        c1 &= 0x7F;
        c2 &= 0x7F;
        if (c1 < 0x21 || c1 > 0x7E || c2 < 0x21 || c2 > 0x7E) {
            return UNMAPPED;
        }
        return tables().dbcs[(c1 - 0x21) * 94 + c2 - 0x21];
    }

    /**
     * The 7-bit code of {@code ch} in this set (one byte, or two as {@code c1 << 8 | c2}),
     * or -1 if the set does not hold it.
     */
    int encode(char ch) {
        int code = tables().reverse()[ch];
        return code == 0 ? -1 : code;
    }

    private Tables tables() {
        Tables t = tables;
        if (t == null) {
            synchronized (this) {
                t = tables;
                if (t == null) {
                    t = new Tables(this);
                    tables = t;
                }
            }
        }
        return t;
    }

    /** Decode table built at first use; the reverse table only when something is encoded. */
    private static final class Tables {
        final char[] single;
        final char[] dbcs;
        private volatile char[] reverse;

        Tables(CodeElement e) {
            if (e.doubleByte()) {
                single = null;
                dbcs = buildDoubleByte(e);
            } else {
                dbcs = null;
                single = buildSingleByte(e);
            }
        }

        char[] reverse() {
            char[] r = reverse;
            if (r == null) {
                r = new char[0x10000];
                if (dbcs != null) {
                    for (int k = dbcs.length - 1; k >= 0; k--) {
                        char ch = dbcs[k];
                        if (ch != UNMAPPED) {
                            r[ch] = (char) ((k / 94 + 0x21) << 8 | (k % 94 + 0x21));
                        }
                    }
                } else {
                    for (int c = 0x7F; c >= 0x20; c--) {
                        char ch = single[c];
                        if (ch != UNMAPPED && r[ch] == 0) {
                            r[ch] = (char) c;
                        }
                    }
                }
                reverse = r;
            }
            return r;
        }

        private static char[] buildSingleByte(CodeElement e) {
            char[] t = new char[128];
            java.util.Arrays.fill(t, UNMAPPED);
            if (e == IR_6 || e == IR_14) {
                for (int c = 0x21; c <= 0x7E; c++) {
                    t[c] = (char) c;
                }
                if (e == IR_14) {
                    t[0x5C] = '\u00A5';
                    t[0x7E] = '\u203E';
                }
                return t;
            }
            CharsetDecoder d = decoder(e.tableCharset);
            int first = e.kind == Kind.SB96 ? 0x20 : 0x21;
            int last = e.kind == Kind.SB96 ? 0x7F : 0x7E;
            for (int c = first; c <= last; c++) {
                t[c] = decodeOne(d, new byte[] {(byte) (c | 0x80)});
            }
            return t;
        }

        private static char[] buildDoubleByte(CodeElement e) {
            char[] t = new char[94 * 94];
            CharsetDecoder d = decoder(e.tableCharset);
            for (int c1 = 0; c1 < 94; c1++) {
                for (int c2 = 0; c2 < 94; c2++) {
                    byte b1 = (byte) (0xA1 + c1);
                    byte b2 = (byte) (0xA1 + c2);
                    byte[] euc = e == IR_159 ? new byte[] {(byte) 0x8F, b1, b2} : new byte[] {b1, b2};
                    t[c1 * 94 + c2] = decodeOne(d, euc);
                }
            }
            return t;
        }

        private static CharsetDecoder decoder(String charset) {
            return Charset.forName(charset).newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }

        /** One character from one coded sequence, or U+FFFD if the table does not map it. */
        private static char decodeOne(CharsetDecoder d, byte[] seq) {
            try {
                CharBuffer cb = d.reset().decode(ByteBuffer.wrap(seq));
                return cb.length() == 1 ? cb.charAt(0) : UNMAPPED;
            } catch (CharacterCodingException ex) {
                return UNMAPPED;
            }
        }
    }
}
