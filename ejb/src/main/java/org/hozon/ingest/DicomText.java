package org.hozon.ingest;

/** Small conversions of DICOM values into the index's column forms. */
final class DicomText {
    private DicomText() {
    }

    /**
     * A TM value as the index stores it, {@code HHMMSS.FFFFFF} (missing parts zero-filled, ACR-NEMA
     * colons removed), or null if it is not a time.
     */
    static String time(String tm) {
        if (tm == null) {
            return null;
        }
        String s = tm.strip().replace(":", "");
        int dot = s.indexOf('.');
        String hms = dot < 0 ? s : s.substring(0, dot);
        String frac = dot < 0 ? "" : s.substring(dot + 1);
        if (hms.isEmpty() || hms.length() > 6 || hms.length() % 2 != 0 || frac.length() > 6
                || !digits(hms) || !digits(frac)) {
            return null;
        }
        return (hms + "000000").substring(0, 6) + '.' + (frac + "000000").substring(0, 6);
    }

    /** A DA value if it is 8 digits, else null. */
    static String date(String da) {
        if (da == null) {
            return null;
        }
        String s = da.strip();
        return s.length() == 8 && digits(s) ? s : null;
    }

    /** Cuts a value to a column's length; null and empty become null. */
    static String cut(String s, int max) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        return s.length() <= max ? s : s.substring(0, max);
    }

    /** An IS value as Integer, or null. */
    static Integer integer(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
