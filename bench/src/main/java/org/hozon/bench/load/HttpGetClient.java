package org.hozon.bench.load;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 GET client for the retrieval modes: one persistent connection, used by one
 * thread. It exists so that the client is not what limits a multi-gigabyte-per-second retrieval:
 * the socket is read into one reused 1 MiB direct buffer (one kernel copy, no copy into the heap)
 * and bodies are decoded in place (Content-Length or chunked) as slices of that buffer, which
 * the caller may drain without looking at them, hash, or read as a stream. Plain http only.
 */
final class HttpGetClient implements Closeable {
    private static final int BUFFER = 1 << 20;
    private static final int MAX_HEAD = 64 * 1024;

    private final InetSocketAddress address;
    private final String hostHeader;
    private final String basePath;
    private final String authorization;
    private final ByteBuffer buf = ByteBuffer.allocateDirect(BUFFER); // read mode between calls
    private SocketChannel channel;

    /** A response whose body must be consumed (or the client closed) before the next request. */
    final class Response {
        final int status;
        final Map<String, String> headers;
        private final boolean chunked;
        private final boolean closeAfter;
        private long remaining; // in the current chunk, or of the whole body
        private boolean done;
        private long bodyBytes;

        private Response(int status, Map<String, String> headers) throws IOException {
            this.status = status;
            this.headers = headers;
            this.chunked = "chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""));
            this.closeAfter = "close".equalsIgnoreCase(headers.getOrDefault("connection", ""));
            if (status == 204 || status == 304) {
                finishBody(); // no body, whatever the headers say
            } else if (!chunked) {
                String length = headers.get("content-length");
                if (length == null) {
                    throw new IOException("response " + status + " with neither Content-Length nor chunked body");
                }
                remaining = Long.parseLong(length.trim());
                done = remaining == 0;
            }
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** Body bytes handed out so far. */
        long bodyBytes() {
            return bodyBytes;
        }

        /**
         * The next body bytes as a slice of the client's buffer (valid until the next call), or
         * null at the end of the body.
         */
        ByteBuffer next() throws IOException {
            if (done) {
                return null;
            }
            if (chunked && remaining == 0) {
                remaining = readChunkSize();
                if (remaining == 0) {
                    skipTrailers();
                    finishBody();
                    return null;
                }
            }
            if (!buf.hasRemaining()) {
                fill();
            }
            int n = (int) Math.min(buf.remaining(), remaining);
            ByteBuffer slice = buf.slice();
            slice.limit(n);
            buf.position(buf.position() + n);
            remaining -= n;
            bodyBytes += n;
            if (chunked && remaining == 0) {
                expectCrlf();
            } else if (!chunked && remaining == 0) {
                finishBody();
            }
            return slice;
        }

        /** Reads and discards the rest of the body; returns the body's total length. */
        long drain() throws IOException {
            while (next() != null) {
                // the bytes are not looked at: this is the fast path
            }
            return bodyBytes;
        }

        /** The rest of the body as a stream (copies into the caller's array: for samples). */
        InputStream stream() {
            return new InputStream() {
                private ByteBuffer current;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (len == 0) {
                        return 0;
                    }
                    while (current == null || !current.hasRemaining()) {
                        current = next();
                        if (current == null) {
                            return -1;
                        }
                    }
                    int n = Math.min(len, current.remaining());
                    current.get(b, off, n);
                    return n;
                }
            };
        }

        private void finishBody() throws IOException {
            done = true;
            if (closeAfter) {
                close();
            }
        }
    }

    HttpGetClient(String baseUrl, String user, String password) {
        URI uri = URI.create(baseUrl);
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("the retrieval modes speak plain http only: " + baseUrl);
        }
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        this.address = new InetSocketAddress(uri.getHost(), port);
        this.hostHeader = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + port);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        this.authorization = user == null ? null : "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
        buf.limit(0);
    }

    /** Sends {@code GET <base path><pathAndQuery>} and reads the status line and headers. */
    Response get(String pathAndQuery, String accept) throws IOException {
        if (channel == null || !channel.isOpen()) {
            channel = SocketChannel.open(address);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            buf.clear().limit(0);
        }
        StringBuilder req = new StringBuilder(256).append("GET ").append(basePath).append(pathAndQuery)
                .append(" HTTP/1.1\r\nHost: ").append(hostHeader).append("\r\nAccept: ").append(accept).append("\r\n");
        if (authorization != null) {
            req.append("Authorization: ").append(authorization).append("\r\n");
        }
        req.append("\r\n");
        ByteBuffer out = ByteBuffer.wrap(req.toString().getBytes(StandardCharsets.ISO_8859_1));
        try {
            while (out.hasRemaining()) {
                channel.write(out);
            }
            String statusLine = readLine();
            String[] f = statusLine.split(" ", 3);
            if (f.length < 2 || !f[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP/1.x status line: " + statusLine);
            }
            Map<String, String> headers = new HashMap<>();
            for (String line = readLine(); !line.isEmpty(); line = readLine()) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            line.substring(colon + 1).trim(), (a, b) -> a + ", " + b);
                }
            }
            return new Response(Integer.parseInt(f[1]), headers);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Reads one CRLF-terminated line of the head (ISO-8859-1), without the line break. */
    private String readLine() throws IOException {
        StringBuilder sb = new StringBuilder(64);
        while (true) {
            if (!buf.hasRemaining()) {
                fill();
            }
            byte b = buf.get();
            if (b == '\n') {
                int n = sb.length();
                return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
            }
            if (sb.length() >= MAX_HEAD) {
                throw new IOException("header line longer than " + MAX_HEAD + " bytes");
            }
            sb.append((char) (b & 0xFF));
        }
    }

    private long readChunkSize() throws IOException {
        String line = readLine();
        int semi = line.indexOf(';');
        String hex = (semi < 0 ? line : line.substring(0, semi)).trim();
        try {
            return Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
            throw new IOException("bad chunk size line: " + line);
        }
    }

    private void expectCrlf() throws IOException {
        if (!readLine().isEmpty()) {
            throw new IOException("chunk not followed by CRLF");
        }
    }

    private void skipTrailers() throws IOException {
        while (!readLine().isEmpty()) {
            // trailers are not used here
        }
    }

    /** Refills the (empty) buffer with at least one byte from the socket. */
    private void fill() throws IOException {
        buf.clear();
        int n = channel.read(buf);
        buf.flip();
        if (n < 0) {
            throw new IOException("connection closed by the server");
        }
    }

    @Override
    public void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // closing anyway
            }
            channel = null;
        }
        buf.clear().limit(0);
    }
}
