package org.hozon.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The fastest "server" a retrieval can have on this machine, to measure what bounds the
 * {@code --retrieve-study} figures: a do-nothing HTTP/1.1 endpoint on 127.0.0.1 that answers
 * every GET with the same body, the given files one after the other (e.g. the stored files of one
 * study), with a Content-Length, and sends them with {@code sendfile} ({@code --copy}: read into
 * a heap buffer and written, as a server copying through the JVM does). One thread per
 * connection, keep-alive. Usage: {@code RetrieveSink [--copy] port file...}.
 */
public final class RetrieveSink {
    private final List<Path> files;
    private final long length;
    private final boolean copy;

    private RetrieveSink(List<Path> files, boolean copy) throws IOException {
        this.files = files;
        this.copy = copy;
        long n = 0;
        for (Path f : files) {
            n += java.nio.file.Files.size(f);
        }
        this.length = n;
    }

    public static void main(String[] args) throws IOException {
        int i = 0;
        boolean copy = false;
        if (args.length > 0 && args[0].equals("--copy")) {
            copy = true;
            i++;
        }
        if (args.length < i + 2) {
            System.err.println("usage: RetrieveSink [--copy] port file...");
            System.exit(2);
        }
        int port = Integer.parseInt(args[i++]);
        List<Path> files = new ArrayList<>();
        for (; i < args.length; i++) {
            files.add(Path.of(args[i]));
        }
        RetrieveSink sink = new RetrieveSink(files, copy);
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress("127.0.0.1", port));
            System.out.printf("RetrieveSink on 127.0.0.1:%d, %d files, %d bytes per response, %s%n", port,
                    files.size(), sink.length, copy ? "copied through a heap buffer" : "sendfile");
            while (true) {
                SocketChannel connection = server.accept();
                // as Undertow does: no Nagle delay between the small head and the body
                connection.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
                Thread t = new Thread(() -> sink.serve(connection), "sink");
                t.setDaemon(true);
                t.start();
            }
        }
    }

    private void serve(SocketChannel ch) {
        ByteBuffer in = ByteBuffer.allocate(16 * 1024).limit(0);
        byte[] heap = new byte[256 * 1024];
        ByteBuffer heapBuffer = ByteBuffer.wrap(heap);
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: multipart/related; type=\"application/dicom\"; boundary=x"
                + "\r\nContent-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        try (ch) {
            while (readRequestHead(ch, in)) {
                ByteBuffer h = ByteBuffer.wrap(head);
                while (h.hasRemaining()) {
                    ch.write(h);
                }
                for (Path f : files) {
                    try (FileChannel fc = FileChannel.open(f, StandardOpenOption.READ)) {
                        long size = fc.size();
                        long pos = 0;
                        while (pos < size) {
                            if (copy) {
                                heapBuffer.clear();
                                int n = fc.read(heapBuffer, pos);
                                heapBuffer.flip();
                                while (heapBuffer.hasRemaining()) {
                                    ch.write(heapBuffer);
                                }
                                pos += n;
                            } else {
                                pos += fc.transferTo(pos, size - pos, ch);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /** Reads up to the end of a request head (requests carry no body here); false at end of stream. */
    private static boolean readRequestHead(SocketChannel ch, ByteBuffer in) throws IOException {
        int matched = 0;
        while (true) {
            if (!in.hasRemaining()) {
                in.clear();
                if (ch.read(in) < 0) {
                    return false;
                }
                in.flip();
                continue;
            }
            byte b = in.get();
            matched = b == '\r' && (matched == 0 || matched == 2) || b == '\n' && (matched == 1 || matched == 3)
                    ? matched + 1 : b == '\r' ? 1 : 0;
            if (matched == 4) {
                return true;
            }
        }
    }
}
