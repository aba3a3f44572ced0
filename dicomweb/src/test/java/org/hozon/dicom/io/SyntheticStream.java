package org.hozon.dicom.io;

import java.io.InputStream;

/**
 * A stream of {@code head} followed by {@code tailLength} zero bytes that are never materialised,
 * counting the bytes actually read (as opposed to skipped), like a file on disk.
 */
final class SyntheticStream extends InputStream {
    private final byte[] head;
    private final long length;
    private long pos;
    long bytesRead;
    long bytesSkipped;

    SyntheticStream(byte[] head, long tailLength) {
        this.head = head;
        this.length = head.length + tailLength;
    }

    long length() {
        return length;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (pos >= length) {
            return -1;
        }
        int n = (int) Math.min(len, length - pos);
        for (int i = 0; i < n; i++) {
            long p = pos + i;
            b[off + i] = p < head.length ? head[(int) p] : 0;
        }
        pos += n;
        bytesRead += n;
        return n;
    }

    @Override
    public long skip(long n) {
        long s = Math.max(0, Math.min(n, length - pos));
        pos += s;
        bytesSkipped += s;
        return s;
    }
}
