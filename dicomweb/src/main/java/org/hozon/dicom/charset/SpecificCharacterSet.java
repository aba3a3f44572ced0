package org.hozon.dicom.charset;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * STUB (to be replaced by the full implementation): decodes and encodes text values per the
 * Specific Character Set (0008,0005). This stub knows only the default repertoire.
 */
public final class SpecificCharacterSet {
    /** The default character repertoire (ISO_IR 6). */
    public static final SpecificCharacterSet ASCII = new SpecificCharacterSet(new String[0]);

    private final String[] definedTerms;

    private SpecificCharacterSet(String[] definedTerms) {
        this.definedTerms = definedTerms;
    }

    /** The character set named by the values of (0008,0005); no values means the default. */
    public static SpecificCharacterSet valueOf(String... definedTerms) {
        return definedTerms.length == 0 ? ASCII : new SpecificCharacterSet(definedTerms.clone());
    }

    public String[] definedTerms() {
        return definedTerms.clone();
    }

    /** Decodes one value (no splitting on backslash). */
    public String decode(byte[] b, int off, int len) {
        return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }

    /** Decodes a multi-valued string, splitting on backslash on the raw bytes. */
    public List<String> decodeValues(byte[] b, int off, int len) {
        List<String> out = new ArrayList<>();
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\\') {
                out.add(decode(b, start, i - start));
                start = i + 1;
            }
        }
        out.add(decode(b, start, off + len - start));
        return out;
    }

    /** Encodes one value. */
    public byte[] encode(String value) {
        return value.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Encodes several values joined by backslashes (without padding). */
    public byte[] encodeValues(List<String> values) {
        return encode(String.join("\\", values));
    }
}
