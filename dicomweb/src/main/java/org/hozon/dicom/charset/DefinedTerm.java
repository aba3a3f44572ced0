package org.hozon.dicom.charset;

import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Defined Terms of Specific Character Set (0008,0005), PS3.3 C.12.1.1.2 Tables C.12-2
 * (single-byte without code extensions), C.12-3 (single-byte with code extensions), C.12-4
 * (multi-byte with code extensions) and C.12-5 (multi-byte without code extensions).
 */
enum DefinedTerm {
    ISO_IR_6("ISO_IR 6", false, CodeElement.IR_6, null, null),
    ISO_IR_100("ISO_IR 100", false, CodeElement.IR_6, CodeElement.IR_100, null),
    ISO_IR_101("ISO_IR 101", false, CodeElement.IR_6, CodeElement.IR_101, null),
    ISO_IR_109("ISO_IR 109", false, CodeElement.IR_6, CodeElement.IR_109, null),
    ISO_IR_110("ISO_IR 110", false, CodeElement.IR_6, CodeElement.IR_110, null),
    ISO_IR_144("ISO_IR 144", false, CodeElement.IR_6, CodeElement.IR_144, null),
    ISO_IR_127("ISO_IR 127", false, CodeElement.IR_6, CodeElement.IR_127, null),
    ISO_IR_126("ISO_IR 126", false, CodeElement.IR_6, CodeElement.IR_126, null),
    ISO_IR_138("ISO_IR 138", false, CodeElement.IR_6, CodeElement.IR_138, null),
    ISO_IR_148("ISO_IR 148", false, CodeElement.IR_6, CodeElement.IR_148, null),
    ISO_IR_203("ISO_IR 203", false, CodeElement.IR_6, CodeElement.IR_203, null),
    ISO_IR_13("ISO_IR 13", false, CodeElement.IR_14, CodeElement.IR_13, null),
    ISO_IR_166("ISO_IR 166", false, CodeElement.IR_6, CodeElement.IR_166, null),

    ISO_2022_IR_6("ISO 2022 IR 6", true, CodeElement.IR_6, null, null),
    ISO_2022_IR_100("ISO 2022 IR 100", true, CodeElement.IR_6, CodeElement.IR_100, null),
    ISO_2022_IR_101("ISO 2022 IR 101", true, CodeElement.IR_6, CodeElement.IR_101, null),
    ISO_2022_IR_109("ISO 2022 IR 109", true, CodeElement.IR_6, CodeElement.IR_109, null),
    ISO_2022_IR_110("ISO 2022 IR 110", true, CodeElement.IR_6, CodeElement.IR_110, null),
    ISO_2022_IR_144("ISO 2022 IR 144", true, CodeElement.IR_6, CodeElement.IR_144, null),
    ISO_2022_IR_127("ISO 2022 IR 127", true, CodeElement.IR_6, CodeElement.IR_127, null),
    ISO_2022_IR_126("ISO 2022 IR 126", true, CodeElement.IR_6, CodeElement.IR_126, null),
    ISO_2022_IR_138("ISO 2022 IR 138", true, CodeElement.IR_6, CodeElement.IR_138, null),
    ISO_2022_IR_148("ISO 2022 IR 148", true, CodeElement.IR_6, CodeElement.IR_148, null),
    ISO_2022_IR_203("ISO 2022 IR 203", true, CodeElement.IR_6, CodeElement.IR_203, null),
    ISO_2022_IR_13("ISO 2022 IR 13", true, CodeElement.IR_14, CodeElement.IR_13, null),
    ISO_2022_IR_166("ISO 2022 IR 166", true, CodeElement.IR_6, CodeElement.IR_166, null),
    ISO_2022_IR_87("ISO 2022 IR 87", true, CodeElement.IR_87, null, null),
    ISO_2022_IR_159("ISO 2022 IR 159", true, CodeElement.IR_159, null, null),
    ISO_2022_IR_149("ISO 2022 IR 149", true, null, CodeElement.IR_149, null),
    ISO_2022_IR_58("ISO 2022 IR 58", true, null, CodeElement.IR_58, null),

    ISO_IR_192("ISO_IR 192", false, null, null, "UTF-8"),
    GB18030("GB18030", false, null, null, "GB18030"),
    GBK("GBK", false, null, null, "GBK");

    private static final Map<String, DefinedTerm> BY_TERM = new HashMap<>();

    static {
        for (DefinedTerm t : values()) {
            BY_TERM.put(t.term, t);
        }
    }

    final String term;
    /** Whether the term is one of the "ISO 2022 ..." terms of code extension. */
    final boolean iso2022;
    /** The set the term puts in G0, or null. */
    final CodeElement g0;
    /** The set the term puts in G1, or null. */
    final CodeElement g1;
    /** For the multi-byte terms without code extensions, the JDK charset; else null. */
    private final String charsetName;

    DefinedTerm(String term, boolean iso2022, CodeElement g0, CodeElement g1, String charsetName) {
        this.term = term;
        this.iso2022 = iso2022;
        this.g0 = g0;
        this.g1 = g1;
        this.charsetName = charsetName;
    }

    boolean multiByteWithoutExtensions() {
        return charsetName != null;
    }

    Charset charset() {
        return Charset.forName(charsetName);
    }

    /** The ISO 2022 term for the same sets (ISO_IR 100 gives ISO 2022 IR 100). */
    DefinedTerm withCodeExtensions() {
        return iso2022 || charsetName != null ? this : of("ISO 2022 IR " + term.substring(7));
    }

    /**
     * The Defined Term a value of (0008,0005) names, or null. Padding and case are ignored, and
     * the common misspellings with '-' or '_' for the blanks ("ISO-IR 100", "ISO_IR_100") too.
     */
    static DefinedTerm of(String value) {
        String v = value.strip().toUpperCase(Locale.ROOT);
        DefinedTerm t = BY_TERM.get(v);
        if (t != null) {
            return t;
        }
        String spaced = v.replace('_', ' ').replace('-', ' ');
        if (spaced.startsWith("ISO IR ")) {
            return BY_TERM.get("ISO_IR " + spaced.substring(7).strip());
        }
        if (spaced.startsWith("ISO 2022 IR ")) {
            return BY_TERM.get("ISO 2022 IR " + spaced.substring(12).strip());
        }
        return null;
    }
}
