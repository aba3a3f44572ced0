package org.hozon.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;

/**
 * Reads a source stream and copies every byte it hands out, or skips, to a file and a digest:
 * one pass over the bytes gives the parser its input, the file its content and the SHA-256 its
 * data. Skips are reads (the bytes must reach the file). A failure of the source (e.g. a
 * truncated multipart body) is remembered, so the caller can tell it from a parse error.
 */
final class DigestingTee extends InputStream {
    private static final int SKIP_BUFFER = 64 * 1024;

    private final InputStream source;
    private final FileChannel file;
    private final MessageDigest digest;
    private long count;
    private IOException sourceFailure;
    private byte[] skipBuffer;

    DigestingTee(InputStream source, FileChannel file, MessageDigest digest) {
        this.source = source;
        this.file = file;
        this.digest = digest;
    }

    /** @return bytes read from the source (and written to the file) */
    long count() {
        return count;
    }

    /** @return the source's failure, or null if it never failed */
    IOException sourceFailure() {
        return sourceFailure;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n;
        try {
            n = source.read(b, off, len);
        } catch (IOException e) {
            sourceFailure = e;
            throw e;
        }
        if (n > 0) {
            digest.update(b, off, n);
            ByteBuffer buffer = ByteBuffer.wrap(b, off, n);
            while (buffer.hasRemaining()) {
                file.write(buffer);
            }
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        if (skipBuffer == null) {
            skipBuffer = new byte[SKIP_BUFFER];
        }
        long skipped = 0;
        while (skipped < n) {
            int r = read(skipBuffer, 0, (int) Math.min(skipBuffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    /** Copies the rest of the source. */
    void drain() throws IOException {
        if (skipBuffer == null) {
            skipBuffer = new byte[SKIP_BUFFER];
        }
        while (read(skipBuffer, 0, skipBuffer.length) >= 0) {
            // every byte goes to the file and the digest
        }
    }

    @Override
    public int available() throws IOException {
        return source.available();
    }
}
