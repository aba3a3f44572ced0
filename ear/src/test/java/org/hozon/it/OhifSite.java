package org.hozon.it;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Serves OHIF's prebuilt static site (the {@code dist/} of the {@code @ohif/app} npm package) on
 * 127.0.0.1 and a free port, with our own {@code app-config.js} in place of the packaged one. It is
 * a single-page application (unknown routes get {@code index.html}), and cross-origin isolated
 * (COOP and COEP headers, which OHIF deployments set to get SharedArrayBuffer for volumes), so
 * every DICOMweb response must pass CORS for the viewer to use it.
 */
final class OhifSite implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"), Map.entry("wasm", "application/wasm"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"), Map.entry("woff", "font/woff"), Map.entry("ttf", "font/ttf"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("xml", "application/xml"),
            Map.entry("onnx", "application/octet-stream"));

    private final Path root;
    private final byte[] appConfig;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(6);

    /**
     * Starts serving.
     *
     * @param root the {@code dist} directory
     * @param appConfig the JavaScript served as {@code /app-config.js}
     */
    OhifSite(Path root, String appConfig) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.appConfig = appConfig.getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** @return the site's origin, e.g. {@code http://127.0.0.1:43125} */
    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(exchange, 405, "text/plain", new byte[0]);
                return;
            }
            String path = URI.create(exchange.getRequestURI().getRawPath()).getPath();
            if (path.equals("/app-config.js")) {
                send(exchange, 200, TYPES.get("js"), appConfig);
                return;
            }
            Path file = root.resolve(path.substring(1)).normalize();
            if (!file.startsWith(root)) {
                send(exchange, 404, "text/plain", new byte[0]);
                return;
            }
            if (!Files.isRegularFile(file)) {
                String last = path.substring(path.lastIndexOf('/') + 1);
                if (last.contains(".")) {
                    send(exchange, 404, "text/plain", new byte[0]);
                    return;
                }
                file = root.resolve("index.html"); // a client-side route
            }
            headers(exchange, type(file));
            boolean head = method.equals("HEAD");
            exchange.sendResponseHeaders(200, head ? -1 : Files.size(file));
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    Files.copy(file, out);
                }
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        headers(exchange, type);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void headers(HttpExchange exchange, String type) {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Cross-Origin-Opener-Policy", "same-origin");
        exchange.getResponseHeaders().set("Cross-Origin-Embedder-Policy", "require-corp");
    }

    private static String type(Path file) {
        String name = file.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
