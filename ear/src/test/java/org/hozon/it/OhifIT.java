package org.hozon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * End to end with the real OHIF viewer (v3, the {@code @ohif/app} npm build): a CT series is stored
 * by STOW-RS, OHIF is served from another origin with {@code ear/src/test/ohif/app-config.js}
 * pointing at this server, and headless Chromium, driven by {@code ohif-e2e.mjs}, finds the study
 * in the study list, opens it and waits for the image. Asserted here: the image was rendered (the
 * viewport canvas shows the phantom in its soft-tissue window), every DICOMweb request the viewer
 * made succeeded, and the browser reported no CORS error. Skipped when Chromium, Node.js or the
 * npm packages are missing (see {@link OhifTools}); {@code .ci/run} installs them and requires the
 * test. The screenshot and the script's report are kept in {@code ear/target/ohif/<db>/}.
 */
@ExtendWith({TestInfrastructure.class, ArquillianExtension.class})
@RunAsClient
class OhifIT {
    static final String ROOT = "http://127.0.0.1:" + System.getProperty("it.http.port") + "/dicom-web";
    static final int SLICES = 4;
    static final long SCRIPT_TIMEOUT_MS = 90_000;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("ear.file")));
    }

    @Test
    void ohifFindsOpensAndRendersAStoredCtSeries() throws Exception {
        OhifTools tools = tools();
        String token = "e2e-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        String study = TestInstances.uid();
        store(CtPhantom.series("OHIF-" + token, "Phantom^Ohif", "CT Chest phantom " + token, study,
                TestInstances.uid(), SLICES));

        Path out = Path.of(System.getProperty("basedir", "."), "target", "ohif", System.getProperty("it.db", "db"));
        Files.createDirectories(out);
        Files.deleteIfExists(out.resolve("ohif-result.json"));
        String config = Files.readString(tools.dir().resolve("app-config.js")).replace("@DICOMWEB_ROOT@", ROOT);
        try (OhifSite site = new OhifSite(tools.dist(), config)) {
            int exit = runScript(tools, site.origin(), token, out);
            JsonObject result = readResult(out);
            String log = Files.readString(out.resolve("ohif-e2e.log"));
            assertEquals(0, exit, "the viewer flow failed at: " + result.getString("step", "?") + "\n"
                    + result.get("error") + "\n" + log + "\nscreenshot: " + out.resolve("ohif-viewer.png"));
            assertResult(result, study);
        }
    }

    private static OhifTools tools() {
        OhifTools.Lookup lookup = OhifTools.find();
        String message = "OHIF end-to-end test needs " + String.join("; ", lookup.missing())
                + " (.ci/run installs them; set " + OhifTools.REQUIRED_ENV + "=required to fail instead of skip)";
        if (lookup.tools() == null && OhifTools.required()) {
            fail(message);
        }
        Assumptions.assumeTrue(lookup.tools() != null, message);
        return lookup.tools();
    }

    /** Runs the driver script, at most {@link #SCRIPT_TIMEOUT_MS} plus a margin; returns its exit code. */
    private static int runScript(OhifTools tools, String viewer, String token, Path out) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(tools.node().toString(), "ohif-e2e.mjs",
                "--viewer=" + viewer, "--dicomweb=" + ROOT, "--description=" + token, "--out=" + out,
                "--chromium=" + tools.chromium(), "--timeout=" + SCRIPT_TIMEOUT_MS)
                .directory(tools.dir().toFile()).redirectErrorStream(true)
                .redirectOutput(out.resolve("ohif-e2e.log").toFile());
        Process p = pb.start();
        if (!p.waitFor(SCRIPT_TIMEOUT_MS + 30_000, TimeUnit.MILLISECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("ohif-e2e.mjs did not end in time; see " + out);
        }
        return p.exitValue();
    }

    private static JsonObject readResult(Path out) throws IOException {
        Path file = out.resolve("ohif-result.json");
        assertTrue(Files.isRegularFile(file), "the script wrote no result: " + Files.readString(out.resolve("ohif-e2e.log")));
        return Json.createReader(new StringReader(Files.readString(file))).readObject();
    }

    private static void assertResult(JsonObject result, String study) {
        List<JsonObject> requests = result.getJsonArray("requests").getValuesAs(JsonObject.class);
        String all = requests.stream().map(r -> r.get("status") + " " + r.getString("method") + " " + r.getString("url"))
                .collect(Collectors.joining("\n"));
        List<JsonObject> bad = requests.stream()
                .filter(r -> r.isNull("status") || r.getInt("status") >= 400).toList();
        assertTrue(bad.isEmpty(), "DICOMweb requests that failed:\n" + bad + "\nall:\n" + all);
        assertTrue(result.getJsonArray("failed").isEmpty(), "requests the browser failed: " + result.getJsonArray("failed"));
        List<String> cors = result.getJsonArray("consoleErrors").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .filter(m -> m.contains("CORS") || m.contains("Access-Control") || m.contains("Cross-Origin")).toList();
        assertTrue(cors.isEmpty(), "CORS errors on the console: " + cors);
        // OHIF logs an error when it cannot use what it got (e.g. malformed metadata)
        assertTrue(result.getJsonArray("consoleErrors").isEmpty(), "console errors: " + result.getJsonArray("consoleErrors"));
        assertTrue(result.getJsonArray("pageErrors").isEmpty(), "uncaught errors: " + result.getJsonArray("pageErrors"));

        // the calls OHIF makes to open a study (QIDO, series metadata, frames), all answered by us
        assertTrue(hasRequest(requests, "/studies?", "StudyDescription="), "study list query\n" + all);
        assertTrue(hasRequest(requests, "/studies/" + study + "/series?", ""), "series query\n" + all);
        assertTrue(hasRequest(requests, "/studies/" + study + "/series/", "/metadata"), "series metadata\n" + all);
        long frames = requests.stream().filter(r -> r.getString("url").contains("/studies/" + study + "/")
                && r.getString("url").endsWith("/frames/1")).count();
        assertTrue(frames >= 1, "frame requests\n" + all);
        requests.stream().filter(r -> r.getString("url").endsWith("/frames/1")).forEach(r ->
                assertTrue(r.getString("contentType", "").startsWith("multipart/related"), "multipart frames: " + r));

        JsonObject pixels = result.getJsonObject("pixels");
        assertTrue(pixels.getJsonNumber("nonBlackFraction").doubleValue() > 0.05, "canvas is blank: " + pixels);
        assertTrue(pixels.getInt("levels") >= 16, "canvas is flat: " + pixels);
        // The heart (60 HU) lies at the centre. In the stored soft-tissue window (40/400) it is
        // grey level ~140; a viewer that ignored the window or the rescale would show it ~160 or
        // saturated. So this checks the metadata (rescale, window) reached the viewer intact.
        double centre = pixels.getJsonNumber("centreMean").doubleValue();
        assertTrue(centre > 120 && centre < 155, "centre of the image is not the windowed heart: " + pixels);
    }

    private static boolean hasRequest(List<JsonObject> requests, String part, String alsoContains) {
        return requests.stream().map(r -> r.getString("url"))
                .anyMatch(u -> u.contains(part) && u.contains(alsoContains));
    }

    private void store(List<byte[]> files) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(ROOT + "/studies"))
                .header("Content-Type", TestInstances.contentType()).header("Accept", "application/dicom+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(TestInstances.multipart(files.toArray(new byte[0][]))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
    }
}
