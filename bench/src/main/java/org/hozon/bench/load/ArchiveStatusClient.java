package org.hozon.bench.load;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/** Reads Hozon's {@code GET /admin/archive}: task counts per status, backlog, oldest pending age, lag percentiles. */
final class ArchiveStatusClient {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI uri;
    private final String authorization;

    /**
     * One reading of the archive's state.
     *
     * @param nanos      when it was read ({@link System#nanoTime})
     * @param archived   ARCHIVED tasks
     * @param pending    PENDING tasks
     * @param running    RUNNING tasks
     * @param failed     FAILED tasks
     * @param oldestPendingSeconds age of the oldest task not archived, or -1
     * @param lagP50     lag percentiles over the server's last 10,000 archived tasks, ms (-1 if none)
     * @param lagP95     as above
     * @param lagP99     as above
     * @param lagMax     as above
     */
    record Snapshot(long nanos, long archived, long pending, long running, long failed, long oldestPendingSeconds,
            long lagP50, long lagP95, long lagP99, long lagMax) {
        long backlog() {
            return pending + running;
        }
    }

    ArchiveStatusClient(String adminUrl, String user, String password) {
        this.uri = URI.create(adminUrl);
        this.authorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Waits until nothing is PENDING, so that earlier work does not count. RUNNING tasks are
     * not waited for: they finish within seconds, unless their archiver died, and then they
     * stay RUNNING until their lease expires.
     *
     * @param seconds how long to wait at most
     * @param report  where to say so while waiting
     * @return the state then
     * @throws IOException if tasks are still pending after {@code seconds}
     */
    Snapshot awaitNothingPending(int seconds, Report report) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        Snapshot s = read();
        while (s.pending() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IOException("the archive still has " + s.pending() + " pending tasks; let them drain first");
            }
            report.note("waiting for %d earlier pending tasks to be archived", s.pending());
            Thread.sleep(5000);
            s = read();
        }
        if (s.running() > 0) {
            report.note("%d tasks RUNNING (in progress, or left by an archiver that died, until their lease expires)",
                    s.running());
        }
        return s;
    }

    Snapshot read() throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + uri + " answered " + r.statusCode() + ": " + r.body());
        }
        JsonObject o;
        try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
            o = reader.readObject();
        }
        JsonObject tasks = o.getJsonObject("tasks");
        JsonObject lag = o.getJsonObject("lagMillis");
        return new Snapshot(System.nanoTime(), count(tasks, "ARCHIVED"), count(tasks, "PENDING"), count(tasks, "RUNNING"),
                count(tasks, "FAILED"), o.getJsonNumber("oldestPendingSeconds").longValue(), count(lag, "p50", -1),
                count(lag, "p95", -1), count(lag, "p99", -1), count(lag, "max", -1));
    }

    private static long count(JsonObject o, String name) {
        return count(o, name, 0);
    }

    private static long count(JsonObject o, String name, long absent) {
        return o == null || !o.containsKey(name) ? absent : o.getJsonNumber(name).longValue();
    }
}
