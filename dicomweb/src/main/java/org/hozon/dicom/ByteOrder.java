package org.hozon.dicom;

/** Reading and writing 16/32/64-bit numbers in either byte order, and swapping in place. */
public final class ByteOrder {
    private ByteOrder() {
    }

    /** Unsigned 16-bit value at {@code off}. */
    public static int u16(byte[] b, int off, boolean bigEndian) {
        return bigEndian
                ? ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF)
                : (b[off] & 0xFF) | ((b[off + 1] & 0xFF) << 8);
    }

    /** 32-bit value at {@code off}. */
    public static int i32(byte[] b, int off, boolean bigEndian) {
        return bigEndian
                ? (b[off] << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF)
                : (b[off] & 0xFF) | ((b[off + 1] & 0xFF) << 8) | ((b[off + 2] & 0xFF) << 16) | (b[off + 3] << 24);
    }

    /** 64-bit value at {@code off}. */
    public static long i64(byte[] b, int off, boolean bigEndian) {
        long first = i32(b, off, bigEndian) & 0xFFFFFFFFL;
        long second = i32(b, off + 4, bigEndian) & 0xFFFFFFFFL;
        return bigEndian ? (first << 32) | second : (second << 32) | first;
    }

    /** A tag as stored in an AT value or an element header: group first, then element. */
    public static int tag(byte[] b, int off, boolean bigEndian) {
        return (u16(b, off, bigEndian) << 16) | u16(b, off + 2, bigEndian);
    }

    /** Writes the low 16 bits of {@code v} at {@code off}. */
    public static void put16(byte[] b, int off, int v, boolean bigEndian) {
        if (bigEndian) {
            b[off] = (byte) (v >>> 8);
            b[off + 1] = (byte) v;
        } else {
            b[off] = (byte) v;
            b[off + 1] = (byte) (v >>> 8);
        }
    }

    /** Writes {@code v} at {@code off}. */
    public static void put32(byte[] b, int off, int v, boolean bigEndian) {
        if (bigEndian) {
            put16(b, off, v >>> 16, true);
            put16(b, off + 2, v, true);
        } else {
            put16(b, off, v, false);
            put16(b, off + 2, v >>> 16, false);
        }
    }

    /** Writes {@code v} at {@code off}. */
    public static void put64(byte[] b, int off, long v, boolean bigEndian) {
        if (bigEndian) {
            put32(b, off, (int) (v >>> 32), true);
            put32(b, off + 4, (int) v, true);
        } else {
            put32(b, off, (int) v, false);
            put32(b, off + 4, (int) (v >>> 32), false);
        }
    }

    /** A tag in element-header order: group then element, each 16 bits. */
    public static void putTag(byte[] b, int off, int tag, boolean bigEndian) {
        put16(b, off, tag >>> 16, bigEndian);
        put16(b, off + 2, tag, bigEndian);
    }

    /** Reverses every {@code width}-byte unit of {@code b} in place (width 2, 4 or 8). */
    public static void swap(byte[] b, int width) {
        int end = b.length - b.length % width;
        for (int off = 0; off < end; off += width) {
            for (int i = 0, j = width - 1; i < j; i++, j--) {
                byte t = b[off + i];
                b[off + i] = b[off + j];
                b[off + j] = t;
            }
        }
    }
}
