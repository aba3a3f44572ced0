package org.hozon.dicom.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Inflates raw deflate data (RFC 1951, no zlib header: Deflated Explicit VR Little Endian) and
 * refuses to produce more than a maximum number of bytes, or more than a maximum ratio of
 * inflated to compressed bytes once a floor is passed, so a deflate bomb fails early with a
 * {@link ZipException} instead of filling memory or disk.
 */
final class BoundedInflaterInputStream extends InputStream {
    /** Below this many inflated bytes the ratio is not checked (small, very regular data sets). */
    private static final long RATIO_FLOOR = 1 << 20;

    private final InputStream source;
    private final Inflater inflater = new Inflater(true);
    private final byte[] input = new byte[8192];
    private final long maxInflated;
    private final long maxRatio;
    private long compressed;
    private long inflated;
    private boolean finished;

    BoundedInflaterInputStream(InputStream source, long maxInflated, long maxRatio) {
        this.source = source;
        this.maxInflated = maxInflated;
        this.maxRatio = maxRatio;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!finished) {
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw new ZipException("corrupt deflate data: " + e.getMessage());
            }
            if (n > 0) {
                inflated += n;
                if (inflated > maxInflated) {
                    throw new ZipException("inflated data exceeds the limit of " + maxInflated + " bytes");
                }
                if (inflated > RATIO_FLOOR && inflated / Math.max(compressed, 1) > maxRatio) {
                    throw new ZipException("inflation ratio exceeds the limit of " + maxRatio);
                }
                return n;
            }
            if (inflater.finished()) {
                finished = true;
            } else if (inflater.needsDictionary()) {
                throw new ZipException("deflate data needs a preset dictionary");
            } else if (inflater.needsInput()) {
                int r = source.read(input, 0, input.length);
                if (r < 0) {
                    throw new ZipException("deflate data ends before its final block");
                }
                compressed += r;
                inflater.setInput(input, 0, r);
            } else {
                throw new ZipException("inflater made no progress");
            }
        }
        return -1;
    }

    /** Releases the inflater's native memory; the source stays open. */
    void end() {
        inflater.end();
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        source.close();
    }
}
