package org.hozon.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * What the OHIF end-to-end test needs on the machine: Node.js 20 or later, Chromium, and the npm
 * packages of {@code ear/src/test/ohif} installed from its lock file ({@code npm ci}). {@code .ci/run}
 * installs them all; on a developer machine without them the test is skipped.
 *
 * @param dir the npm project ({@code ear/src/test/ohif}) holding the driver script
 * @param dist OHIF's prebuilt static site
 * @param node the {@code node} executable
 * @param chromium the Chromium executable
 */
record OhifTools(Path dir, Path dist, Path node, Path chromium) {
    /** Environment variable that turns a missing prerequisite into a failure (CI sets it). */
    static final String REQUIRED_ENV = "HOZON_OHIF_TEST";

    /** The tools, or the list of what is missing (never both). */
    record Lookup(OhifTools tools, List<String> missing) {
    }

    static Lookup find() {
        List<String> missing = new ArrayList<>();
        Path dir = Path.of(System.getProperty("basedir", "."), "src", "test", "ohif").toAbsolutePath().normalize();
        Path chromium = Path.of(System.getenv().getOrDefault("HOZON_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            missing.add("Chromium (" + chromium + "; Debian package chromium, or set HOZON_CHROMIUM)");
        }
        Path node = onPath("node");
        if (node == null) {
            missing.add("Node.js 20+ (node on the PATH)");
        } else if (nodeMajor(node) < 20) {
            missing.add("Node.js 20 or later (" + node + " is older)");
        }
        for (String pkg : List.of("@ohif/app", "playwright-core")) {
            String locked = lockedVersion(dir, pkg);
            if (!locked.equals(installedVersion(dir, pkg))) {
                missing.add(pkg + " " + locked + " under " + dir + " (run there: npm ci --ignore-scripts)");
            }
        }
        Path dist = dir.resolve("node_modules/@ohif/app/dist");
        if (missing.isEmpty() && !Files.isRegularFile(dist.resolve("index.html"))) {
            missing.add(dist.resolve("index.html").toString());
        }
        return missing.isEmpty() ? new Lookup(new OhifTools(dir, dist, node, chromium), List.of())
                : new Lookup(null, List.copyOf(missing));
    }

    /** Whether the environment says the test must run (so a missing tool fails it). */
    static boolean required() {
        return "required".equals(System.getenv(REQUIRED_ENV));
    }

    private static Path onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private static int nodeMajor(Path node) {
        try {
            Process p = new ProcessBuilder(node.toString(), "--version").redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readNBytes(200), StandardCharsets.US_ASCII).strip();
            }
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return 0;
            }
            return Integer.parseInt(out.replaceFirst("^v(\\d+)\\..*$", "$1"));
        } catch (IOException | NumberFormatException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** The version package-lock.json pins for {@code pkg}. */
    private static String lockedVersion(Path dir, String pkg) {
        JsonObject lock = json(dir.resolve("package-lock.json"));
        return lock == null ? "?" : lock.getJsonObject("packages").getJsonObject("node_modules/" + pkg).getString("version");
    }

    private static String installedVersion(Path dir, String pkg) {
        JsonObject p = json(dir.resolve("node_modules").resolve(pkg).resolve("package.json"));
        return p == null ? null : p.getString("version", null);
    }

    private static JsonObject json(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Json.createReader(new StringReader(Files.readString(file))).readObject();
        } catch (IOException e) {
            return null;
        }
    }
}
