package org.hozon.bench.load;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.hozon.dicomweb.multipart.MultipartReader;
import org.hozon.dicomweb.multipart.Part;

/**
 * A do-nothing DICOMweb endpoint on 127.0.0.1 for measuring the load driver itself: it splits
 * each STOW-RS body into parts, discards them and answers 200 with one ReferencedSOPSequence item
 * per part; every GET gets 204. Run it in its own JVM
 * ({@code java -cp ... org.hozon.bench.load.StowSink 8099}), point the driver at
 * {@code http://127.0.0.1:8099/dicom-web} and read the driver's client% column. HTTP/1.1 with
 * Content-Length bodies only: just enough for the driver, not a general server.
 *
 * <p>With {@code --durable DIR} it does the least any server must do to acknowledge an instance
 * durably (issue 4, point 1, without parsing or an index): each part is written to a temporary
 * file in DIR while its SHA-256 is computed, the file is {@code fdatasync}ed and renamed, and the
 * directory is synced once per request before the answer. Files are deleted after the answer so
 * the disk does not fill. The driver against it measures the ceiling of durable ingest on this
 * machine.
 */
public final class StowSink {
    private StowSink() {
    }

    private static final AtomicLong FILES = new AtomicLong();
    private static Path durableDir;

    public static void main(String[] args) throws IOException {
        int i = 0;
        if (args.length > 1 && args[0].equals("--durable")) {
            durableDir = Files.createDirectories(Path.of(args[1]));
            i = 2;
        }
        int port = args.length > i ? Integer.parseInt(args[i]) : 8099;
        try (ServerSocket server = new ServerSocket(port, 64, InetAddress.getLoopbackAddress())) {
            System.out.println("StowSink listening on http://127.0.0.1:" + port + "/dicom-web");
            while (true) {
                Socket s = server.accept();
                Thread t = new Thread(() -> serve(s), "sink-" + s.getPort());
                t.setDaemon(true);
                t.start();
            }
        }
    }

    private static void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
                OutputStream out = socket.getOutputStream()) {
            byte[] drain = new byte[64 * 1024];
            while (true) {
                String requestLine = line(in);
                if (requestLine == null || requestLine.isEmpty()) {
                    return;
                }
                long length = 0;
                String contentType = null;
                for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                    int colon = h.indexOf(':');
                    String name = h.substring(0, Math.max(colon, 0)).trim().toLowerCase(Locale.ROOT);
                    String value = h.substring(colon + 1).trim();
                    if (name.equals("content-length")) {
                        length = Long.parseLong(value);
                    } else if (name.equals("content-type")) {
                        contentType = value;
                    }
                }
                if (!requestLine.startsWith("POST")) {
                    out.write("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    continue;
                }
                int parts = 0;
                InputStream body = new BoundedInput(in, length);
                MultipartReader reader = MultipartReader.forContentType(body, contentType);
                List<Path> stored = new ArrayList<>();
                for (Part p = reader.nextPart(); p != null; p = reader.nextPart()) {
                    InputStream b = p.body();
                    if (durableDir != null) {
                        stored.add(storeDurably(b, drain));
                    } else {
                        while (b.read(drain) >= 0) {
                            // discard
                        }
                    }
                    parts++;
                }
                if (durableDir != null) {
                    try (FileChannel dir = FileChannel.open(durableDir, StandardOpenOption.READ)) {
                        dir.force(true);
                    }
                }
                while (body.read(drain) >= 0) {
                    // epilogue
                }
                StringBuilder json = new StringBuilder("{\"00081199\":{\"vr\":\"SQ\",\"Value\":[");
                for (int i = 0; i < parts; i++) {
                    json.append(i == 0 ? "{}" : ",{}");
                }
                byte[] answer = json.append("]}}").toString().getBytes(StandardCharsets.US_ASCII);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/dicom+json\r\nContent-Length: "
                        + answer.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(answer);
                out.flush();
                for (Path f : stored) {
                    Files.delete(f);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client went away or sent something this sink does not understand: drop the connection
        }
    }

    /** Writes a part to a temporary file while hashing it, fdatasyncs and renames it. */
    private static Path storeDurably(InputStream body, byte[] buffer) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long n = FILES.incrementAndGet();
        Path tmp = durableDir.resolve(n + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (int r = body.read(buffer); r >= 0; r = body.read(buffer)) {
                sha.update(buffer, 0, r);
                ByteBuffer bb = ByteBuffer.wrap(buffer, 0, r);
                while (bb.hasRemaining()) {
                    ch.write(bb);
                }
            }
            ch.force(false);
        }
        sha.digest();
        return Files.move(tmp, durableDir.resolve(n + ".dcm"), StandardCopyOption.ATOMIC_MOVE);
    }

    /** One CRLF-terminated header line, or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c = in.read(); c >= 0; c = in.read()) {
            if (c == '\n') {
                int n = sb.length();
                return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
            }
            if (sb.length() > 8192) {
                throw new IOException("header line too long");
            }
            sb.append((char) c);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /** The next {@code remaining} bytes of a stream. */
    private static final class BoundedInput extends InputStream {
        private final InputStream in;
        private long remaining;

        BoundedInput(InputStream in, long remaining) {
            this.in = in;
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int c = in.read();
            if (c >= 0) {
                remaining--;
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }
    }
}
