package org.hozon.dicomweb.qido;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Normalizes person-name text for matching. Ingest stores these forms in index columns and QIDO
 * applies the same function to query values, so both sides always agree.
 *
 * <ul>
 *   <li>{@link #literal}: the form for PN literal matching, which PS3.4 allows to ignore case and
 *       similar variation: Unicode NFKC (full-width ASCII to ASCII, half-width katakana to
 *       full-width, JIS wave dash variants unified) and locale-independent lower case.</li>
 *   <li>{@link #fuzzy}: {@code literal} plus dropping Latin accents and folding katakana to
 *       hiragana, for {@code fuzzymatching=true}.</li>
 * </ul>
 * Wildcard characters {@code *} and {@code ?} pass through unchanged (NFKC maps the full-width
 * forms {@code ＊ ？} to them, which is what a Japanese user typing them means).
 */
public final class NameNormalizer {
    private NameNormalizer() {
    }

    /** NFKC and lower case, trimmed. Null stays null. */
    public static String literal(String s) {
        if (s == null) {
            return null;
        }
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
    }

    /** {@link #literal} plus accent removal (Latin) and katakana-to-hiragana folding. Null stays null. */
    public static String fuzzy(String s) {
        if (s == null) {
            return null;
        }
        String t = literal(s);
        t = stripLatinAccents(t);
        return katakanaToHiragana(t);
    }

    /** Normalizes with {@link #fuzzy} or {@link #literal}. */
    public static String normalize(String s, boolean fuzzy) {
        return fuzzy ? fuzzy(s) : literal(s);
    }

    /**
     * Maps katakana U+30A1..U+30F6 to the hiragana at U+3041..U+3096; the prolonged sound mark and
     * other characters are unchanged.
     */
    public static String katakanaToHiragana(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\u30A1' && c <= '\u30F6') {
                if (sb == null) {
                    sb = new StringBuilder(s);
                }
                sb.setCharAt(i, (char) (c - 0x60));
            }
        }
        return sb == null ? s : sb.toString();
    }

    /**
     * Removes the combining diacritics U+0300..U+036F after canonical decomposition, so
     * {@code Müller} matches {@code Muller}. Kana voicing marks (U+3099, U+309A) are not in that
     * block and recompose, so {@code ダ} keeps its dakuten.
     */
    static String stripLatinAccents(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(d.length());
        boolean changed = false;
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (c >= '\u0300' && c <= '\u036F') {
                changed = true;
            } else {
                sb.append(c);
            }
        }
        return changed ? Normalizer.normalize(sb, Normalizer.Form.NFC) : s;
    }
}
