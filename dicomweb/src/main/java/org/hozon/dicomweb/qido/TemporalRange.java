package org.hozon.dicomweb.qido;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;

import org.hozon.dicom.VR;

/**
 * An inclusive range of DA, TM or DT values (PS3.4 C.2.2.2.5), with typed bounds; a null bound
 * is open. Bounds are {@link LocalDate} (DA), {@link LocalTime} (TM), and {@link LocalDateTime}
 * or {@link OffsetDateTime} (DT, the latter when the query gave a UTC offset).
 *
 * <p>Partial precision widens the bounds: {@code StudyTime=10-1030} is 10:00:00.000000 to
 * 10:30:59.999999, and a single value {@code 1030} is the range 10:30:00 to 10:30:59.999999.
 *
 * @param vr DA, TM or DT
 * @param lower the first value in range, or null for an open start
 * @param upper the last value in range, or null for an open end
 */
public record TemporalRange(VR vr, Temporal lower, Temporal upper) {

    public TemporalRange {
        if (vr != VR.DA && vr != VR.TM && vr != VR.DT) {
            throw new IllegalArgumentException("not a temporal VR: " + vr);
        }
        if (lower == null && upper == null) {
            throw new IllegalArgumentException("a range needs at least one bound");
        }
    }

    /**
     * Parses one range or single value ({@code a-b}, {@code a-}, {@code -b} or {@code a}) of the
     * given VR. For DT, where {@code -} also starts a negative UTC offset, the split that leaves
     * two valid values is taken; a whole value with an offset ({@code 20200101-0500}) is a
     * single value.
     *
     * @throws DateTimeException if the text is not a valid value or range
     */
    public static TemporalRange parse(VR vr, String text) {
        if (text.equals("-")) {
            throw new DateTimeException("'-' alone is not a range: give at least one end");
        }
        if (vr == VR.DT) {
            return parseDateTimeRange(text);
        }
        int dash = text.indexOf('-');
        if (dash < 0) {
            return new TemporalRange(vr, bound(vr, text, true), bound(vr, text, false));
        }
        if (text.indexOf('-', dash + 1) >= 0) {
            throw new DateTimeException("more than one '-' in range '" + text + "'");
        }
        return ordered(vr, text.substring(0, dash), text.substring(dash + 1), text);
    }

    private static TemporalRange parseDateTimeRange(String text) {
        if (DicomTemporals.isDateTime(text)) {
            return new TemporalRange(VR.DT, bound(VR.DT, text, true), bound(VR.DT, text, false));
        }
        List<Integer> splits = new ArrayList<>();
        for (int i = text.indexOf('-'); i >= 0; i = text.indexOf('-', i + 1)) {
            String left = text.substring(0, i);
            String right = text.substring(i + 1);
            if ((left.isEmpty() || DicomTemporals.isDateTime(left))
                    && (right.isEmpty() || DicomTemporals.isDateTime(right))) {
                splits.add(i);
            }
        }
        if (splits.size() != 1) {
            throw new DateTimeException(splits.isEmpty()
                    ? "not a date-time or date-time range: '" + text + "'"
                    : "ambiguous date-time range: '" + text + "'");
        }
        int i = splits.get(0);
        return ordered(VR.DT, text.substring(0, i), text.substring(i + 1), text);
    }

    private static TemporalRange ordered(VR vr, String from, String to, String text) {
        Temporal lower = from.isEmpty() ? null : bound(vr, from, true);
        Temporal upper = to.isEmpty() ? null : bound(vr, to, false);
        if (lower != null && upper != null && compare(lower, upper) > 0) {
            throw new DateTimeException("range start after its end: '" + text + "'"
                    + (vr == VR.TM ? " (ranges crossing midnight are not supported)" : ""));
        }
        return new TemporalRange(vr, lower, upper);
    }

    private static Temporal bound(VR vr, String s, boolean lower) {
        switch (vr) {
            case DA: return DicomTemporals.parseDate(s);
            case TM: return DicomTemporals.parseTime(s, lower);
            default: return DicomTemporals.parseDateTime(s, lower);
        }
    }

    /**
     * Tests a stored value (its start, if it has partial precision) against this range. A DT
     * compares as instants when both sides carry an offset, else as local date-times.
     */
    public boolean contains(Temporal value) {
        return (lower == null || compare(lower, value) <= 0) && (upper == null || compare(value, upper) <= 0);
    }

    /**
     * Parses a stored value of this range's VR (the start of its interval) and tests it.
     * Returns false if the stored value is not valid.
     */
    public boolean containsValue(String stored) {
        try {
            return contains(bound(vr, stored, true));
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** True if both ends are given. */
    public boolean isClosed() {
        return lower != null && upper != null;
    }

    static int compare(Temporal a, Temporal b) {
        if (a instanceof LocalDate && b instanceof LocalDate) {
            return ((LocalDate) a).compareTo((LocalDate) b);
        }
        if (a instanceof LocalTime && b instanceof LocalTime) {
            return ((LocalTime) a).compareTo((LocalTime) b);
        }
        if (a instanceof OffsetDateTime && b instanceof OffsetDateTime) {
            return ((OffsetDateTime) a).toInstant().compareTo(((OffsetDateTime) b).toInstant());
        }
        return local(a).compareTo(local(b));
    }

    private static LocalDateTime local(Temporal t) {
        if (t instanceof LocalDateTime) {
            return (LocalDateTime) t;
        }
        if (t instanceof OffsetDateTime) {
            return ((OffsetDateTime) t).toLocalDateTime();
        }
        if (t instanceof LocalDate) {
            return ((LocalDate) t).atStartOfDay();
        }
        throw new IllegalArgumentException("cannot compare " + t.getClass().getSimpleName());
    }
}
