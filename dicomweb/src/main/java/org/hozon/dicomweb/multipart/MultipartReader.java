package org.hozon.dicomweb.multipart;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a {@code multipart/related} (or any RFC 2046 multipart) body part by part, streaming:
 * only a bounded buffer is held, never a whole part.
 *
 * <p>The delimiter is a line break, {@code --} and the boundary; the line break may be CRLF or a
 * bare LF (some clients send LF), and transport padding (spaces, tabs) may follow the boundary.
 * A boundary not at the start of a line is data. The preamble before the first boundary and the
 * epilogue after the close delimiter {@code --boundary--} are ignored. The search uses
 * Boyer-Moore-Horspool on the delimiter and hands out data with {@code System.arraycopy}.
 *
 * <p>Malformed input raises {@link MultipartException}: no boundary at all, a body that ends
 * before its delimiter (truncation is never taken for the end of a part), a part without a close
 * delimiter, a header line without a colon, or headers over the limits.
 *
 * <p>Header fields are decoded as UTF-8 (ASCII in practice); folded lines are joined.
 * Not thread-safe.
 */
public final class MultipartReader implements Closeable {
    public static final int DEFAULT_BUFFER_SIZE = 64 * 1024;
    public static final int DEFAULT_MAX_HEADER_BYTES = 16 * 1024;
    public static final int DEFAULT_MAX_HEADER_COUNT = 64;

    private static final int NEED_MORE = -2;
    private static final int NOT_DELIMITER = -1;

    private final InputStream in;
    private final String boundary;
    private final byte[] delimiter; // "\n--" + boundary
    private final int[] shift = new int[256];
    private final byte[] buf;
    private final int maxHeaderBytes;
    private final int maxHeaderCount;

    private int pos;
    private int limit;
    private boolean eof;
    /** Stream offset of buf[0]; -1 at the start because buf[0] holds a virtual line break. */
    private long bufOffset = -1;

    // Where the current body (or the preamble) ends, as far as the buffer shows.
    private boolean needScan = true;
    private int dataEnd;
    private int delimAt = -1;
    private int delimEnd = NEED_MORE;
    private boolean delimClose;
    private boolean trailerClose;

    private boolean bodyDone;
    private boolean closeSeen;
    private int partCount; // parts handed out; the preamble is "part" -1
    private boolean finished;

    /** A reader with the default buffer (64 KiB) and header limits (16 KiB, 64 fields per part). */
    public MultipartReader(InputStream in, String boundary) throws MultipartException {
        this(in, boundary, DEFAULT_BUFFER_SIZE, DEFAULT_MAX_HEADER_BYTES, DEFAULT_MAX_HEADER_COUNT);
    }

