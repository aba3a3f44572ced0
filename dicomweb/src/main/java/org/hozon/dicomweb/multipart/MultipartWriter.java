package org.hozon.dicomweb.multipart;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Objects;
import org.hozon.dicomweb.media.MediaTypes;

/**
 * Writes a {@code multipart/related} body (RFC 2046 §5.1, RFC 2387) to a stream, part by part:
 * each part's headers, then its body streamed from an InputStream or written through an
 * OutputStream handed out for that part, then the close delimiter on {@link #finish()}.
 * Line breaks are CRLF. Not thread-safe.
 */
public final class MultipartWriter implements Closeable {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] BOUNDARY_CHARS =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final byte[] CRLF = {'\r', '\n'};

    private final OutputStream out;
    private final String boundary;
    private final byte[] dashBoundary;
    private int parts;
    private PartOutputStream open;
    private boolean finished;

    /** A writer with a random boundary. */
    public MultipartWriter(OutputStream out) {
        this(out, randomBoundary());
    }

    /**
     * A writer with the given boundary: 1 to 70 of the RFC 2046 characters
     * {@code 0-9 A-Z a-z '()+_,-./:=?} and space, not ending in a space.
     */
    public MultipartWriter(OutputStream out, String boundary) {
        this.out = Objects.requireNonNull(out, "out");
        checkBoundary(boundary);
        this.boundary = boundary;
        this.dashBoundary = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
    }

    /** A random boundary of 40 letters and digits (238 bits), which no body will contain by chance. */
    public static String randomBoundary() {
        char[] c = new char[40];
        for (int i = 0; i < c.length; i++) {
            c[i] = BOUNDARY_CHARS[RANDOM.nextInt(BOUNDARY_CHARS.length)];
        }
        return new String(c);
    }

    private static void checkBoundary(String b) {
        if (b == null || b.isEmpty() || b.length() > MultipartContentType.MAX_BOUNDARY_LENGTH || b.endsWith(" ")) {
            throw new IllegalArgumentException("Bad boundary: '" + b + "'");
        }
        for (int i = 0; i < b.length(); i++) {
            char ch = b.charAt(i);
            boolean ok = ch >= '0' && ch <= '9' || ch >= 'A' && ch <= 'Z' || ch >= 'a' && ch <= 'z'
                    || "'()+_,-./:=? ".indexOf(ch) >= 0;
            if (!ok) {
                throw new IllegalArgumentException("Boundary character not allowed by RFC 2046: '" + ch + "'");
            }
        }
    }

    public String boundary() {
        return boundary;
    }

    /**
     * The Content-Type header value of the whole body:
     * {@code multipart/related; type="<rootType>"; boundary=<boundary>} (boundary quoted if needed).
     */
    public String contentType(String rootType) {
        return contentType(rootType, boundary);
    }

    /** As {@link #contentType(String)} for a given boundary. */
    public static String contentType(String rootType, String boundary) {
        return MediaTypes.multipartRelated(rootType).withParameter("boundary", boundary).toString();
    }

    /** Writes one part whose body is copied from {@code body} (not closed). */
    public void writePart(PartHeaders headers, InputStream body) throws IOException {
        try (OutputStream os = openPart(headers)) {
            body.transferTo(os);
        }
    }

    /** Writes one part with the given body bytes. */
    public void writePart(PartHeaders headers, byte[] body) throws IOException {
        try (OutputStream os = openPart(headers)) {
            os.write(body);
        }
    }

    /**
     * Starts a part and returns a stream for its body. Closing that stream (or starting the next
     * part, or finishing) ends the part; it does not close the underlying stream.
     */
    public OutputStream openPart(PartHeaders headers) throws IOException {
        if (finished) {
            throw new IllegalStateException("Multipart body already finished");
        }
        endOpenPart();
        if (parts > 0) {
            out.write(CRLF);
        }
        out.write(dashBoundary);
        out.write(CRLF);
        for (Map.Entry<String, String> h : headers) {
            out.write((h.getKey() + ": " + h.getValue()).getBytes(StandardCharsets.UTF_8));
            out.write(CRLF);
        }
        out.write(CRLF);
        parts++;
        open = new PartOutputStream();
        return open;
    }

    /** Number of parts started so far. */
    public int partCount() {
        return parts;
    }

    /** Ends the open part, writes the close delimiter and flushes; the stream stays open. */
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        endOpenPart();
        if (parts > 0) {
            out.write(CRLF);
        }
        out.write(dashBoundary);
        out.write('-');
        out.write('-');
        out.write(CRLF);
        out.flush();
        finished = true;
    }

    /** Finishes and closes the underlying stream. */
    @Override
    public void close() throws IOException {
        try {
            finish();
        } finally {
            out.close();
        }
    }

    private void endOpenPart() {
        if (open != null) {
            open.closed = true;
            open = null;
        }
    }

    /** The body of the open part, written straight through. */
    private final class PartOutputStream extends OutputStream {
        private boolean closed;

        private void check() throws IOException {
            if (closed) {
                throw new IOException("Part already ended");
            }
        }

        @Override
        public void write(int b) throws IOException {
            check();
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            check();
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() {
            if (open == this) {
                open = null;
            }
            closed = true;
        }
    }
}
