package org.hozon.bench.load;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * An output stream that records what is written as a list of byte arrays: small writes are
 * gathered into fresh segments, large whole-array writes (pooled pixel data) are kept by
 * reference. A request body is then a few KB of headers plus references to shared pixels.
 */
final class BodySegments extends OutputStream {
    /** Writes at least this long are kept by reference when they cover a whole array. */
    private static final int BY_REFERENCE = 32 * 1024;

    private final List<byte[]> segments = new ArrayList<>();
    private final ByteArrayOutputStream small = new ByteArrayOutputStream(4096);
    private long length;

    @Override
    public void write(int b) {
        small.write(b);
        length++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (len >= BY_REFERENCE && off == 0 && len == b.length) {
            endSmall();
            segments.add(b);
        } else {
            small.write(b, off, len);
        }
        length += len;
    }

    private void endSmall() {
        if (small.size() > 0) {
            segments.add(small.toByteArray());
            small.reset();
        }
    }

    /** The segments written so far, in order; the caller must not modify them. */
    List<byte[]> segments() {
        endSmall();
        return List.copyOf(segments);
    }

    long length() {
        return length;
    }
}
