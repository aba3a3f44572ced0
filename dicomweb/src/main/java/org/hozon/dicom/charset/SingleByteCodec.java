package org.hozon.dicom.charset;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A single-byte character set without code extensions: the default repertoire or one of the
 * ISO_IR terms of PS3.3 Table C.12-2, with G0 in the low half and G1 in the high half.
 * ISO_IR 100 and bytes that are plain ASCII take the JDK's Latin-1 string fast path.
 */
final class SingleByteCodec implements TextCodec {
    private final CodeElement g0;
    private final CodeElement g1;
    private final boolean latin1;
    private final char[] table = new char[256];

    /**
     * @param g0 {@link CodeElement#IR_6} or {@link CodeElement#IR_14}
     * @param g1 the set in the high half, or null for the default repertoire, whose high bytes
     *     are not valid but are read leniently as Latin-1 so nothing is lost
     */
    SingleByteCodec(CodeElement g0, CodeElement g1) {
        this.g0 = g0;
        this.g1 = g1;
        this.latin1 = g0 == CodeElement.IR_6 && (g1 == null || g1 == CodeElement.IR_100);
        for (int c = 0; c < 256; c++) {
            table[c] = (char) c;
        }
        for (int c = 0x21; c <= 0x7E; c++) {
            table[c] = g0.decode(c);
        }
        if (g1 != null) {
            int first = g1.kind == CodeElement.Kind.SB96 ? 0xA0 : 0xA1;
            int last = g1.kind == CodeElement.Kind.SB96 ? 0xFF : 0xFE;
            for (int c = first; c <= last; c++) {
                table[c] = g1.decode(c);
            }
        }
    }

    @Override
    public String decode(byte[] b, int off, int len) {
        if (latin1 || (g0 == CodeElement.IR_6 && isAscii(b, off, len))) {
            return new String(b, off, len, StandardCharsets.ISO_8859_1);
        }
        char[] out = new char[len];
        for (int i = 0; i < len; i++) {
            out[i] = table[b[off + i] & 0xFF];
        }
        return new String(out);
    }

    static boolean isAscii(byte[] b, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int nextDelimiter(byte[] b, int from, int end, boolean personName) {
        for (int i = from; i < end; i++) {
            byte x = b[i];
            if (x == '\\' || personName && (x == '^' || x == '=')) {
                return i;
            }
        }
        return end;
    }

    @Override
    public void encode(String s, ByteArrayOutputStream out) {
        if (g1 == CodeElement.IR_100 || g1 == null && isAscii(s)) {
            byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
            out.write(bytes, 0, bytes.length);
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            out.write(encode(s.charAt(i)));
        }
    }

    private int encode(char ch) {
        if (ch < 0x21 || ch == 0x7F) {
            return ch;
        }
        int code = g0.encode(ch);
        if (code >= 0) {
            return code;
        }
        if (g1 != null && (code = g1.encode(ch)) >= 0) {
            return code | 0x80;
        }
        if (ch < 0x7F) {
            return ch; // '\' and '~' under JIS X 0201 Romaji: keep the byte rather than lose it
        }
        return '?';
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
