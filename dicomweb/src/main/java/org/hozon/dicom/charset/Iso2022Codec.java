package org.hozon.dicom.charset;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * ISO/IEC 2022 code extensions as DICOM uses them (PS3.5 §6.1.2.5): escape sequences designate
 * sets to G0 (invoked in GL, bytes 0x21-0x7E) and G1 (invoked in GR, bytes 0xA1-0xFE); the
 * initial state comes from value 1 of (0008,0005) and is active again at the start of every
 * value and component and after CR, LF, FF and TAB.
 */
final class Iso2022Codec implements TextCodec {
    private static final int ESC = 0x1B;

    private final CodeElement initialG0;
    private final CodeElement initialG1;
    /** The sets (0008,0005) lists, in order: the encoder takes the first that holds a character. */
    private final CodeElement[] elements;

    /**
     * @param initialG0 the G0 set of value 1 (single-byte)
     * @param initialG1 the G1 set of value 1, or null
     * @param elements every set the terms name, in the order of the terms
     */
    Iso2022Codec(CodeElement initialG0, CodeElement initialG1, List<CodeElement> elements) {
        this.initialG0 = initialG0;
        this.initialG1 = initialG1;
        this.elements = elements.toArray(new CodeElement[0]);
    }

    private static boolean resetsState(int c) {
        return c == '\r' || c == '\n' || c == '\f' || c == '\t';
    }

    @Override
    public String decode(byte[] b, int off, int len) {
        int end = off + len;
        if (initialG0 == CodeElement.IR_6 && plainAscii(b, off, end)) {
            return new String(b, off, len, StandardCharsets.ISO_8859_1);
        }
        StringBuilder sb = new StringBuilder(len);
        CodeElement g0 = initialG0;
        CodeElement g1 = initialG1;
        boolean[] toG0 = new boolean[1];
        int i = off;
        while (i < end) {
            int c = b[i] & 0xFF;
            if (c == ESC) {
                int n = CodeElement.escapeLength(b, i, end);
                CodeElement e = n > 0 ? CodeElement.ofEscape(b, i, i + n, toG0) : null;
                if (e == null) {
                    sb.append((char) c); // not ours: keep it visible rather than guess
                    i++;
                } else {
                    if (toG0[0]) {
                        g0 = e;
                    } else {
                        g1 = e;
                    }
                    i += n;
                }
                continue;
            }
            if (c <= 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
                sb.append((char) c); // controls and SPACE mean the same in every state
                if (resetsState(c)) {
                    g0 = initialG0;
                    g1 = initialG1;
                }
                i++;
                continue;
            }
            CodeElement e = c < 0x80 ? g0 : g1;
            if (e == null) {
                sb.append((char) c); // GR with nothing in G1: read as Latin-1, lose nothing
                i++;
            } else if (!e.doubleByte()) {
                sb.append(e.decode(c));
                i++;
            } else if (i + 1 < end && sameHalf(c, b[i + 1] & 0xFF)) {
                sb.append(e.decode(c, b[i + 1]));
                i += 2;
            } else {
                sb.append('\uFFFD'); // half a two-byte character
                i++;
            }
        }
        return sb.toString();
    }

    private static boolean sameHalf(int c1, int c2) {
        return c1 < 0x80 ? c2 > 0x20 && c2 < 0x7F : c2 > 0xA0 && c2 < 0xFF;
    }

    private static boolean plainAscii(byte[] b, int off, int end) {
        for (int i = off; i < end; i++) {
            if (b[i] < 0 || b[i] == ESC) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int nextDelimiter(byte[] b, int from, int end, boolean personName) {
        boolean g0DoubleByte = initialG0.doubleByte();
        boolean[] toG0 = new boolean[1];
        int i = from;
        while (i < end) {
            int c = b[i] & 0xFF;
            if (c == ESC) {
                int n = CodeElement.escapeLength(b, i, end);
                CodeElement e = n > 0 ? CodeElement.ofEscape(b, i, i + n, toG0) : null;
                if (e != null && toG0[0]) {
                    g0DoubleByte = e.doubleByte();
                }
                i += n > 0 ? n : 1;
            } else if (resetsState(c)) {
                g0DoubleByte = initialG0.doubleByte();
                i++;
            } else if (g0DoubleByte && c > 0x20 && c < 0x7F) {
                i += 2; // both bytes of a JIS X 0208/0212 character, whatever they are
            } else if (c == '\\' || personName && (c == '^' || c == '=')) {
                return i;
            } else {
                i++;
            }
        }
        return end;
    }

    @Override
    public void encode(String s, ByteArrayOutputStream out) {
        CodeElement g0 = initialG0;
        CodeElement g1 = initialG1;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean delimiter = ch == '^' || ch == '=' || resetsState(ch);
            if (delimiter || ch == ' ' || ch < 0x20 || ch == 0x7F) {
                if (delimiter && g0 != initialG0) {
                    writeEscape(initialG0, out);
                    g0 = initialG0;
                }
                out.write(ch);
                if (delimiter) {
                    // The decoder is back in the initial state: a G1 set changed since must be
                    // designated again before its next use (PS3.5 Annex I and K examples).
                    g1 = g1 == initialG1 ? initialG1 : null;
                }
                continue;
            }
            int code = -1;
            CodeElement e = null;
            for (CodeElement candidate : elements) {
                if ((code = candidate.encode(ch)) >= 0) {
                    e = candidate;
                    break;
                }
            }
            if (e == null) {
                e = initialG0;
                code = ch < 0x7F ? ch : '?'; // e.g. '\' and '~' with JIS X 0201 Romaji only
            }
            if (e.g0 && g0 != e) {
                writeEscape(e, out);
                g0 = e;
            } else if (!e.g0 && g1 != e) {
                writeEscape(e, out);
                g1 = e;
            }
            int high = e.g0 ? 0 : 0x80;
            if (e.doubleByte()) {
                out.write((code >> 8) | high);
            }
            out.write((code & 0xFF) | high);
        }
        if (g0 != initialG0) {
            writeEscape(initialG0, out);
        }
    }

    private static void writeEscape(CodeElement e, ByteArrayOutputStream out) {
        byte[] esc = e.escape();
        out.write(esc, 0, esc.length);
    }
}
