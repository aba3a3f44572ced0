package org.hozon.dicom.charset;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decodes and encodes the values of SH, LO, ST, LT, UC, UT and PN elements per the Specific
 * Character Set (0008,0005) (PS3.3 C.12.1.1.2, PS3.5 §6.1.2): the default repertoire, the
 * single-byte ISO_IR sets, ISO_IR 192 (UTF-8), GB18030, GBK, and ISO/IEC 2022 code extensions
 * with escape sequences (Japanese, Korean, Chinese).
 *
 * <p>Values are split on backslash, and person names on '^' and '=', on the raw bytes and only
 * where the byte stands for itself: 0x5C is also a byte of many JIS X 0208 and GBK characters.
 * Each value and each person-name component is decoded from the initial state.
 *
 * <p>Unknown Defined Terms do not fail: they are left out (the default repertoire if nothing is
 * left) and reported by {@link #unrecognizedTerms()} so callers can warn. Bytes the character
 * set does not define are read as Latin-1 rather than dropped. Instances are immutable and
 * thread-safe; {@link #valueOf} caches them.
 */
public final class SpecificCharacterSet {
    /** The default character repertoire (ISO_IR 6). */
    public static final SpecificCharacterSet ASCII = new SpecificCharacterSet(
            new String[0], new SingleByteCodec(CodeElement.IR_6, null), List.of());

    private static final int CACHE_LIMIT = 256;
    private static final Map<List<String>, SpecificCharacterSet> CACHE = new ConcurrentHashMap<>();

    private final String[] definedTerms;
    private final TextCodec codec;
    private final List<String> unrecognized;

    private SpecificCharacterSet(String[] definedTerms, TextCodec codec, List<String> unrecognized) {
        this.definedTerms = definedTerms;
        this.codec = codec;
        this.unrecognized = unrecognized;
    }

    /**
     * The character set named by the values of (0008,0005), as they appear (padding is
     * ignored); no values, or one empty value, means the default repertoire.
     */
    public static SpecificCharacterSet valueOf(String... definedTerms) {
        String[] terms = new String[definedTerms.length];
        boolean allEmpty = true;
        for (int i = 0; i < terms.length; i++) {
            terms[i] = definedTerms[i] == null ? "" : definedTerms[i].strip();
            allEmpty &= terms[i].isEmpty();
        }
        if (allEmpty && terms.length <= 1) {
            return ASCII;
        }
        List<String> key = Arrays.asList(terms);
        SpecificCharacterSet cs = CACHE.get(key);
        if (cs == null) {
            cs = create(terms);
            if (CACHE.size() < CACHE_LIMIT) {
                CACHE.putIfAbsent(key, cs);
            }
        }
        return cs;
    }

    private static SpecificCharacterSet create(String[] terms) {
        List<String> unknown = new ArrayList<>();
        List<DefinedTerm> known = new ArrayList<>();
        for (int i = 0; i < terms.length; i++) {
            DefinedTerm t = terms[i].isEmpty() && i == 0 ? DefinedTerm.ISO_2022_IR_6 : DefinedTerm.of(terms[i]);
            if (t != null) {
                known.add(t);
            } else if (!terms[i].isEmpty()) {
                unknown.add(terms[i]);
            }
        }
        return new SpecificCharacterSet(terms, codecFor(known), Collections.unmodifiableList(unknown));
    }

    private static TextCodec codecFor(List<DefinedTerm> terms) {
        for (DefinedTerm t : terms) {
            if (t.multiByteWithoutExtensions()) {
                // These allow no other term (PS3.5 §6.1.2.4 note); if there are others, this wins.
                return new MultiByteCodec(t.charset());
            }
        }
        if (terms.isEmpty()) {
            return ASCII.codec;
        }
        DefinedTerm first = terms.get(0);
        if (terms.size() == 1 && !first.iso2022) {
            return new SingleByteCodec(first.g0, first.g1);
        }
        List<CodeElement> elements = new ArrayList<>();
        for (DefinedTerm t : terms) {
            t = t.withCodeExtensions(); // lenient: "ISO_IR 100\ISO 2022 IR 87" is seen in the wild
            if (t.g0 != null && !elements.contains(t.g0)) {
                elements.add(t.g0);
            }
            if (t.g1 != null && !elements.contains(t.g1)) {
                elements.add(t.g1);
            }
        }
        // Delimiters must be readable in the initial state, so G0 starts single-byte.
        CodeElement g0 = first.g0 != null && !first.g0.doubleByte() ? first.g0 : CodeElement.IR_6;
        if (!elements.contains(g0)) {
            elements.add(0, g0);
        }
        return new Iso2022Codec(g0, first.g1, elements);
    }

    /** The values of (0008,0005) this character set was made from. */
    public String[] definedTerms() {
        return definedTerms.clone();
    }

    /** The values of (0008,0005) that are not Defined Terms and were ignored; usually empty. */
    public List<String> unrecognizedTerms() {
        return unrecognized;
    }

    /** Whether every value of (0008,0005) was understood. */
    public boolean isRecognized() {
        return unrecognized.isEmpty();
    }

    /** Decodes one value (no splitting on backslash); CR, LF, FF and TAB reset the state. */
    public String decode(byte[] b, int off, int len) {
        return codec.decode(b, off, len);
    }

    /** Decodes a multi-valued string, splitting on backslash on the raw bytes. */
    public List<String> decodeValues(byte[] b, int off, int len) {
        List<String> out = new ArrayList<>();
        int end = off + len;
        int start = off;
        while (true) {
            int d = codec.nextDelimiter(b, start, end, false);
            out.add(codec.decode(b, start, d - start));
            if (d >= end) {
                return out;
            }
            start = d + 1;
        }
    }

    /**
     * Decodes a PN element: values split on backslash, component groups on '=' and components
     * on '^', all on the raw bytes, each component decoded from the initial state. Trailing
     * padding is dropped.
     */
    public List<PersonName> decodePersonNames(byte[] b, int off, int len) {
        List<PersonName> out = new ArrayList<>();
        int end = off + len;
        while (end > off && (b[end - 1] == ' ' || b[end - 1] == 0)) {
            end--;
        }
        String[] parts = new String[15];
        int group = 0;
        int component = 0;
        int start = off;
        while (true) {
            int d = codec.nextDelimiter(b, start, end, true);
            if (group < 3 && component < 5) {
                parts[group * 5 + component] = codec.decode(b, start, d - start);
            } // else: more groups or components than PN allows; dropped
            byte delimiter = d < end ? b[d] : (byte) '\\';
            if (delimiter == '^') {
                component++;
            } else if (delimiter == '=') {
                group++;
                component = 0;
            } else {
                out.add(PersonName.of(parts));
                if (d >= end) {
                    return out;
                }
                parts = new String[15];
                group = 0;
                component = 0;
            }
            start = d + 1;
        }
    }

    /** Encodes one value, with the escape sequences it needs, ending in the initial state. */
    public byte[] encode(String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length() + 8);
        codec.encode(value, out);
        return out.toByteArray();
    }

    /** Encodes several values joined by backslashes (without padding). */
    public byte[] encodeValues(List<String> values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * values.size());
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write('\\');
            }
            codec.encode(values.get(i), out);
        }
        return out.toByteArray();
    }

    /** Encodes person names, joined by backslashes (without padding). */
    public byte[] encodePersonNames(List<PersonName> names) {
        List<String> values = new ArrayList<>(names.size());
        for (PersonName pn : names) {
            values.add(pn.toString());
        }
        return encodeValues(values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpecificCharacterSet
                && Arrays.equals(definedTerms, ((SpecificCharacterSet) o).definedTerms);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(definedTerms);
    }

    @Override
    public String toString() {
        return definedTerms.length == 0 ? "ISO_IR 6" : String.join("\\", definedTerms);
    }
}
