package org.hozon.dicomweb.qido;

import java.util.regex.Pattern;

/**
 * A wild card matching value (PS3.4 C.2.2.2.4): {@code *} matches any sequence of characters
 * (including none), {@code ?} exactly one character (one Unicode code point). There is no
 * escape: DICOM has no way to match a literal {@code *} or {@code ?}.
 */
public final class WildcardPattern {
    private final String text;
    private final Pattern regex;

    private WildcardPattern(String text) {
        this.text = text;
        StringBuilder sb = new StringBuilder();
        int literalStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' || c == '?') {
                if (i > literalStart) {
                    sb.append(Pattern.quote(text.substring(literalStart, i)));
                }
                sb.append(c == '*' ? ".*" : ".");
                literalStart = i + 1;
            }
        }
        if (literalStart < text.length()) {
            sb.append(Pattern.quote(text.substring(literalStart)));
        }
        this.regex = Pattern.compile(sb.toString(), Pattern.DOTALL);
    }

    public static WildcardPattern of(String text) {
        return new WildcardPattern(text);
    }

    /** True if {@code s} contains {@code *} or {@code ?}. */
    public static boolean hasWildcards(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0;
    }

    /** The pattern as given. */
    public String text() {
        return text;
    }

    /** True if the whole of {@code value} matches (case-sensitive; normalize both sides first for PN). */
    public boolean matches(String value) {
        return regex.matcher(value).matches();
    }

    /**
     * The pattern as a SQL {@code LIKE} pattern with {@code escape} as the escape character:
     * {@code *} becomes {@code %}, {@code ?} becomes {@code _}, and literal {@code %}, {@code _}
     * and {@code escape} are escaped. Use with {@code LIKE ? ESCAPE '<escape>'}.
     */
    public String toSqlLike(char escape) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*') {
                sb.append('%');
            } else if (c == '?') {
                sb.append('_');
            } else {
                if (c == '%' || c == '_' || c == escape) {
                    sb.append(escape);
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * The literal text before the first wild card, e.g. {@code Yama} for {@code Yama*}: an index
     * range scan can use it. Empty if the pattern starts with a wild card.
     */
    public String literalPrefix() {
        int i = 0;
        while (i < text.length() && text.charAt(i) != '*' && text.charAt(i) != '?') {
            i++;
        }
        return text.substring(0, i);
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WildcardPattern && ((WildcardPattern) o).text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