    /**
     * A reader with explicit buffer size and header limits.
     *
     * @param bufferSize bytes buffered, at least 256
     * @param maxHeaderBytes most bytes of one part's header block, blank line included
     * @param maxHeaderCount most header fields per part
     */
    public MultipartReader(InputStream in, String boundary, int bufferSize, int maxHeaderBytes, int maxHeaderCount)
            throws MultipartException {
        this.in = Objects.requireNonNull(in, "in");
        MultipartContentType.checkBoundary(Objects.requireNonNull(boundary, "boundary"));
        if (bufferSize < 256) {
            throw new IllegalArgumentException("bufferSize < 256: " + bufferSize);
        }
        this.boundary = boundary;
        this.delimiter = ("\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int m = delimiter.length;
        Arrays.fill(shift, m);
        for (int i = 0; i < m - 1; i++) {
            shift[delimiter[i] & 0xff] = m - 1 - i;
        }
        this.buf = new byte[bufferSize];
        this.maxHeaderBytes = maxHeaderBytes;
        this.maxHeaderCount = maxHeaderCount;
        // A virtual line break before the first byte lets a boundary on the first line match.
        buf[0] = '\n';
        limit = 1;
    }

    /** A reader for a body with this Content-Type header value; the boundary is taken from it. */
    public static MultipartReader forContentType(InputStream in, String contentType) throws MultipartException {
        return new MultipartReader(in, MultipartContentType.parse(contentType).boundary());
    }

    public String boundary() {
        return boundary;
    }

    /**
     * The next part, or null after the close delimiter. The unread rest of the previous part is
     * skipped.
     *
     * @throws MultipartException if the body is malformed or truncated
     */
    public Part nextPart() throws IOException {
        if (finished) {
            return null;
        }
        while (!bodyDone) {
            if (ensureData()) {
                pos = dataEnd; // skip without copying
            }
        }
        if (closeSeen) {
            finished = true;
            return null;
        }
        PartHeaders headers = readHeaders();
        bodyDone = false;
        needScan = true;
        int index = partCount++;
        return new Part(index, headers, new PartInputStream(index));
    }

    /** Closes the underlying stream. */
    @Override
    public void close() throws IOException {
        finished = true;
        in.close();
    }

    /**
     * Makes data of the current body available at {@code pos} (returns true), or consumes the
     * delimiter that ends it (returns false).
     */
    private boolean ensureData() throws IOException {
        while (true) {
            if (needScan) {
                scan();
                needScan = false;
            }
            if (pos < dataEnd) {
                return true;
            }
            if (delimAt >= 0 && delimEnd >= 0) {
                pos = delimEnd;
                closeSeen = delimClose;
                bodyDone = true;
                delimAt = -1;
                needScan = true;
                return false;
            }
            if (eof) {
                throw truncated();
            }
            fill();
            needScan = true;
        }
    }

    private MultipartException truncated() {
        if (partCount == 0) {
            return new MultipartException("No boundary \"--" + boundary + "\" found in the body (wrong boundary?)");
        }
        return new MultipartException("Multipart body truncated in part " + (partCount - 1)
                + ": end of input at offset " + (bufOffset + limit) + " before the boundary");
    }

    /** Moves the unread bytes to the front of the buffer and reads more; sets eof at the end. */
    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            bufOffset += pos;
            limit -= pos;
            delimAt = delimAt >= 0 ? delimAt - pos : -1;
            dataEnd = Math.max(0, dataEnd - pos);
            pos = 0;
        }
        if (limit == buf.length) {
            throw new MultipartException("Transport padding after the boundary longer than the buffer at offset "
                    + bufOffset);
        }
        int n;
        do {
            n = in.read(buf, limit, buf.length - limit);
        } while (n == 0);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    /** Finds where the current body's data ends in the buffer from {@code pos}. */
    private void scan() {
        int from = pos;
        while (true) {
            int i = indexOf(from);
            if (i < 0) {
                delimAt = -1;
                // Hold back a possible partial delimiter and the CR before it.
                dataEnd = eof ? limit : Math.max(pos, limit - delimiter.length);
                return;
            }
            int end = trailer(i + delimiter.length);
            if (end == NOT_DELIMITER) {
                from = i + 1;
                continue;
            }
            delimAt = i;
            delimEnd = end;
            delimClose = trailerClose;
            dataEnd = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
            return;
        }
    }

    /** Boyer-Moore-Horspool search for the delimiter in buf[from, limit). */
    private int indexOf(int from) {
        final byte[] p = delimiter;
        final byte[] b = buf;
        final int last = p.length - 1;
        final byte lastByte = p[last];
        final int end = limit - p.length;
        int i = from;
        while (i <= end) {
            byte c = b[i + last];
            if (c == lastByte) {
                int j = 0;
                while (j < last && b[i + j] == p[j]) {
                    j++;
                }
                if (j == last) {
                    return i;
                }
            }
            i += shift[c & 0xff];
        }
        return -1;
    }

