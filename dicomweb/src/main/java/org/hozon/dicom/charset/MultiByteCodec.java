package org.hozon.dicom.charset;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A multi-byte character set without code extensions (PS3.3 Table C.12-5): ISO_IR 192
 * (UTF-8), GB18030 and GBK. UTF-8 never uses bytes below 0x80 inside a character; GBK and
 * GB18030 do (their trail bytes include '\' and '^'), so delimiters are found by walking the
 * characters.
 */
final class MultiByteCodec implements TextCodec {
    private final Charset charset;
    private final boolean utf8;
    private final boolean gb18030;

    MultiByteCodec(Charset charset) {
        this.charset = charset;
        this.utf8 = charset.equals(StandardCharsets.UTF_8);
        this.gb18030 = charset.name().equals("GB18030");
    }

    @Override
    public String decode(byte[] b, int off, int len) {
        return new String(b, off, len, charset);
    }

    @Override
    public int nextDelimiter(byte[] b, int from, int end, boolean personName) {
        int i = from;
        while (i < end) {
            int x = b[i] & 0xFF;
            if (x == '\\' || personName && (x == '^' || x == '=')) {
                return i;
            }
            if (utf8 || x < 0x81 || x == 0xFF) {
                i++;
            } else if (gb18030 && i + 1 < end && b[i + 1] >= 0x30 && b[i + 1] <= 0x39) {
                i += 4; // GB18030 four-byte sequence: lead, digit, lead, digit
            } else {
                i += 2;
            }
        }
        return end;
    }

    @Override
    public void encode(String s, ByteArrayOutputStream out) {
        byte[] bytes = s.getBytes(charset);
        out.write(bytes, 0, bytes.length);
    }
}
