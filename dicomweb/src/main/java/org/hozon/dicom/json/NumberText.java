package org.hozon.dicom.json;

import java.nio.charset.StandardCharsets;

/**
 * Turns the text of an IS or DS value into a JSON number literal.
 *
 * <p>A Decimal String follows ANSI X3.9 (FORTRAN) and allows forms JSON does not: a leading
 * {@code +}, leading zeros ({@code 007}), a missing integer or fraction part ({@code .5},
 * {@code 1.}, {@code 1.E3}). These are rewritten textually to the equal JSON literal
 * ({@code 0.5}, {@code 1}, {@code 1E3}), keeping every significant digit: no conversion through
 * binary floating point. Text that is not a number at all yields {@code null}; the caller then
 * writes it as a JSON string, which PS3.18 Table F.2.3-1 allows for IS and DS.
 */
final class NumberText {
    private NumberText() {
    }

    /**
     * The JSON literal for {@code b[start, end)} (already trimmed of padding), or null if the text
     * is not a decimal number ({@code integer}: not an integer).
     */
    static String toJson(byte[] b, int start, int end, boolean integer, byte[] scratch) {
        int i = start;
        int n = 0;
        if (i < end && (b[i] == '+' || b[i] == '-')) {
            if (b[i] == '-') {
                scratch[n++] = '-';
            }
            i++;
        }
        // Integer part: skip leading zeros, keep one digit at least.
        int intStart = i;
        while (i < end && b[i] == '0') {
            i++;
        }
        int sigStart = i;
        while (i < end && isDigit(b[i])) {
            i++;
        }
        boolean hadIntDigits = i > intStart;
        if (i > sigStart) {
            n = copy(b, sigStart, i, scratch, n);
        } else {
            scratch[n++] = '0';
        }
        boolean hadFracDigits = false;
        if (i < end && b[i] == '.') {
            if (integer) {
                return null;
            }
            i++;
            int fracStart = i;
            while (i < end && isDigit(b[i])) {
                i++;
            }
            if (i > fracStart) {
                hadFracDigits = true;
                scratch[n++] = '.';
                n = copy(b, fracStart, i, scratch, n);
            }
        }
        if (!hadIntDigits && !hadFracDigits) {
            return null;
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            if (integer) {
                return null;
            }
            scratch[n++] = 'E';
            i++;
            if (i < end && (b[i] == '+' || b[i] == '-')) {
                scratch[n++] = b[i++];
            }
            int expStart = i;
            while (i < end && isDigit(b[i])) {
                i++;
            }
            if (i == expStart) {
                return null;
            }
            n = copy(b, expStart, i, scratch, n);
        }
        if (i != end) {
            return null;
        }
        return new String(scratch, 0, n, StandardCharsets.ISO_8859_1);
    }

    /** Longest literal {@link #toJson} can produce for an input of {@code length} bytes. */
    static int maxLength(int length) {
        return length + 2;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static int copy(byte[] b, int from, int to, byte[] out, int n) {
        int len = to - from;
        System.arraycopy(b, from, out, n, len);
        return n + len;
    }
}
