package org.hozon.bench.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The retrieval client decodes fixed-length and chunked bodies and keeps its connection. */
class HttpGetClientTest {
    private static final byte[] BODY = new byte[3 * 1024 * 1024 + 17]; // more than the client's buffer

    static {
        new Random(5).nextBytes(BODY);
    }

    private HttpServer server;
    private final AtomicInteger connections = new AtomicInteger();
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/base/fixed", x -> {
            x.getResponseHeaders().add("Content-Type", x.getRequestHeaders().getFirst("Accept"));
            x.sendResponseHeaders(200, BODY.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(BODY);
            }
        });
        server.createContext("/base/chunked", x -> {
            x.sendResponseHeaders(200, 0); // chunked
            try (OutputStream out = x.getResponseBody()) {
                for (int off = 0; off < BODY.length; off += 70_001) {
                    out.write(BODY, off, Math.min(70_001, BODY.length - off));
                    out.flush();
                }
            }
        });
        server.createContext("/base/missing", x -> {
            x.sendResponseHeaders(404, -1);
            x.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/base";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void readsBothBodyFramingsOnOneConnection() throws IOException {
        try (HttpGetClient http = new HttpGetClient(base, null, null)) {
            HttpGetClient.Response fixed = http.get("/fixed", "application/x-test");
            assertEquals(200, fixed.status);
            assertEquals("application/x-test", fixed.header("Content-Type"));
            assertArrayEquals(BODY, fixed.stream().readAllBytes());

            HttpGetClient.Response chunked = http.get("/chunked", "*/*");
            assertEquals("chunked", chunked.header("transfer-encoding"));
            assertEquals(BODY.length, chunked.drain());

            HttpGetClient.Response again = http.get("/chunked", "*/*");
            assertArrayEquals(BODY, again.stream().readAllBytes());
            assertNull(again.next());

            HttpGetClient.Response missing = http.get("/missing", "*/*");
            assertEquals(404, missing.status);
            assertEquals(0, missing.drain());
            assertEquals(200, http.get("/fixed", "*/*").status);
        }
    }

    @Test
    void speaksPlainHttpOnly() {
        assertThrows(IllegalArgumentException.class, () -> new HttpGetClient("https://127.0.0.1/x", null, null));
    }
}
