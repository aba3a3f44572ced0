package org.hozon.bench.load;

import java.util.stream.IntStream;

import org.hozon.bench.data.SyntheticCt;

/**
 * Distinct CT pixel slices generated once, so that sending an instance costs no pixel
 * synthesis: each instance takes one of these arrays by reference. The arrays are never
 * modified after construction and are shared by all client threads.
 */
public final class SlicePool {
    private final byte[][] slices;

    /** Generates {@code size} slices of a series seeded by {@code seed} (in parallel). */
    public SlicePool(long seed, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("pool size < 1: " + size);
        }
        byte[][] s = new byte[size][];
        // Spread the slices over several simulated series and z positions, so they really differ.
        IntStream.range(0, size).parallel().forEach(i -> s[i] = SyntheticCt.slice(seed * 31 + i % 4, i * 3));
        this.slices = s;
    }

    public int size() {
        return slices.length;
    }

    /** The pixel data for instance {@code instance} of study {@code study} (little endian, 2 bytes a pixel). */
    public byte[] pixels(int study, int instance) {
        return slices[Math.floorMod(study * 7 + instance, slices.length)];
    }
}
