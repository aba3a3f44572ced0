package org.hozon.dicomweb.qido;

import java.util.Arrays;
import java.util.List;

/**
 * A PN value split into its three component groups (Alphabetic, Ideographic, Phonetic;
 * separated by {@code =}) and each group into up to five components (family, given, middle,
 * prefix, suffix; separated by {@code ^}), PS3.5 §6.2.1. Works on decoded Unicode text: the
 * delimiters were recognized on raw bytes by the character-set decoder before.
 *
 * <p>Missing groups and components are empty strings; trailing empty components and spaces are
 * insignificant, so {@code Yamada^Tarou^^} and {@code Yamada^Tarou} are equal groups.
 */
public final class PersonName {
    /** Index of the Alphabetic (single-byte) group. */
    public static final int ALPHABETIC = 0;
    /** Index of the Ideographic group (e.g. kanji). */
    public static final int IDEOGRAPHIC = 1;
    /** Index of the Phonetic group (e.g. hiragana or katakana). */
    public static final int PHONETIC = 2;

    private final String[] groups = new String[3];

    private PersonName(String value) {
        String[] parts = value.split("=", -1);
        for (int g = 0; g < 3; g++) {
            groups[g] = g < parts.length ? canonicalGroup(parts[g]) : "";
        }
    }

    /** Parses one PN value (no backslash: one value of a possibly multi-valued element). */
    public static PersonName parse(String value) {
        return new PersonName(value);
    }

    /** True if the text has more than one group ({@code =} present). */
    public static boolean hasGroups(String value) {
        return value.indexOf('=') >= 0;
    }

    /** The group at {@code index} ({@link #ALPHABETIC}, {@link #IDEOGRAPHIC}, {@link #PHONETIC}), canonical form. */
    public String group(int index) {
        return groups[index];
    }

    public String alphabetic() {
        return groups[ALPHABETIC];
    }

    public String ideographic() {
        return groups[IDEOGRAPHIC];
    }

    public String phonetic() {
        return groups[PHONETIC];
    }

    /** The five components of a group (family, given, middle, prefix, suffix), empty where absent. */
    public List<String> components(int group) {
        String[] c = Arrays.copyOf(groups[group].split("\\^", -1), 5);
        for (int i = 0; i < 5; i++) {
            c[i] = c[i] == null ? "" : c[i].strip();
        }
        return List.of(c);
    }

    /** The non-empty groups as a list of at most three strings, in group order. */
    public List<String> nonEmptyGroups() {
        return Arrays.stream(groups).filter(s -> !s.isEmpty()).toList();
    }

    /** Group text with components stripped of padding and trailing empty components dropped. */
    static String canonicalGroup(String group) {
        String[] c = group.split("\\^", -1);
        int n = c.length;
        while (n > 0 && c[n - 1].isBlank()) {
            n--;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append('^');
            }
            sb.append(c[i].strip());
        }
        return sb.toString();
    }

    /** The canonical value: groups joined with {@code =}, trailing empty groups dropped. */
    @Override
    public String toString() {
        int n = 3;
        while (n > 1 && groups[n - 1].isEmpty()) {
            n--;
        }
        return String.join("=", Arrays.copyOf(groups, n));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PersonName && Arrays.equals(((PersonName) o).groups, groups);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(groups);
    }
}
