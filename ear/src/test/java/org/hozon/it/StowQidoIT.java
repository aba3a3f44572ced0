package org.hozon.it;

import static org.hozon.it.TestInstances.CT;
import static org.hozon.it.TestInstances.MR;
import static org.hozon.it.TestInstances.contentType;
import static org.hozon.it.TestInstances.file;
import static org.hozon.it.TestInstances.header;
import static org.hozon.it.TestInstances.multipart;
import static org.hozon.it.TestInstances.uid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.hozon.dicom.Dataset;
import org.hozon.dicom.Tag;
import org.hozon.dicom.VR;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * STOW-RS, then QIDO-RS on what it stored: proves that POST and GET coexist on
 * {@code /dicom-web/studies} and that ingest fills every column the six searches read
 * (required return keys, counts, ModalitiesInStudy, Japanese names in ISO 2022 IR 87 with their
 * three groups). Runs on PostgreSQL and H2 (see ear/pom.xml).
 */
@ExtendWith({TestInfrastructure.class, ArquillianExtension.class})
@RunAsClient
class StowQidoIT {
    private static final URI BASE = URI.create("http://127.0.0.1:" + System.getProperty("it.http.port") + "/dicom-web/");
    private static final String NAME = "Yamada^Tarou=山田^太郎=やまだ^たろう";
    private static final String PID = "SQ-" + uid().substring(5, 17);
    private static final String STUDY = uid();
    private static final String CT_SERIES = uid();
    private static final String MR_SERIES = uid();
    private static final List<String> SOPS = new ArrayList<>();
    private static boolean stored;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("ear.file")));
    }

    @BeforeAll
    static void sops() {
        for (int i = 0; i < 3; i++) {
            SOPS.add(uid());
        }
    }

    /** Two CT instances and one MR instance of one study, the names encoded in ISO 2022 IR 87. */
    private static byte[] instance(int i) {
        boolean ct = i < 2;
        Dataset ds = header(PID, "X", "19700101", STUDY, ct ? CT_SERIES : MR_SERIES, SOPS.get(i), ct ? CT : MR,
                ct ? "CT" : "MR");
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "", "ISO 2022 IR 87");
        ds.setString(Tag.PatientName, VR.PN, NAME);
        ds.setString(Tag.ReferringPhysicianName, VR.PN, "Suzuki^Ichiro=鈴木^一郎=すずき^いちろう");
        ds.setString(Tag.InstanceNumber, VR.IS, Integer.toString(i + 1));
        ds.setString(Tag.SeriesNumber, VR.IS, ct ? "1" : "2");
        return file(ds, i);
    }

    /** Stores the study once, through STOW-RS, before the first search. */
    private synchronized void store() throws Exception {
        if (stored) {
            return;
        }
        HttpRequest post = HttpRequest.newBuilder(BASE.resolve("studies"))
                .header("Content-Type", contentType()).header("Accept", "application/dicom+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(instance(0), instance(1), instance(2)))).build();
        HttpResponse<String> r = http.send(post, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), r.body());
        JsonObject body = Json.createReader(new StringReader(r.body())).readObject();
        assertEquals(3, body.getJsonObject("00081199").getJsonArray("Value").size());
        stored = true;
    }

    private JsonArray search(String pathAndQuery) throws Exception {
        store();
        HttpRequest get = HttpRequest.newBuilder(BASE.resolve(pathAndQuery)).header("Accept", "application/dicom+json")
                .GET().build();
        HttpResponse<String> r = http.send(get, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), pathAndQuery + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/dicom+json"));
        return Json.createReader(new StringReader(r.body())).readArray();
    }

    private static String first(JsonObject o, String tag) {
        return o.getJsonObject(tag).getJsonArray("Value").getString(0);
    }

    private static int firstInt(JsonObject o, String tag) {
        return o.getJsonObject(tag).getJsonArray("Value").getInt(0);
    }

    private static List<String> all(JsonObject o, String tag) {
        return o.getJsonObject(tag).getJsonArray("Value").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
    }

    private static List<String> column(JsonArray results, String tag) {
        return results.getValuesAs(JsonObject.class).stream().map(o -> first(o, tag)).toList();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void assertNameGroups(JsonObject pnValue) {
        assertEquals("Yamada^Tarou", pnValue.getString("Alphabetic"));
        assertEquals("山田^太郎", pnValue.getString("Ideographic"));
        assertEquals("やまだ^たろう", pnValue.getString("Phonetic"));
    }

    @Test
    void studiesFindsTheStoredStudyWithItsRequiredKeys() throws Exception {
        JsonArray a = search("studies?PatientID=" + PID);
        assertEquals(1, a.size());
        JsonObject s = a.getJsonObject(0);
        assertEquals(STUDY, first(s, "0020000D"));
        assertNameGroups(s.getJsonObject("00100010").getJsonArray("Value").getJsonObject(0));
        assertEquals("鈴木^一郎", s.getJsonObject("00080090").getJsonArray("Value").getJsonObject(0).getString("Ideographic"));
        assertEquals(List.of("CT", "MR"), all(s, "00080061"));
        assertEquals(2, firstInt(s, "00201206"), "NumberOfStudyRelatedSeries");
        assertEquals(3, firstInt(s, "00201208"), "NumberOfStudyRelatedInstances");
        assertEquals("20240115", first(s, "00080020"));
        assertEquals("19700101", first(s, "00100030"));
        assertEquals("M", first(s, "00100040"));
        assertEquals(BASE + "studies/" + STUDY, first(s, "00081190"));
        for (String tag : List.of("00080005", "00080020", "00080030", "00080050", "00080056", "00080090", "00080201",
                "00100020", "00100030", "00100040", "0020000D", "00200010")) {
            assertTrue(s.containsKey(tag), tag + " is required");
        }
    }

    @Test
    void studiesMatchesWhatIngestIndexed() throws Exception {
        String mine = "&PatientID=" + PID;
        assertEquals(List.of(STUDY), column(search("studies?ModalitiesInStudy=MR" + mine), "0020000D"));
        assertEquals(List.of(STUDY), column(search("studies?StudyDate=20240101-20240131" + mine), "0020000D"));
        assertEquals(List.of(STUDY), column(search("studies?PatientName=yamada*" + mine), "0020000D"));
        assertEquals(List.of(STUDY), column(search("studies?PatientName=" + enc("山田*") + mine), "0020000D"));
        assertEquals(List.of(STUDY), column(search("studies?PatientName=" + enc("やまだ^たろう") + mine), "0020000D"));
        assertEquals(List.of(STUDY), column(search("studies?StudyInstanceUID=" + STUDY), "0020000D"));
    }

    @Test
    void seriesOfTheStudyAndAllSeries() throws Exception {
        JsonArray a = search("studies/" + STUDY + "/series");
        assertEquals(List.of(CT_SERIES, MR_SERIES), column(a, "0020000E"));
        assertEquals(List.of("CT", "MR"), column(a, "00080060"));
        assertEquals(List.of(2, 1), a.getValuesAs(JsonObject.class).stream().map(o -> firstInt(o, "00201209")).toList(),
                "NumberOfSeriesRelatedInstances");
        JsonArray mr = search("series?Modality=MR&PatientID=" + PID);
        assertEquals(List.of(MR_SERIES), column(mr, "0020000E"));
        assertEquals(STUDY, first(mr.getJsonObject(0), "0020000D"));
        assertEquals(BASE + "studies/" + STUDY + "/series/" + MR_SERIES, first(mr.getJsonObject(0), "00081190"));
        assertEquals("RP1", first(mr.getJsonObject(0).getJsonObject("00400275").getJsonArray("Value").getJsonObject(0),
                "00401001"), "RequestAttributesSequence from ingest");
    }

    @Test
    void instancesAtTheirThreeResources() throws Exception {
        JsonArray ctInstances = search("studies/" + STUDY + "/series/" + CT_SERIES + "/instances");
        assertEquals(List.of(SOPS.get(0), SOPS.get(1)), column(ctInstances, "00080018"));
        assertEquals(List.of(CT, CT), column(ctInstances, "00080016"));
        assertEquals(16, firstInt(ctInstances.getJsonObject(0), "00280010"), "Rows");
        JsonArray ofStudy = search("studies/" + STUDY + "/instances");
        assertEquals(3, ofStudy.size());
        assertTrue(column(ofStudy, "00080018").containsAll(SOPS));
        JsonArray byUid = search("instances?SOPInstanceUID=" + SOPS.get(2));
        assertEquals(1, byUid.size());
        JsonObject mr = byUid.getJsonObject(0);
        assertEquals(MR, first(mr, "00080016"));
        assertEquals(STUDY, first(mr, "0020000D"));
        assertEquals(MR_SERIES, first(mr, "0020000E"));
        assertEquals(3, firstInt(mr, "00200013"), "InstanceNumber");
        assertEquals(BASE + "studies/" + STUDY + "/series/" + MR_SERIES + "/instances/" + SOPS.get(2),
                first(mr, "00081190"));
        JsonArray all = search("instances?PatientID=" + PID + "&includefield=PatientName");
        assertEquals(3, all.size());
        assertNameGroups(all.getJsonObject(0).getJsonObject("00100010").getJsonArray("Value").getJsonObject(0));
    }
}
