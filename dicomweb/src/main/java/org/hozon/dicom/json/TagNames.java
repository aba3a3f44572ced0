package org.hozon.dicom.json;

import org.hozon.dicom.Tags;

/**
 * The eight-hex-digit attribute names ({@code 00100010}) of DICOM JSON, cached so that writing a
 * header does not build the same strings again. A small direct-mapped cache: a miss only costs
 * one string; entries are immutable, so concurrent use needs no locking.
 */
final class TagNames {
    private static final int BITS = 12;
    private static final Entry[] CACHE = new Entry[1 << BITS];

    private record Entry(int tag, String hex) {
    }

    private TagNames() {
    }

    static String hex(int tag) {
        int slot = (tag * 0x9E3779B9) >>> (32 - BITS);
        Entry e = CACHE[slot];
        if (e != null && e.tag == tag) {
            return e.hex;
        }
        String hex = Tags.toHex(tag);
        CACHE[slot] = new Entry(tag, hex);
        return hex;
    }

    /** Parses an attribute name; accepts lower-case hex too. Returns -1 if not eight hex digits. */
    static long parse(String name) {
        if (name.length() != 8) {
            return -1;
        }
        long tag = 0;
        for (int i = 0; i < 8; i++) {
            char c = name.charAt(i);
            int d;
            if (c >= '0' && c <= '9') {
                d = c - '0';
            } else if (c >= 'A' && c <= 'F') {
                d = c - 'A' + 10;
            } else if (c >= 'a' && c <= 'f') {
                d = c - 'a' + 10;
            } else {
                return -1;
            }
            tag = (tag << 4) | d;
        }
        return tag;
    }
}
