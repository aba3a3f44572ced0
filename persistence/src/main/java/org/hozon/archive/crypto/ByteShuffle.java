package org.hozon.archive.crypto;

/**
 * Splits 16-bit little-endian samples into two byte planes (all even bytes, then all odd bytes)
 * and back. Pixel data of CT, MR, CR and most other modalities is 16-bit with slowly varying high
 * bytes: after the split, LZ4 finds long runs in the high plane, so a CT slice compresses to about
 * half instead of three quarters, and LZ4 runs about twice as fast. An odd last byte stays last.
 */
final class ByteShuffle {
    private ByteShuffle() {
    }

    /** Writes the planes of {@code src[off, off + n)} to {@code dst[0, n)}. */
    static void shuffle(byte[] src, int off, int n, byte[] dst) {
        int half = n >>> 1;
        for (int i = 0, j = off; i < half; i++, j += 2) {
            dst[i] = src[j];
            dst[half + i] = src[j + 1];
        }
        if ((n & 1) != 0) {
            dst[n - 1] = src[off + n - 1];
        }
    }

    /** Interleaves the planes {@code src[off, off + n)} back into {@code dst[0, n)}. */
    static void unshuffle(byte[] src, int off, int n, byte[] dst) {
        int half = n >>> 1;
        for (int i = 0, j = 0; i < half; i++, j += 2) {
            dst[j] = src[off + i];
            dst[j + 1] = src[off + half + i];
        }
        if ((n & 1) != 0) {
            dst[n - 1] = src[off + n - 1];
        }
    }
}