    /**
     * Checks what follows a boundary at {@code k}: {@code --} (close delimiter), or transport
     * padding and a line break. Returns the index after it, {@link #NEED_MORE} or
     * {@link #NOT_DELIMITER}.
     */
    private int trailer(int k) {
        trailerClose = false;
        if (k + 1 >= limit && !eof) {
            return NEED_MORE;
        }
        if (k < limit && buf[k] == '-') {
            if (k + 1 < limit && buf[k + 1] == '-') {
                trailerClose = true; // whatever follows is epilogue
                return k + 2;
            }
            return NOT_DELIMITER;
        }
        int j = k;
        while (j < limit && (buf[j] == ' ' || buf[j] == '\t')) {
            j++;
        }
        if (j == limit) {
            return eof ? limit : NEED_MORE;
        }
        if (buf[j] == '\n') {
            return j + 1;
        }
        if (buf[j] == '\r') {
            if (j + 1 == limit) {
                return eof ? limit : NEED_MORE;
            }
            return buf[j + 1] == '\n' ? j + 2 : NOT_DELIMITER;
        }
        return NOT_DELIMITER;
    }

    private PartHeaders readHeaders() throws IOException {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        byte[] line = new byte[256];
        int total = 0;
        while (true) {
            int len = 0;
            while (true) {
                if (pos == limit) {
                    if (eof) {
                        throw new MultipartException("Multipart body truncated in the headers of part " + partCount
                                + " at offset " + (bufOffset + limit));
                    }
                    fill();
                    continue;
                }
                byte c = buf[pos++];
                if (++total > maxHeaderBytes) {
                    throw new MultipartException("Headers of part " + partCount + " exceed " + maxHeaderBytes
                            + " bytes");
                }
                if (c == '\n') {
                    break;
                }
                if (len == line.length) {
                    line = Arrays.copyOf(line, len * 2);
                }
                line[len++] = c;
            }
            if (len > 0 && line[len - 1] == '\r') {
                len--;
            }
            if (len == 0) {
                return PartHeaders.ofParsed(fields);
            }
            String text = new String(line, 0, len, StandardCharsets.UTF_8);
            char first = text.charAt(0);
            if ((first == ' ' || first == '\t') && !fields.isEmpty()) {
                // obsolete line folding (RFC 5322 §2.2.3): continue the previous value
                Map.Entry<String, String> prev = fields.remove(fields.size() - 1);
                fields.add(Map.entry(prev.getKey(), prev.getValue() + " " + text.trim()));
                continue;
            }
            int colon = text.indexOf(':');
            if (colon <= 0 || text.substring(0, colon).isBlank()) {
                throw new MultipartException("Header line without a name and colon in part " + partCount + ": \""
                        + abbreviate(text) + "\"");
            }
            if (fields.size() == maxHeaderCount) {
                throw new MultipartException("Part " + partCount + " has more than " + maxHeaderCount
                        + " header fields");
            }
            fields.add(Map.entry(text.substring(0, colon).trim(), text.substring(colon + 1).trim()));
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }

    /** The body of one part; reads end at the delimiter. */
    private final class PartInputStream extends InputStream {
        private final int index;

        PartInputStream(int index) {
            this.index = index;
        }

        private boolean current() {
            return index == partCount - 1 && !bodyDone && !finished;
        }

        @Override
        public int read() throws IOException {
            if (!current() || !ensureData()) {
                return -1;
            }
            return buf[pos++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            if (!current() || !ensureData()) {
                return -1;
            }
            int n = Math.min(len, dataEnd - pos);
            System.arraycopy(buf, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = 0;
            while (skipped < n && current() && ensureData()) {
                int k = (int) Math.min(n - skipped, dataEnd - pos);
                pos += k;
                skipped += k;
            }
            return skipped;
        }

        @Override
        public int available() {
            return current() ? Math.max(0, dataEnd - pos) : 0;
        }

        /** Writes straight from the reader's buffer, without an intermediate copy. */
        @Override
        public long transferTo(OutputStream out) throws IOException {
            long total = 0;
            while (current() && ensureData()) {
                int n = dataEnd - pos;
                out.write(buf, pos, n);
                pos += n;
                total += n;
            }
            return total;
        }

        /** Does not close the reader; the rest of the part is skipped by the next {@code nextPart()}. */
        @Override
        public void close() {
        }
    }
}
