package org.hozon.dicom.charset;

import java.util.Arrays;
import java.util.Objects;

/**
 * One value of a PN (Person Name) element (PS3.5 §6.2.1): up to three component groups,
 * alphabetic, ideographic and phonetic, separated by '=', each of five components, family,
 * given, middle, prefix and suffix, separated by '^'. For example
 * {@code Yamada^Tarou=山田^太郎=やまだ^たろう}.
 *
 * <p>Immutable. Absent components are empty strings; leading and trailing spaces of a
 * component are not significant and are dropped. {@link #toString()} gives the DICOM form
 * with trailing empty components and groups omitted.
 */
public final class PersonName {
    /** The component groups, in the order they appear in a value. */
    public enum Group { ALPHABETIC, IDEOGRAPHIC, PHONETIC }

    /** The components of a group, in the order they appear. */
    public enum Component { FAMILY, GIVEN, MIDDLE, PREFIX, SUFFIX }

    /** The name with no components at all. */
    public static final PersonName EMPTY = new PersonName(new String[15]);

    private final String[] parts;

    private PersonName(String[] parts) {
        this.parts = new String[15];
        for (int i = 0; i < 15; i++) {
            this.parts[i] = parts[i] == null ? "" : parts[i].strip();
        }
    }

    /**
     * Parses a decoded value such as {@code Adams^John Robert Quincy^^Rev.^B.A. M.Div.}.
     * Groups beyond the third and components beyond the fifth are dropped. Only for text that
     * is already decoded; raw bytes go through {@link SpecificCharacterSet#decodePersonNames}.
     */
    public static PersonName parse(String value) {
        String[] parts = new String[15];
        String[] groups = value.split("=", -1);
        for (int g = 0; g < Math.min(3, groups.length); g++) {
            String[] components = groups[g].split("\\^", -1);
            for (int c = 0; c < Math.min(5, components.length); c++) {
                parts[g * 5 + c] = components[c];
            }
        }
        return new PersonName(parts);
    }

    /** A name from 15 parts: the five components of each group, groups in order; null = empty. */
    static PersonName of(String[] parts) {
        return new PersonName(parts);
    }

    /** A name from the DICOM form of each group (e.g. "Yamada^Tarou"); null or "" = absent. */
    public static PersonName ofGroups(String alphabetic, String ideographic, String phonetic) {
        String[] parts = new String[15];
        String[] groups = {alphabetic, ideographic, phonetic};
        for (int g = 0; g < 3; g++) {
            if (groups[g] != null) {
                String[] components = groups[g].split("\\^", -1);
                System.arraycopy(components, 0, parts, g * 5, Math.min(5, components.length));
            }
        }
        return new PersonName(parts);
    }

    /** One component; "" if absent. */
    public String get(Group group, Component component) {
        return parts[group.ordinal() * 5 + component.ordinal()];
    }

    /** A copy with one component replaced. */
    public PersonName with(Group group, Component component, String value) {
        String[] copy = parts.clone();
        copy[group.ordinal() * 5 + component.ordinal()] = value;
        return new PersonName(copy);
    }

    /** Whether the group has any non-empty component. */
    public boolean hasGroup(Group group) {
        for (int c = 0; c < 5; c++) {
            if (!parts[group.ordinal() * 5 + c].isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Whether every component is empty. */
    public boolean isEmpty() {
        return !hasGroup(Group.ALPHABETIC) && !hasGroup(Group.IDEOGRAPHIC) && !hasGroup(Group.PHONETIC);
    }

    /** The DICOM form of one group (components joined by '^', trailing empty ones omitted). */
    public String format(Group group) {
        int base = group.ordinal() * 5;
        int last = 4;
        while (last >= 0 && parts[base + last].isEmpty()) {
            last--;
        }
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c <= last; c++) {
            if (c > 0) {
                sb.append('^');
            }
            sb.append(parts[base + c]);
        }
        return sb.toString();
    }

    /** The DICOM form: groups joined by '=', trailing empty groups omitted. */
    @Override
    public String toString() {
        String[] groups = {format(Group.ALPHABETIC), format(Group.IDEOGRAPHIC), format(Group.PHONETIC)};
        int last = 2;
        while (last > 0 && groups[last].isEmpty()) {
            last--;
        }
        return String.join("=", Arrays.copyOf(groups, last + 1));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PersonName && Arrays.equals(parts, ((PersonName) o).parts);
    }

    @Override
    public int hashCode() {
        return Objects.hash((Object[]) parts);
    }
}
