package org.hozon.dicom;

/**
 * Helpers for DICOM tags held as {@code int}: group in the high 16 bits, element in the low 16.
 * Named constants for every standard attribute are in {@link Tag}.
 */
public final class Tags {
    /** Item (FFFE,E000). */
    public static final int ITEM = 0xFFFEE000;
    /** Item Delimitation Item (FFFE,E00D). */
    public static final int ITEM_DELIMITATION = 0xFFFEE00D;
    /** Sequence Delimitation Item (FFFE,E0DD). */
    public static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;
    /** Undefined length (0xFFFFFFFF) as read into an {@code int}. */
    public static final int UNDEFINED_LENGTH = -1;

    private Tags() {
    }

    /** The tag (group,element). */
    public static int of(int group, int element) {
        return (group << 16) | (element & 0xFFFF);
    }

    /** The group number of {@code tag}. */
    public static int group(int tag) {
        return tag >>> 16;
    }

    /** The element number of {@code tag}. */
    public static int element(int tag) {
        return tag & 0xFFFF;
    }

    /** Private tags have an odd group number (groups 0001, 0003, 0005, 0007 and FFFF are not private). */
    public static boolean isPrivate(int tag) {
        int group = group(tag);
        return (group & 1) != 0 && group > 0x0008 && group != 0xFFFF;
    }

    /** Private Creator elements: (gggg,0010) to (gggg,00FF) in a private group. */
    public static boolean isPrivateCreator(int tag) {
        int element = element(tag);
        return isPrivate(tag) && element >= 0x0010 && element <= 0x00FF;
    }

    /**
     * The Private Creator element that reserves the block of private element {@code tag}: for
     * (gggg,xxee) it is (gggg,00xx). Returns -1 if {@code tag} is not a private data element.
     */
    public static int privateCreatorOf(int tag) {
        int element = element(tag);
        if (!isPrivate(tag) || element < 0x1000) {
            return -1;
        }
        return (tag & 0xFFFF0000) | (element >>> 8);
    }

    /** Group Length elements (gggg,0000). */
    public static boolean isGroupLength(int tag) {
        return element(tag) == 0;
    }

    /** Pixel Data, Float Pixel Data and Double Float Pixel Data (7FE0,0010/0008/0009). */
    public static boolean isPixelData(int tag) {
        return tag == 0x7FE00010 || tag == 0x7FE00008 || tag == 0x7FE00009;
    }

    /** The tags of items and delimiters (group FFFE). */
    public static boolean isItemOrDelimiter(int tag) {
        return tag == ITEM || tag == ITEM_DELIMITATION || tag == SEQUENCE_DELIMITATION;
    }

    /** {@code (gggg,eeee)} in upper-case hex. */
    public static String toString(int tag) {
        char[] c = new char[11];
        c[0] = '(';
        hex(c, 1, tag >>> 16);
        c[5] = ',';
        hex(c, 6, tag & 0xFFFF);
        c[10] = ')';
        return new String(c);
    }

    /** {@code ggggeeee} in upper-case hex, the form used as attribute name in DICOM JSON. */
    public static String toHex(int tag) {
        char[] c = new char[8];
        hex(c, 0, tag >>> 16);
        hex(c, 4, tag & 0xFFFF);
        return new String(c);
    }

    /** Parses eight hex digits ({@code 00100010}); returns -1 if {@code s} is not exactly that. */
    public static int parseHex(CharSequence s) {
        if (s.length() != 8) {
            return -1;
        }
        int tag = 0;
        for (int i = 0; i < 8; i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            tag = (tag << 4) | d;
        }
        return tag;
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private static void hex(char[] out, int pos, int value) {
        out[pos] = HEX[(value >>> 12) & 0xF];
        out[pos + 1] = HEX[(value >>> 8) & 0xF];
        out[pos + 2] = HEX[(value >>> 4) & 0xF];
        out[pos + 3] = HEX[value & 0xF];
    }
}
