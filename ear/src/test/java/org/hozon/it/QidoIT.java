package org.hozon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.hozon.persistence.query.IndexFixture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * QIDO-RS through the deployed application on PostgreSQL, on index rows written directly with
 * JDBC (independent of STOW-RS). Every value is unique to this run (UID root and PatientID
 * prefix), so other tests' data in the same database do not disturb the assertions.
 */
@ExtendWith({TestInfrastructure.class, ArquillianExtension.class})
@RunAsClient
class QidoIT {
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private static final String SR = "1.2.840.10008.5.1.4.1.1.88.22";
    private static final URI BASE = URI.create("http://127.0.0.1:" + System.getProperty("it.http.port") + "/dicom-web/");
    /** Unique per run: a UID root and a PatientID prefix. */
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L);
    private static final String ROOT = "1.2.826.0.1.3680043.10.1." + RUN;
    private static final String S1 = ROOT + ".1";
    private static final String S2 = ROOT + ".2";
    private static final String PID = "Q" + RUN;
    private static boolean filled;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("ear.file")));
    }

    /** Writes the rows once, after deployment (Flyway has created the tables by then). */
    private static synchronized void fill() throws Exception {
        if (filled) {
            return;
        }
        try (Connection c = TestDatabase.connect()) {
            IndexFixture f = new IndexFixture(c);
            long s1 = f.study(S1, PID + "-1", "Yamada^Tarou=山田^太郎=やまだ^たろう", "20200115", "101500.000000",
                    "A" + RUN, "Suzuki^Ichiro=鈴木^一郎=すずき^いちろう", "CT", "SR");
            long s1a = f.series(s1, S1 + ".1", "CT", 1, "20200115", "101600.000000");
            f.request(s1a, "RP1", "SPS" + RUN, "A" + RUN);
            f.instance(s1, s1a, S1 + ".1.1", CT, 1, IndexFixture.header(S1, S1 + ".1", S1 + ".1.1", "ACME", "CHEST"));
            f.instance(s1, s1a, S1 + ".1.2", CT, 2, IndexFixture.header(S1, S1 + ".1", S1 + ".1.2", "ACME", "CHEST"));
            long s1b = f.series(s1, S1 + ".2", "SR", 2, null, null);
            f.instance(s1, s1b, S1 + ".2.1", SR, 1, IndexFixture.header(S1, S1 + ".2", S1 + ".2.1", "Other", null));
            long s2 = f.study(S2, PID + "+2", "Smith^John", "20210301", "235959.500000", "B" + RUN, null, "MR");
            long s2a = f.series(s2, S2 + ".1", "MR", 1, null, null);
            f.instance(s2, s2a, S2 + ".1.1", "1.2.840.10008.5.1.4.1.1.4", 1,
                    IndexFixture.header(S2, S2 + ".1", S2 + ".1.1", "Magnetix", "HEAD"));
        }
        filled = true;
    }

    private HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
        fill();
        HttpRequest.Builder b = HttpRequest.newBuilder(BASE.resolve(pathAndQuery)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private JsonArray ok(String pathAndQuery, String... headers) throws Exception {
        HttpResponse<String> r = get(pathAndQuery, headers);
        assertEquals(200, r.statusCode(), pathAndQuery + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/dicom+json"),
                r.headers().toString());
        return Json.createReader(new StringReader(r.body())).readArray();
    }

    /** The values of {@code tag} (first value) in each result. */
    private static List<String> values(JsonArray results, String tag) {
        List<String> out = new ArrayList<>();
        for (JsonObject o : results.getValuesAs(JsonObject.class)) {
            out.add(o.getJsonObject(tag).getJsonArray("Value").getString(0));
        }
        return out;
    }

    private List<String> studies(String query) throws Exception {
        HttpResponse<String> r = get("studies?" + query);
        if (r.statusCode() == 204) {
            return List.of();
        }
        assertEquals(200, r.statusCode(), query + ": " + r.body());
        return values(Json.createReader(new StringReader(r.body())).readArray(), "0020000D");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void studySearchReturnsRequiredKeysAndJapaneseNameGroups() throws Exception {
        JsonArray a = ok("studies?PatientID=" + PID + "-1", "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "pacs.example.org");
        assertEquals(1, a.size());
        JsonObject s = a.getJsonObject(0);
        JsonObject pn = s.getJsonObject("00100010").getJsonArray("Value").getJsonObject(0);
        assertEquals("Yamada^Tarou", pn.getString("Alphabetic"));
        assertEquals("山田^太郎", pn.getString("Ideographic"));
        assertEquals("やまだ^たろう", pn.getString("Phonetic"));
        assertEquals("https://pacs.example.org/dicom-web/studies/" + S1,
                s.getJsonObject("00081190").getJsonArray("Value").getString(0));
        assertEquals(List.of("CT", "SR"), s.getJsonObject("00080061").getJsonArray("Value").getValuesAs(
                jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals(2, s.getJsonObject("00201206").getJsonArray("Value").getInt(0));
        assertEquals(3, s.getJsonObject("00201208").getJsonArray("Value").getInt(0));
        for (String tag : List.of("00080005", "00080020", "00080030", "00080050", "00080056", "00080090", "00080201",
                "00100020", "00100030", "00100040", "0020000D", "00200010")) {
            assertTrue(s.containsKey(tag), tag + " is required");
        }
        assertFalse(s.getJsonObject("00080201").containsKey("Value"), "no TimezoneOffsetFromUTC known: empty");
        JsonObject smith = ok("studies?PatientID=" + PID + "%2B2").getJsonObject(0);
        assertEquals("PN", smith.getJsonObject("00080090").getString("vr"));
        assertFalse(smith.getJsonObject("00080090").containsKey("Value"), "no referring physician: empty");
    }

    @Test
    void matchingRules() throws Exception {
        String mine = "&PatientID=" + PID + "*";
        assertEquals(List.of(S1, S2), studies("StudyInstanceUID=" + S2 + "%5C" + S1));
        assertEquals(List.of(S2), studies("PatientID=" + PID + "+2"), "a plus stays a plus");
        assertEquals(List.of(S1), studies("PatientName=YAMADA*" + mine));
        assertEquals(List.of(S2), studies("PatientName=sm?th%5Ejohn" + mine));
        assertEquals(List.of(S1), studies("PatientName=" + enc("山田^太郎") + mine));
        assertEquals(List.of(S1), studies("PatientName=" + enc("やまだ*") + mine));
        assertEquals(List.of(S1), studies("PatientName=" + enc("=山田^太郎") + mine));
        assertEquals(List.of(), studies("PatientName=" + enc("ヤマダ*") + mine));
        assertEquals(List.of(S1), studies("fuzzymatching=true&PatientName=" + enc("ヤマダ") + mine));
        assertEquals(List.of(S1), studies("fuzzymatching=true&PatientName=" + enc("太") + mine));
        assertEquals(List.of(S1), studies("fuzzymatching=true&PatientName=tar%20YAM" + mine));
        assertEquals(List.of(S1), studies("fuzzymatching=true&ReferringPhysicianName=" + enc("すず") + mine));
        assertEquals(List.of(S1, S2), studies("StudyDate=20200101-" + mine));
        assertEquals(List.of(S1), studies("StudyDate=-20201231" + mine));
        assertEquals(List.of(S2), studies("StudyTime=2300-" + mine));
        assertEquals(List.of(S1), studies("ModalitiesInStudy=CT&StudyDate=20200101-20200131" + mine));
        assertEquals(List.of(S2), studies("AccessionNumber=B" + RUN));
        assertEquals(List.of(S1), studies("AccessionNumber=A" + RUN.substring(0, 3) + "*" + mine));
        assertEquals(List.of(S1), studies("00100020=" + PID + "-1&StudyID=SID-1"));
        assertEquals(List.of(S1, S2), studies("PatientWeight=70.5" + mine), "a header attribute, matched in memory");
    }

    @Test
    void relationalAndPathSearches() throws Exception {
        String mine = "PatientID=" + PID + "*";
        assertEquals(List.of(S1 + ".1", S1 + ".2", S2 + ".1"), values(ok("series?" + mine), "0020000E"));
        assertEquals(List.of(S1 + ".1"), values(ok("series?Modality=CT&" + mine), "0020000E"));
        JsonArray seriesOfS1 = ok("studies/" + S1 + "/series");
        assertEquals(List.of(S1 + ".1", S1 + ".2"), values(seriesOfS1, "0020000E"));
        JsonObject first = seriesOfS1.getJsonObject(0);
        assertEquals(2, first.getJsonObject("00201209").getJsonArray("Value").getInt(0));
        assertEquals("SPS" + RUN, first.getJsonObject("00400275").getJsonArray("Value").getJsonObject(0)
                .getJsonObject("00400009").getJsonArray("Value").getString(0));
        assertEquals(List.of(S1 + ".1"), values(ok("series?RequestAttributesSequence.ScheduledProcedureStepID=SPS"
                + RUN), "0020000E"));
        assertEquals(List.of(S1 + ".1"), values(ok("series?Manufacturer=ACME&" + mine), "0020000E"));
        assertEquals(List.of(S1 + ".1.2"), values(ok("studies/" + S1 + "/series/" + S1 + ".1/instances?InstanceNumber=2"),
                "00080018"));
        assertEquals(List.of(S1 + ".2.1"), values(ok("studies/" + S1 + "/instances?SOPClassUID=" + SR), "00080018"));
        JsonArray ctInstances = ok("instances?Modality=CT&" + mine);
        assertEquals(List.of(S1 + ".1.1", S1 + ".1.2"), values(ctInstances, "00080018"));
        JsonObject instance = ctInstances.getJsonObject(0);
        assertEquals(512, instance.getJsonObject("00280010").getJsonArray("Value").getInt(0));
        assertEquals("http://127.0.0.1:" + System.getProperty("it.http.port") + "/dicom-web/studies/" + S1
                + "/series/" + S1 + ".1/instances/" + S1 + ".1.1",
                instance.getJsonObject("00081190").getJsonArray("Value").getString(0));
        assertTrue(instance.containsKey("00100010"), "study attributes on /instances");
    }

    @Test
    void includefieldForms() throws Exception {
        JsonObject s = ok("studies?PatientID=" + PID + "-1&includefield=00081030,PatientComments"
                + "&includefield=00101030").getJsonObject(0);
        assertEquals("Desc " + S1, s.getJsonObject("00081030").getJsonArray("Value").getString(0));
        assertEquals("検査 " + S1 + ".1.1", s.getJsonObject("00104000").getJsonArray("Value").getString(0),
                "from the first instance's header");
        assertTrue(s.containsKey("00101030"));
        JsonObject all = ok("studies?PatientID=" + PID + "-1&includefield=all").getJsonObject(0);
        assertTrue(all.containsKey("00104000") && all.containsKey("00101030"), all.toString());
        assertFalse(all.containsKey("00080070"), "Manufacturer is a series attribute");
        JsonObject inst = ok("instances?SOPInstanceUID=" + S2 + ".1.1&includefield=all").getJsonObject(0);
        assertEquals("Magnetix", inst.getJsonObject("00080070").getJsonArray("Value").getString(0));
    }

    @Test
    void statusCodes() throws Exception {
        assertEquals(204, get("studies?PatientID=" + PID + "-nobody").statusCode());
        assertEquals(204, get("studies?PatientID=" + PID + "*&offset=2").statusCode());
        assertEquals(204, get("studies/" + ROOT + ".99/series").statusCode());
        HttpResponse<String> bad = get("studies?StudyDate=2020");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("StudyDate"), bad.body());
        assertEquals(400, get("studies?limit=many").statusCode());
        assertEquals(400, get("studies/not-a-uid/series").statusCode());
        assertEquals(406, get("studies?PatientID=" + PID + "-1", "Accept", "application/dicom+xml").statusCode());
        assertEquals(406, get("studies?PatientID=" + PID + "-1", "Accept", "image/png").statusCode());
        assertEquals(200, get("studies?PatientID=" + PID + "-1", "Accept", "application/json").statusCode());
        assertEquals(200, get("studies?PatientID=" + PID + "-1", "Accept", "*/*").statusCode());
    }

    @Test
    void warningsAndStablePaging() throws Exception {
        HttpResponse<String> unknown = get("studies?PatientID=" + PID + "-1&NoSuchKeyword=1");
        assertEquals(200, unknown.statusCode());
        String w = String.join("|", unknown.headers().allValues("Warning"));
        assertTrue(w.startsWith("299 ") && w.contains("NoSuchKeyword"), w);

        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < 3; offset++) {
            HttpResponse<String> r = get("instances?PatientID=" + PID + "*&limit=1&offset=" + offset);
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().allValues("Warning").stream().anyMatch(v -> v.startsWith("299 ")
                    && v.contains("additional results")), r.headers().toString());
            paged.addAll(values(Json.createReader(new StringReader(r.body())).readArray(), "00080018"));
        }
        HttpResponse<String> last = get("instances?PatientID=" + PID + "*&limit=1&offset=3");
        assertEquals(200, last.statusCode());
        assertTrue(last.headers().allValues("Warning").isEmpty(), "the last page is not truncated");
        paged.addAll(values(Json.createReader(new StringReader(last.body())).readArray(), "00080018"));
        assertEquals(values(ok("instances?PatientID=" + PID + "*"), "00080018"), paged);
        assertEquals(List.of(S1 + ".1.1", S1 + ".1.2", S1 + ".2.1", S2 + ".1.1"), paged);
    }
}
