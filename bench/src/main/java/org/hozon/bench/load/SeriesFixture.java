package org.hozon.bench.load;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.hozon.bench.data.CtStudyGenerator;

/**
 * The series the metadata and frame modes read: series 0 of study {@code study}, instances 0 to
 * {@code size - 1} (525 KB CT slices). Its metadata tells which instances the server holds; the
 * missing ones are stored with STOW-RS, 10 per request, so a second run finds it complete.
 */
final class SeriesFixture {
    private static final int PER_REQUEST = 10;

    final int study;
    final int size;
    final String studyUid;
    final String seriesUid;
    private final CtStudyGenerator generator;

    SeriesFixture(CtStudyGenerator generator, int study, int size) {
        this.generator = generator;
        this.study = study;
        this.size = size;
        this.studyUid = generator.studyUid(study);
        this.seriesUid = generator.seriesUid(study, 0);
    }

    String metadataPath() {
        return "/studies/" + studyUid + "/series/" + seriesUid + "/metadata";
    }

    String framePath(int instance, int frame) {
        return "/studies/" + studyUid + "/series/" + seriesUid + "/instances/"
                + generator.instanceUid(study, 0, instance) + "/frames/" + frame;
    }

    /** Stores the missing instances; returns how many were stored. */
    int ensure(HttpGetClient http, DicomWebClient stow, StowRequestFactory factory) throws IOException,
            InterruptedException {
        Set<String> present = new HashSet<>();
        HttpGetClient.Response r = http.get(metadataPath(), "application/dicom+json");
        byte[] body = r.stream().readAllBytes(); // JSON of at most a few MB, once
        if (r.status == 200) {
            present.addAll(sopInstanceUids(body));
        } else if (r.status != 404) {
            throw new IOException("series metadata: HTTP " + r.status);
        }
        int stored = 0;
        int first = -1;
        for (int i = 0; i <= size; i++) {
            boolean missing = i < size && !present.contains(generator.instanceUid(study, 0, i));
            if (missing && first < 0) {
                first = i;
            }
            if (first >= 0 && (!missing || i - first == PER_REQUEST)) {
                StowRequest request = factory.request(study, 0, first, i - first);
                String error = StowResponses.check(stow.stow(request), request.instances());
                if (error != null) {
                    throw new IOException("storing instances " + first + " to " + (i - 1) + ": " + error);
                }
                stored += request.instances();
                first = missing ? i : -1;
            }
        }
        return stored;
    }

    /** SOP Instance UIDs of a metadata answer (a DICOM JSON array). */
    static Set<String> sopInstanceUids(byte[] json) {
        Set<String> out = new HashSet<>();
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(json))) {
            JsonArray array = reader.readArray();
            for (JsonValue v : array) {
                JsonObject sop = v.asJsonObject().getJsonObject("00080018");
                if (sop != null && sop.containsKey("Value")) {
                    out.add(sop.getJsonArray("Value").getString(0));
                }
            }
        }
        return out;
    }
}
