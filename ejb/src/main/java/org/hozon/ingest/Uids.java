package org.hozon.ingest;

/** Syntax of DICOM UIDs (PS3.5 §9.1): at most 64 characters, digits and dots, no empty component, no leading zero. */
public final class Uids {
    /** Longest UID. */
    public static final int MAX_LENGTH = 64;

    private Uids() {
    }

    /**
     * @param uid a candidate (may be null)
     * @return whether it is a syntactically valid UID; only such UIDs ever reach file names
     */
    public static boolean isValid(String uid) {
        if (uid == null || uid.isEmpty() || uid.length() > MAX_LENGTH) {
            return false;
        }
        int componentStart = 0;
        for (int i = 0; i <= uid.length(); i++) {
            char c = i < uid.length() ? uid.charAt(i) : '.';
            if (c == '.') {
                int len = i - componentStart;
                if (len == 0 || (len > 1 && uid.charAt(componentStart) == '0')) {
                    return false;
                }
                componentStart = i + 1;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
