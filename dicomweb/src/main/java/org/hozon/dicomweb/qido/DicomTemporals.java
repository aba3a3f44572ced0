package org.hozon.dicomweb.qido;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;

/**
 * Parses DA, TM and DT values (PS3.5 Table 6.2-1) into java.time values. Partial precision is
 * kept as an interval: {@code 1030} is 10:30:00 to 10:30:59.999999; {@code lower} selects which
 * end is returned. Values are strict (no legacy {@code HH:MM:SS} or {@code YYYY.MM.DD} forms).
 *
 * <p>All methods throw {@link DateTimeException} for values that are not valid.
 */
final class DicomTemporals {
    private static final long MAX_MICROS = 999_999;

    private DicomTemporals() {
    }

    /** {@code YYYYMMDD}. */
    static LocalDate parseDate(String s) {
        if (s.length() != 8 || !digits(s, 0, 8)) {
            throw new DateTimeException("not a date (YYYYMMDD): '" + s + "'");
        }
        return LocalDate.of(num(s, 0, 4), num(s, 4, 6), num(s, 6, 8));
    }

    /** {@code HH[MM[SS[.F{1,6}]]]}; the start ({@code lower}) or end of the interval it names. */
    static LocalTime parseTime(String s, boolean lower) {
        int n = s.length();
        int dot = s.indexOf('.');
        int whole = dot < 0 ? n : dot;
        if (whole != 2 && whole != 4 && whole != 6 || !digits(s, 0, whole)
                || dot >= 0 && (whole != 6 || n - dot - 1 < 1 || n - dot - 1 > 6 || !digits(s, dot + 1, n))) {
            throw new DateTimeException("not a time (HH[MM[SS[.FFFFFF]]]): '" + s + "'");
        }
        int hour = num(s, 0, 2);
        int minute = whole >= 4 ? num(s, 2, 4) : lower ? 0 : 59;
        int second = whole >= 6 ? num(s, 4, 6) : lower ? 0 : 59;
        long micros = fractionMicros(s, dot, n, lower);
        if (second == 60) {
            // A leap second: keep it within the last second of the minute.
            second = 59;
            micros = MAX_MICROS;
        }
        return LocalTime.of(hour, minute, second, (int) micros * 1000);
    }

    /**
     * {@code YYYY[MM[DD[HH[MM[SS[.F{1,6}]]]]]][&ZZXX]}: an {@link OffsetDateTime} if an offset is
     * given, else a {@link LocalDateTime}. A space in place of {@code +} is accepted because a
     * form-decoding layer may have turned an unescaped {@code +} into a space.
     */
    static Temporal parseDateTime(String s, boolean lower) {
        int n = s.length();
        ZoneOffset offset = null;
        if (n >= 5 && (s.charAt(n - 5) == '+' || s.charAt(n - 5) == '-' || s.charAt(n - 5) == ' ')) {
            if (!digits(s, n - 4, n)) {
                throw new DateTimeException("not a UTC offset (&ZZXX): '" + s + "'");
            }
            int hours = num(s, n - 4, n - 2);
            int minutes = num(s, n - 2, n);
            if (minutes > 59 || hours * 60 + minutes > 14 * 60) {
                throw new DateTimeException("UTC offset out of range: '" + s + "'");
            }
            int sign = s.charAt(n - 5) == '-' ? -1 : 1;
            offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
            n -= 5;
        }
        int dot = s.lastIndexOf('.', n - 1);
        int whole = dot < 0 ? n : dot;
        if (whole < 4 || whole > 14 || (whole & 1) != 0 || !digits(s, 0, whole)
                || dot >= 0 && (whole != 14 || n - dot - 1 < 1 || n - dot - 1 > 6 || !digits(s, dot + 1, n))) {
            throw new DateTimeException("not a date-time (YYYYMMDDHHMMSS.FFFFFF&ZZXX): '" + s + "'");
        }
        int year = num(s, 0, 4);
        int month = whole >= 6 ? num(s, 4, 6) : lower ? 1 : 12;
        LocalDate date = whole >= 8 ? LocalDate.of(year, month, num(s, 6, 8))
                : lower ? LocalDate.of(year, month, 1)
                : LocalDate.of(year, month, 1).plusMonths(1).minusDays(1);
        int hour = whole >= 10 ? num(s, 8, 10) : lower ? 0 : 23;
        int minute = whole >= 12 ? num(s, 10, 12) : lower ? 0 : 59;
        int second = whole >= 14 ? num(s, 12, 14) : lower ? 0 : 59;
        long micros = fractionMicros(s, dot, n, lower);
        if (second == 60) {
            second = 59;
            micros = MAX_MICROS;
        }
        LocalDateTime dt = LocalDateTime.of(date, LocalTime.of(hour, minute, second, (int) micros * 1000));
        return offset != null ? OffsetDateTime.of(dt, offset) : dt;
    }

    /** True if {@code s} parses as a DT value (used to resolve '-' in DT ranges). */
    static boolean isDateTime(String s) {
        try {
            parseDateTime(s, true);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static long fractionMicros(String s, int dot, int end, boolean lower) {
        if (dot < 0) {
            return lower ? 0 : MAX_MICROS;
        }
        int digits = end - dot - 1;
        long value = num(s, dot + 1, end);
        long scale = 1;
        for (int i = digits; i < 6; i++) {
            scale *= 10;
        }
        return lower ? value * scale : (value + 1) * scale - 1;
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int num(String s, int from, int to) {
        return Integer.parseInt(s, from, to, 10);
    }
}
