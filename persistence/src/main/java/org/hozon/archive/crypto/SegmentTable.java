package org.hozon.archive.crypto;

import java.util.Arrays;

/**
 * Where each segment of an envelope lies, so that one segment can be fetched with a ranged GET:
 * segment {@code i} covers plaintext bytes {@code [i * segmentSize, (i + 1) * segmentSize)} and
 * the object's bytes {@code [offset(i), offset(i) + length(i))}. Kept in the sidecar.
 */
public final class SegmentTable {
    private final int headerLength;
    private final int[] sealedLengths;
    private final long[] offsets;

    /**
     * @param headerLength  length of the encoded envelope header
     * @param sealedLengths sealed length of each segment, in order
     */
    public SegmentTable(int headerLength, int[] sealedLengths) {
        this.headerLength = headerLength;
        this.sealedLengths = sealedLengths.clone();
        this.offsets = new long[sealedLengths.length];
        long offset = headerLength;
        for (int i = 0; i < sealedLengths.length; i++) {
            offsets[i] = offset;
            offset += 4L + sealedLengths[i];
        }
    }

    /** @return the number of segments (at least 1) */
    public int count() {
        return sealedLengths.length;
    }

    /** @return the encoded header's length */
    public int headerLength() {
        return headerLength;
    }

    /** @return the byte offset of segment {@code i} (its 4-byte length) in the object */
    public long offset(int i) {
        return offsets[i];
    }

    /** @return the number of object bytes of segment {@code i}, length prefix included */
    public int length(int i) {
        return 4 + sealedLengths[i];
    }

    /** @return the whole object's length */
    public long objectLength() {
        int last = sealedLengths.length - 1;
        return last < 0 ? headerLength : offsets[last] + length(last);
    }

    /** @return a copy of the sealed lengths */
    public int[] sealedLengths() {
        return sealedLengths.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SegmentTable t && t.headerLength == headerLength && Arrays.equals(t.sealedLengths, sealedLengths);
    }

    @Override
    public int hashCode() {
        return 31 * headerLength + Arrays.hashCode(sealedLengths);
    }

    /** Collects lengths while writing. */
    static final class Builder {
        private final int headerLength;
        private int[] lengths = new int[16];
        private int count;

        Builder(int headerLength) {
            this.headerLength = headerLength;
        }

        void add(int sealedLength) {
            if (count == lengths.length) {
                lengths = Arrays.copyOf(lengths, count * 2);
            }
            lengths[count++] = sealedLength;
        }

        SegmentTable build() {
            return new SegmentTable(headerLength, Arrays.copyOf(lengths, count));
        }
    }
}
