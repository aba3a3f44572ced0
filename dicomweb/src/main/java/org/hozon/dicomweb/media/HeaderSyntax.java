package org.hozon.dicomweb.media;

import java.util.ArrayList;
import java.util.List;

/**
 * HTTP header field syntax shared by media types and Accept lists (RFC 9110 §5.6): splitting on a
 * delimiter outside quoted strings, unquoting, and quoting values that are not tokens.
 */
final class HeaderSyntax {
    private HeaderSyntax() {
    }

    /** Splits {@code s} at every {@code delimiter} that is not inside a quoted string. */
    static List<String> split(String s, char delimiter) {
        List<String> out = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++; // the next character is escaped, whatever it is
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == delimiter) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    /** The value of a token or quoted-string; quoted and unquoted forms are equivalent (PS3.18 §8.7). */
    static String unquote(String v) {
        String s = v.trim();
        if (s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"') {
            StringBuilder sb = new StringBuilder(s.length());
            for (int i = 1; i < s.length() - 1; i++) {
                char c = s.charAt(i);
                if (c == '\\' && i + 1 < s.length() - 1) {
                    c = s.charAt(++i);
                }
                sb.append(c);
            }
            return sb.toString();
        }
        return s;
    }

    /** True if {@code s} is a non-empty RFC 9110 token. */
    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTokenChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isTokenChar(char c) {
        if (c <= 32 || c >= 127) {
            return false;
        }
        return "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }

    /** {@code value} as a token if it is one, otherwise as a quoted-string. */
    static String quoteIfNeeded(String value) {
        return isToken(value) ? value : quote(value);
    }

    /** {@code value} as a quoted-string. */
    static String quote(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }
}
