package org.hozon.dicom.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A buffered, position-tracking input over any {@link InputStream}, with its own buffer so the
 * reader needs no {@code BufferedInputStream} and can peek ahead (preamble and syntax
 * detection). Values are read in bounded chunks: a declared length is never allocated up
 * front, so a huge length on a short stream ends in {@link EOFException}, not in an
 * OutOfMemoryError. Skipping uses {@link InputStream#skip}, so a file stream does not read
 * the skipped bytes.
 */
final class DicomInput {
    /** First allocation for a value of unknown real size; grows by doubling as bytes arrive. */
    private static final int FIRST_CHUNK = 64 * 1024;
    private static final byte[] EMPTY = {};

    private InputStream in;
    private final byte[] buf;
    private int pos;
    private int limit;
    /** Stream position of buf[0]. */
    private long bufStart;
    private boolean eof;

    DicomInput(InputStream in, int bufferSize) {
        this.in = in;
        this.buf = new byte[Math.max(bufferSize, 256)];
    }

    /** Number of bytes consumed so far. */
    long position() {
        return bufStart + pos;
    }

    byte[] buffer() {
        return buf;
    }

    /** Index in {@link #buffer()} of the next unread byte. */
    int bufferPos() {
        return pos;
    }

    /**
     * Makes at least {@code n} (≤ 256) bytes available in the buffer without consuming them.
     * Returns the number available, fewer than {@code n} only at end of stream.
     */
    int peek(int n) throws IOException {
        if (limit - pos >= n) {
            return limit - pos;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            bufStart += pos;
            limit -= pos;
            pos = 0;
        }
        while (limit < n && !eof) {
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                eof = true;
            } else {
                limit += r;
            }
        }
        return limit - pos;
    }

    /** Makes {@code n} bytes available or throws {@link EOFException}. */
    void require(int n) throws IOException {
        if (limit - pos < n && peek(n) < n) {
            throw new EOFException();
        }
    }

    /** Consumes {@code n} bytes made available by {@link #require} or {@link #peek}. */
    void advance(int n) {
        pos += n;
    }

    /** True if no byte remains. */
    boolean atEnd() throws IOException {
        return peek(1) == 0;
    }

    /** Reads a value of {@code length} bytes in bounded chunks. */
    byte[] readBytes(long length) throws IOException {
        if (length == 0) {
            return EMPTY;
        }
        if (length > Integer.MAX_VALUE - 16) {
            throw new EOFException("value of " + length + " bytes cannot be held in memory");
        }
        int len = (int) length;
        int avail = limit - pos;
        if (avail >= len) {
            byte[] b = Arrays.copyOfRange(buf, pos, pos + len);
            pos += len;
            return b;
        }
        byte[] b = new byte[Math.min(len, Math.max(FIRST_CHUNK, avail))];
        System.arraycopy(buf, pos, b, 0, avail);
        pos = limit;
        int filled = avail;
        while (filled < len) {
            if (filled == b.length) {
                b = Arrays.copyOf(b, (int) Math.min(len, 2L * b.length));
            }
            int r = in.read(b, filled, b.length - filled);
            if (r < 0) {
                eof = true;
                throw new EOFException();
            }
            filled += r;
            bufStart += r;
        }
        return b;
    }

    /** Skips {@code n} bytes; throws {@link EOFException} if the stream ends first. */
    void skip(long n) throws IOException {
        int avail = limit - pos;
        if (avail >= n) {
            pos += (int) n;
            return;
        }
        n -= avail;
        bufStart += limit;
        pos = 0;
        limit = 0;
        while (n > 0) {
            long s = in.skip(n);
            if (s <= 0) {
                // skip may return 0 before the end: confirm with a read.
                int r = in.read(buf, 0, (int) Math.min(buf.length, n));
                if (r < 0) {
                    eof = true;
                    throw new EOFException();
                }
                s = r;
            }
            n -= s;
            bufStart += s;
        }
    }

    /**
     * Continues with the bytes of {@code decoded}, whose source is {@link #remaining()} (used
     * for deflated syntaxes): positions go on counting from the current one.
     */
    void switchTo(InputStream decoded) {
        bufStart += pos;
        pos = 0;
        limit = 0;
        eof = false;
        in = decoded;
    }

    /** The not yet consumed bytes: what is left in the buffer, then the underlying stream. */
    InputStream remaining() {
        byte[] rest = Arrays.copyOfRange(buf, pos, limit);
        InputStream under = in;
        return new InputStream() {
            private int i;

            @Override
            public int read() throws IOException {
                return i < rest.length ? rest[i++] & 0xFF : under.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (i < rest.length) {
                    int n = Math.min(len, rest.length - i);
                    System.arraycopy(rest, i, b, off, n);
                    i += n;
                    return n;
                }
                return under.read(b, off, len);
            }
        };
    }
}
