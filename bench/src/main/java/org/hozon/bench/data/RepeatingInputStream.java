package org.hozon.bench.data;

import java.io.InputStream;

/**
 * An input stream of {@code head}, then {@code body} repeated {@code count} times, then
 * {@code tail}: a body of any size (a 1 GiB multipart request, say) without holding it in memory.
 */
public final class RepeatingInputStream extends InputStream {
    private final byte[] head;
    private final byte[] body;
    private final byte[] tail;
    private final long count;
    private long repetition = -1; // -1: in head; count: in tail
    private int pos;

    public RepeatingInputStream(byte[] head, byte[] body, long count, byte[] tail) {
        this.head = head;
        this.body = body;
        this.tail = tail;
        this.count = count;
    }

    /** Total number of bytes this stream yields. */
    public long length() {
        return head.length + body.length * count + tail.length;
    }

    private byte[] current() {
        if (repetition < 0) {
            return head;
        }
        return repetition < count ? body : tail;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        while (true) {
            byte[] chunk = current();
            if (pos < chunk.length) {
                int n = Math.min(len, chunk.length - pos);
                System.arraycopy(chunk, pos, b, off, n);
                pos += n;
                return n;
            }
            if (repetition >= count) {
                return -1;
            }
            repetition++;
            pos = 0;
        }
    }
}
