package org.hozon.bench.load;

import java.io.ByteArrayInputStream;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

/**
 * Judges a STOW-RS response: success is status 200 and a ReferencedSOPSequence (0008,1199)
 * with one item per instance sent. The count matters because some servers answer 200 with
 * an empty sequence when they stored nothing (Orthanc's plugin does, for parts it refuses).
 */
final class StowResponses {
    private static final String REFERENCED = "00081199";
    private static final String FAILED = "00081198";

    private StowResponses() {
    }

    /** Null if the response says all {@code instances} were stored, else a description of the error. */
    static String check(DicomWebClient.Response response, int instances) {
        if (response.status != 200) {
            return "HTTP " + response.status + ": " + response.bodyText(2000);
        }
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(response.body))) {
            JsonValue root = reader.readValue();
            JsonObject ds = root instanceof JsonArray a && !a.isEmpty() ? a.getJsonObject(0) : (JsonObject) root;
            int referenced = items(ds, REFERENCED);
            int failed = items(ds, FAILED);
            if (referenced != instances || failed != 0) {
                return "HTTP 200 but " + referenced + " of " + instances + " instances referenced and " + failed
                        + " failed: " + response.bodyText(2000);
            }
            return null;
        } catch (JsonException | ClassCastException e) {
            return "HTTP 200 with an unreadable body (" + e.getMessage() + "): " + response.bodyText(2000);
        }
    }

    private static int items(JsonObject ds, String tag) {
        JsonObject element = ds.getJsonObject(tag);
        if (element == null) {
            return 0;
        }
        JsonArray value = element.getJsonArray("Value");
        return value == null ? 0 : value.size();
    }
}
