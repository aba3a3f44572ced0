package org.hozon.archive.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Splits 16-bit little-endian samples into two byte planes (all even bytes, then all odd bytes)
 * and back. Pixel data of CT, MR, CR and most other modalities is 16-bit with slowly varying high
 * bytes: after the split, LZ4 finds long runs in the high plane, so a CT slice compresses to about
 * half instead of three quarters, and LZ4 runs about twice as fast. An odd last byte stays last.
 *
 * <p>Sixteen bytes at a time: two little-endian longs in, the even bytes of both packed into one
 * long and the odd bytes into another (and the reverse), then byte by byte for the rest.
 */
final class ByteShuffle {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long BYTES = 0x00FF_00FF_00FF_00FFL;
    private static final long PAIRS = 0x0000_FFFF_0000_FFFFL;
    private static final long QUADS = 0x0000_0000_FFFF_FFFFL;

    private ByteShuffle() {
    }

    /** Writes the planes of {@code src[off, off + n)} to {@code dst[0, n)}. */
    static void shuffle(byte[] src, int off, int n, byte[] dst) {
        int half = n >>> 1;
        int i = 0; // index into each plane
        for (; i + 8 <= half; i += 8) {
            long a = (long) LONGS.get(src, off + 2 * i);
            long b = (long) LONGS.get(src, off + 2 * i + 8);
            LONGS.set(dst, i, pack(a & BYTES) | pack(b & BYTES) << 32);
            LONGS.set(dst, half + i, pack(a >>> 8 & BYTES) | pack(b >>> 8 & BYTES) << 32);
        }
        for (int j = off + 2 * i; i < half; i++, j += 2) {
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
        int i = 0;
        for (; i + 8 <= half; i += 8) {
            long even = (long) LONGS.get(src, off + i);
            long odd = (long) LONGS.get(src, off + half + i);
            LONGS.set(dst, 2 * i, spread(even & QUADS) | spread(odd & QUADS) << 8);
            LONGS.set(dst, 2 * i + 8, spread(even >>> 32) | spread(odd >>> 32) << 8);
        }
        for (int j = 2 * i; i < half; i++, j += 2) {
            dst[j] = src[off + i];
            dst[j + 1] = src[off + half + i];
        }
        if ((n & 1) != 0) {
            dst[n - 1] = src[off + n - 1];
        }
    }

    /** {@code 0x00hh00gg00ff00ee} to {@code 0xhhggffee}: four bytes in the low bytes of four pairs, packed. */
    private static long pack(long x) {
        x = (x | x >>> 8) & PAIRS;
        return (x | x >>> 16) & QUADS;
    }

    /** The reverse of {@link #pack}: {@code 0xhhggffee} to {@code 0x00hh00gg00ff00ee}. */
    private static long spread(long x) {
        x = (x | x << 16) & PAIRS;
        return (x | x << 8) & BYTES;
    }
}
