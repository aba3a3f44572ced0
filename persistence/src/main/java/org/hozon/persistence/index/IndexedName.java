package org.hozon.persistence.index;

import org.hozon.dicomweb.qido.NameNormalizer;

/**
 * A person name as the index stores it: the value as received (groups separated by {@code =})
 * and, for matching, each group normalized by {@link NameNormalizer#literal} and all groups
 * together by {@link NameNormalizer#fuzzy}, words separated by single spaces and framed by
 * spaces (for component-prefix matching with {@code LIKE '% tar%'}).
 *
 * @param raw         the name as received, or null
 * @param alphabetic  normalized Alphabetic group, or null if empty
 * @param ideographic normalized Ideographic group, or null if empty
 * @param phonetic    normalized Phonetic group, or null if empty
 * @param fuzzy       fuzzy form of all groups, or null if the name is empty
 */
public record IndexedName(String raw, String alphabetic, String ideographic, String phonetic, String fuzzy) {

    /** No name. */
    public static final IndexedName NONE = new IndexedName(null, null, null, null, null);

    /**
     * @param raw a decoded PN value (may be null or empty)
     * @return its indexed forms
     */
    public static IndexedName of(String raw) {
        if (raw == null || raw.isBlank()) {
            return NONE;
        }
        String[] groups = raw.split("=", -1);
        String words = NameNormalizer.fuzzy(raw.replace('=', ' ').replace('^', ' '));
        String fuzzy = words.isBlank() ? null : " " + String.join(" ", words.trim().split("\\s+")) + " ";
        return new IndexedName(raw, group(groups, 0), group(groups, 1), group(groups, 2), fuzzy);
    }

    private static String group(String[] groups, int i) {
        if (i >= groups.length) {
            return null;
        }
        String s = NameNormalizer.literal(groups[i]);
        return s == null || s.isEmpty() ? null : s;
    }
}
