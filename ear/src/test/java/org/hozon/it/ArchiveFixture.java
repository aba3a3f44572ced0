package org.hozon.it;

import static org.hozon.it.TestInstances.contentType;
import static org.hozon.it.TestInstances.multipart;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * What the archive tests share: the two targets the test server archives to, their buckets seen
 * through S3, STOW, and waiting for the archive's database state (polling, with a deadline).
 */
final class ArchiveFixture {
    static final URI STUDIES = URI.create("http://127.0.0.1:" + System.getProperty("it.http.port") + "/dicom-web/studies");
    static final URI ADMIN = STUDIES.resolve("/admin/");
    static final URI READY = URI.create("http://127.0.0.1:" + System.getProperty("it.management.port") + "/health/ready");
    static final Duration TIMEOUT = Duration.ofSeconds(90);
    static final List<String> TARGETS = List.of(TestInfrastructure.PRIMARY, TestInfrastructure.OFFSITE);

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private ArchiveFixture() {
    }

    /** @return the bucket of a target (as ear/pom.xml configures the test server) */
    static String bucket(String target) {
        return TestInfrastructure.PRIMARY.equals(target) ? "hozon-archive" : "hozon-offsite";
    }

    /** @return a client of the s3proxy serving a target; the caller closes it */
    static S3Client s3(String target) {
        return S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
                .forcePathStyle(true)
                .endpointOverride(URI.create("http://127.0.0.1:" + TestInfrastructure.s3proxy(target).port()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        TestInfrastructure.S3_IDENTITY, TestInfrastructure.S3_CREDENTIAL)))
                .build();
    }

    /** @return the keys of every object in a target's bucket (instances' objects, not the self-test's) */
    static Set<String> keys(String target) {
        Set<String> keys = new HashSet<>();
        try (S3Client s3 = s3(target)) {
            for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket(target))).contents()) {
                if (!o.key().startsWith("self-test/")) {
                    keys.add(o.key());
                }
            }
        }
        return keys;
    }

    /** Prints a step of a test with the time, between the server's log lines (both go to the test's output). */
    static void step(String what) {
        System.out.println(java.time.LocalTime.now() + " [test] " + what);
    }

    /** STOWs the files as one request; 200 expected. */
    static void stow(byte[]... files) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(STUDIES)
                .header("Content-Type", contentType()).header("Accept", "application/dicom+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(files))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
    }

    /** @return {@code GET /admin/archive} */
    static JsonObject adminArchive() throws Exception {
        HttpResponse<String> status = HTTP.send(HttpRequest.newBuilder(ADMIN.resolve("archive")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, status.statusCode(), status.body());
        return Json.createReader(new StringReader(status.body())).readObject();
    }

    /** @return {@code GET /admin/metrics} */
    static String metrics() throws Exception {
        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(ADMIN.resolve("metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, metrics.statusCode(), metrics.body());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), "Prometheus text");
        return metrics.body();
    }

    /** @return the readiness status code (200 UP, 503 DOWN) and body */
    static HttpResponse<String> readiness() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(READY).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits until every instance's task is ARCHIVED. */
    static void awaitArchived(Collection<String> sops) throws Exception {
        await("all instances ARCHIVED", () -> count("SELECT COUNT(*) FROM archive_task t JOIN instance i"
                + " ON t.instance_fk = i.pk WHERE t.status = 'ARCHIVED' AND i.sop_iuid IN (" + in(sops) + ")", sops)
                == sops.size(), () -> states(sops));
    }

    /**
     * Waits until the archive has nothing in flight that the database shows: no task PENDING or
     * RUNNING, no ARCHIVED task with copies to catch up, no deletion waiting.
     */
    static void awaitIdle() throws Exception {
        await("the archive idle", () -> count("SELECT COUNT(*) FROM archive_task WHERE status IN ('PENDING', 'RUNNING')"
                + " OR (status = 'ARCHIVED' AND last_error IS NOT NULL)", List.of()) == 0
                && count("SELECT COUNT(*) FROM archive_deletion", List.of()) == 0,
                () -> "tasks: " + rows("SELECT status, last_error FROM archive_task WHERE status IN ('PENDING', 'RUNNING')"
                        + " OR (status = 'ARCHIVED' AND last_error IS NOT NULL)", List.of())
                        + " deletions: " + rows("SELECT target, object_key, last_error FROM archive_deletion", List.of()));
    }

    /** Polls a condition every 250 ms until it holds or {@link #TIMEOUT} passes. */
    static void await(String what, Check condition, Describe state) throws Exception {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!condition.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not " + what + " within " + TIMEOUT + ": " + state.describe());
            }
            Thread.sleep(250);
        }
    }

    /** A condition that may query the database. */
    interface Check {
        boolean holds() throws Exception;
    }

    /** What to show when a wait times out. */
    interface Describe {
        String describe() throws Exception;
    }

    /** @return the count a query answers, with its {@code ?} bound to the values in order */
    static long count(String sql, Collection<String> params) throws Exception {
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** @return the rows of a query, each as a list of its values */
    static List<List<Object>> rows(String sql, Collection<String> params) throws Exception {
        List<List<Object>> out = new ArrayList<>();
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.add(rs.getObject(i));
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }

    /** @return {@code ?, ?, ...} for the values */
    static String in(Collection<String> values) {
        return String.join(",", Collections.nCopies(values.size(), "?"));
    }

    private static String states(Collection<String> sops) throws Exception {
        return rows("SELECT t.status, t.attempts, t.last_error FROM archive_task t JOIN instance i ON t.instance_fk = i.pk"
                + " WHERE i.sop_iuid IN (" + in(sops) + ")", sops).toString();
    }

    private static void bind(PreparedStatement s, Collection<String> params) throws Exception {
        int k = 1;
        for (String p : params) {
            s.setString(k++, p);
        }
    }
}
