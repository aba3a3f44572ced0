package org.hozon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deploys the real EAR on WildFly (PostgreSQL datasource, embedded Artemis, s3proxy) and
 * proves every wire through the product's own HTTP interfaces. Each assertion also checks
 * the far side directly (the row in PostgreSQL, the object in s3proxy's directory), so a
 * cut wire fails the test.
 */
@ExtendWith({TestInfrastructure.class, ArquillianExtension.class})
@RunAsClient
class SmokeIT {

    private static final URI APP = URI.create("http://127.0.0.1:" + System.getProperty("it.http.port") + "/");
    private static final URI READY = URI.create("http://127.0.0.1:" + System.getProperty("it.management.port") + "/health/ready");
    private static final Duration MESSAGE_WAIT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("ear.file")));
    }

    @Test
    void readinessIsUpWithEveryCheck() throws Exception {
        HttpResponse<String> response = get(READY);
        assertEquals(200, response.statusCode(), response.body());
        JsonObject health = json(response.body());
        assertEquals("UP", health.getString("status"));
        for (String check : new String[] {"database", "broker", "object-store", "local-store"}) {
            JsonObject found = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                    .filter(c -> c.getString("name").equals(check)).findFirst()
                    .orElseThrow(() -> new AssertionError("no readiness check " + check + " in " + health));
            assertEquals("UP", found.getString("status"), found.toString());
        }
    }

    @Test
    void selfTestProvesDatabaseObjectStoreAndQueue() throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(APP.resolve("admin/self-test"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        JsonObject run = json(created.body());
        String id = run.getString("id");
        assertTrue(run.getBoolean("objectVerified"), "object read back equals what was written");

        // the object really is in s3proxy's bucket directory
        Path object = TestInfrastructure.s3BaseDir().resolve("hozon-archive").resolve(run.getString("objectKey"));
        assertEquals("Hozon self-test " + id, Files.readString(object, StandardCharsets.US_ASCII));

        // the MDB consumed the message and stamped the run
        URI location = URI.create(created.headers().firstValue("Location").orElseThrow());
        JsonObject shown = awaitMessageReceived(location);
        assertEquals(id, shown.getString("id"));

        // the row really is in the database (PostgreSQL or H2), in the schema Flyway created
        try (Connection c = TestDatabase.connect()) {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT object_verified, message_received_at FROM self_test_run WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    assertTrue(rs.next(), "row in the database");
                    assertTrue(rs.getBoolean(1));
                    assertTrue(rs.getTimestamp(2) != null, "message_received_at set");
                }
            }
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
                assertTrue(rs.next(), "Flyway recorded its migrations");
                assertEquals("1", rs.getString(1));
            }
        }
    }

    @Test
    void unknownSelfTestIsNotFound() throws Exception {
        assertEquals(404, get(APP.resolve("admin/self-test/no-such-run")).statusCode());
    }

    @Test
    void dicomWebBaseAnswers() throws Exception {
        HttpResponse<String> response = get(APP.resolve("dicom-web"));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("Hozon DICOMweb", json(response.body()).getString("service"));
    }

    private JsonObject awaitMessageReceived(URI location) throws Exception {
        Instant deadline = Instant.now().plus(MESSAGE_WAIT);
        JsonObject shown = null;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = get(location);
            assertEquals(200, response.statusCode(), response.body());
            shown = json(response.body());
            if (shown.get("messageReceived") == JsonValue.TRUE) {
                return shown;
            }
            Thread.sleep(250);
        }
        return fail("archive queue consumer did not receive the self-test message within " + MESSAGE_WAIT + ": " + shown);
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
