package org.hozon.it;

import static org.hozon.it.TestInstances.CT;
import static org.hozon.it.TestInstances.file;
import static org.hozon.it.TestInstances.header;
import static org.hozon.it.TestInstances.multipart;
import static org.hozon.it.TestInstances.uid;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.hozon.dicom.Dataset;
import org.hozon.dicom.Fragments;
import org.hozon.dicom.Tag;
import org.hozon.dicom.TransferSyntax;
import org.hozon.dicom.VR;
import org.hozon.dicom.io.DicomReader;
import org.hozon.dicom.io.DicomWriter;
import org.hozon.dicom.io.FileMetaInformation;
import org.hozon.dicomweb.multipart.MultipartReader;
import org.hozon.dicomweb.multipart.Part;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * WADO-RS through the deployed application: instances stored by STOW-RS are retrieved as stored,
 * transcoded, as metadata with BulkDataURIs, bulk data with Range, frames, rendered images and
 * thumbnails; CORS, Capabilities and DELETE. Runs on PostgreSQL and on H2.
 */
@ExtendWith({TestInfrastructure.class, ArquillianExtension.class})
@RunAsClient
class WadoIT {
    static final String ROOT = "http://127.0.0.1:" + System.getProperty("it.http.port") + "/dicom-web";
    static final String EVRLE = "1.2.840.10008.1.2.1";

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("ear.file")));
    }

    @Test
    void retrievesAsStoredAndTranscodesImplicitVr() throws Exception {
        String study = uid();
        String series = uid();
        String sop1 = uid();
        String sop2 = uid();
        byte[] explicit = file(header("W1", "Wado^One", "19700101", study, series, sop1, CT, "CT"), 1);
        byte[] implicit = implicitFile(header("W1", "Wado^One", "19700101", study, series, sop2, CT, "CT"));
        store(explicit, implicit);

        HttpResponse<byte[]> asStored = get(ROOT + "/studies/" + study,
                "multipart/related; type=\"application/dicom\"; transfer-syntax=*");
        assertEquals(200, asStored.statusCode());
        List<byte[]> parts = parts(asStored);
        assertEquals(2, parts.size());
        assertArrayEquals(explicit, parts.get(0));
        assertArrayEquals(implicit, parts.get(1));

        HttpResponse<byte[]> transcoded = get(ROOT + "/studies/" + study + "/series/" + series + "/instances/" + sop2,
                "multipart/related; type=application/dicom");
        assertEquals(200, transcoded.statusCode());
        List<String> types = new ArrayList<>();
        byte[] part = parts(transcoded, types).get(0);
        assertEquals("application/dicom;transfer-syntax=" + EVRLE, types.get(0).replace(" ", ""));
        DicomReader reader = new DicomReader(new ByteArrayInputStream(part));
        Dataset ds = reader.readDataset();
        assertEquals(EVRLE, reader.transferSyntax().uid());
        assertEquals(sop2, ds.getString(Tag.SOPInstanceUID));
        assertEquals(512, ds.bytes(Tag.PixelData).length);

        HttpResponse<byte[]> single = get(ROOT + "/studies/" + study + "/series/" + series + "/instances/" + sop1,
                "application/dicom; transfer-syntax=*");
        assertEquals(200, single.statusCode());
        assertArrayEquals(explicit, single.body());

        assertEquals(406, get(ROOT + "/studies/" + study,
                "multipart/related; type=\"application/dicom\"; transfer-syntax=1.2.840.10008.1.2.4.50").statusCode());
        assertEquals(404, get(ROOT + "/studies/" + uid(), "*/*").statusCode());
    }

    @Test
    void sendsStudiesAsStoredWithTheirLengthAndTranscodesOtherwise() throws Exception {
        String study = uid();
        String series = uid();
        String sop1 = uid();
        String sop2 = uid();
        String sop3 = uid();
        byte[] big1 = largeFile(header("W5", "Wado^Five", "19700101", study, series, sop1, CT, "CT"), 512, 1);
        byte[] big2 = largeFile(header("W5", "Wado^Five", "19700101", study, series, sop2, CT, "CT"), 1024, 2);
        byte[] implicit = implicitFile(header("W5", "Wado^Five", "19700101", study, series, sop3, CT, "CT"));
        store(big1, big2, implicit);

        // as stored: a Content-Length (the files go out whole, sendfile in Undertow), the exact bytes
        HttpResponse<byte[]> asStored = get(ROOT + "/studies/" + study,
                "multipart/related; type=\"application/dicom\"; transfer-syntax=*");
        assertEquals(200, asStored.statusCode());
        assertEquals(Long.toString(asStored.body().length),
                asStored.headers().firstValue("Content-Length").orElse("none"));
        List<String> types = new ArrayList<>();
        List<byte[]> parts = parts(asStored, types);
        assertEquals(3, parts.size());
        assertArrayEquals(big1, parts.get(0));
        assertArrayEquals(big2, parts.get(1));
        assertArrayEquals(implicit, parts.get(2));
        assertEquals("application/dicom;transfer-syntax=1.2.840.10008.1.2", types.get(2).replace(" ", ""));

        // no transfer syntax: the Implicit VR instance is transcoded, the others sent unchanged
        HttpResponse<byte[]> explicit = get(ROOT + "/studies/" + study, "multipart/related; type=application/dicom");
        assertEquals(200, explicit.statusCode());
        types.clear();
        parts = parts(explicit, types);
        assertEquals(3, parts.size());
        assertArrayEquals(big1, parts.get(0));
        assertArrayEquals(big2, parts.get(1));
        DicomReader reader = new DicomReader(new ByteArrayInputStream(parts.get(2)));
        assertEquals(sop3, reader.readDataset().getString(Tag.SOPInstanceUID));
        assertEquals(EVRLE, reader.transferSyntax().uid());
        for (String type : types) {
            assertEquals("application/dicom;transfer-syntax=" + EVRLE, type.replace(" ", ""));
        }

        // single part, as stored, on the same (kept-alive) connections
        HttpResponse<byte[]> single = get(ROOT + "/studies/" + study + "/series/" + series + "/instances/" + sop2,
                "application/dicom; transfer-syntax=*");
        assertEquals(200, single.statusCode());
        assertEquals(Long.toString(big2.length), single.headers().firstValue("Content-Length").orElse("none"));
        assertArrayEquals(big2, single.body());

        HttpResponse<byte[]> head = http.send(HttpRequest.newBuilder(URI.create(ROOT + "/studies/" + study))
                .header("Accept", "multipart/related; type=\"application/dicom\"; transfer-syntax=*")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);
        assertEquals(200, get(ROOT + "/studies/" + study, "multipart/related; type=\"application/dicom\"; "
                + "transfer-syntax=*").statusCode());
    }

    @Test
    void servesMetadataBulkDataAndFrames() throws Exception {
        String study = uid();
        String series = uid();
        String sop = uid();
        Dataset h = header("W2", "Wado^Two", "19700101", study, series, sop, CT, "CT");
        h.setString(Tag.NumberOfFrames, VR.IS, "3");
        byte[] pixels = new byte[3 * 512];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i / 512 + 1);
        }
        h.set(Tag.PixelData, VR.OW, pixels);
        store(write(h, EVRLE));

        HttpResponse<byte[]> meta = http.send(HttpRequest.newBuilder(URI.create(ROOT + "/studies/" + study
                        + "/series/" + series + "/metadata")).header("Accept", "application/dicom+json")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "pacs.example:8443").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, meta.statusCode());
        JsonArray array = Json.createReader(new ByteArrayInputStream(meta.body())).readArray();
        JsonObject pixelData = array.getJsonObject(0).getJsonObject("7FE00010");
        String bulkUri = pixelData.getString("BulkDataURI");
        String path = "/studies/" + study + "/series/" + series + "/instances/" + sop + "/bulk/7FE00010";
        assertEquals("https://pacs.example:8443/dicom-web" + path, bulkUri);

        HttpResponse<byte[]> range = http.send(HttpRequest.newBuilder(URI.create(ROOT + path))
                .header("Accept", "application/octet-stream").header("Range", "bytes=510-1025").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, range.statusCode());
        assertEquals("bytes 510-1025/1536", range.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(pixels, 510, 1026), range.body());

        HttpResponse<byte[]> frames = get(ROOT + "/studies/" + study + "/series/" + series + "/instances/" + sop
                + "/frames/3,1", "multipart/related; type=\"application/octet-stream\"; transfer-syntax=\"*\"");
        assertEquals(200, frames.statusCode());
        List<String> types = new ArrayList<>();
        List<byte[]> parts = parts(frames, types);
        assertEquals(2, parts.size());
        assertArrayEquals(Arrays.copyOfRange(pixels, 1024, 1536), parts.get(0));
        assertArrayEquals(Arrays.copyOfRange(pixels, 0, 512), parts.get(1));
        assertEquals("application/octet-stream;transfer-syntax=" + EVRLE, types.get(0).replace(" ", ""));
        assertEquals(404, get(ROOT + "/studies/" + study + "/series/" + series + "/instances/" + sop
                + "/frames/4", "*/*").statusCode());
    }

    @Test
    void rendersGrayscaleAndRleAsJpegAndPng() throws Exception {
        String study = uid();
        String series = uid();
        String sop = uid();
        String rleSop = uid();
        Dataset h = header("W3", "Wado^Three", "19700101", study, series, sop, CT, "CT");
        store(file(h, 3), rleFile(header("W3", "Wado^Three", "19700101", study, series, rleSop, CT, "CT")));
        String instance = ROOT + "/studies/" + study + "/series/" + series + "/instances/";

        BufferedImage jpeg = image(get(instance + sop + "/rendered?viewport=64,64&quality=80&window=2000,4000",
                "image/jpeg"), "image/jpeg");
        assertEquals(64, jpeg.getWidth());
        assertEquals(64, jpeg.getHeight());
        BufferedImage png = image(get(instance + sop + "/frames/1/rendered", "image/png"), "image/png");
        assertEquals(16, png.getWidth());
        BufferedImage thumb = image(get(ROOT + "/studies/" + study + "/thumbnail", "image/jpeg"), "image/jpeg");
        assertEquals(128, thumb.getWidth());

        BufferedImage rle = image(get(instance + rleSop + "/rendered", "image/png"), "image/png");
        assertEquals(4, rle.getWidth());
        assertEquals(0, rle.getRaster().getSample(0, 0, 0));
        assertEquals(255, rle.getRaster().getSample(3, 3, 0));
        HttpResponse<byte[]> decoded = get(instance + rleSop + "/frames/1", "multipart/related; type=application/octet-stream");
        assertEquals(200, decoded.statusCode());
        assertArrayEquals(rlePixels(), parts(decoded).get(0));
        List<String> types = new ArrayList<>();
        HttpResponse<byte[]> asStored = get(instance + rleSop + "/frames/1",
                "multipart/related; type=application/octet-stream; transfer-syntax=*");
        parts(asStored, types);
        assertEquals("image/dicom-rle;transfer-syntax=1.2.840.10008.1.2.5", types.get(0).replace(" ", ""));
    }

    @Test
    void answersCorsCapabilitiesAndDelete() throws Exception {
        HttpResponse<byte[]> missing = http.send(HttpRequest.newBuilder(URI.create(ROOT + "/studies/" + uid()
                + "/metadata")).header("Origin", "http://viewer.example").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(404, missing.statusCode());
        assertEquals("*", missing.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(missing.headers().firstValue("Access-Control-Expose-Headers").orElse("").contains("Warning"));

        HttpResponse<byte[]> preflight = http.send(HttpRequest.newBuilder(URI.create(ROOT + "/studies/1.2/metadata"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "http://viewer.example")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization, accept").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertTrue(preflight.statusCode() == 200 || preflight.statusCode() == 204, "preflight " + preflight.statusCode());
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("Authorization"));

        HttpResponse<String> wadl = http.send(HttpRequest.newBuilder(URI.create(ROOT))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, wadl.statusCode());
        assertTrue(wadl.headers().firstValue("Content-Type").orElse("").startsWith("application/vnd.sun.wadl+xml"));
        assertTrue(wadl.body().contains("RetrieveFrames") && wadl.body().contains("<application"), wadl.body());

        String study = uid();
        String series = uid();
        String sop = uid();
        store(file(header("W4", "Wado^Four", "19700101", study, series, sop, CT, "CT"), 4));
        assertEquals(200, get(ROOT + "/studies?StudyInstanceUID=" + study, "application/dicom+json").statusCode());
        HttpResponse<byte[]> deleted = http.send(HttpRequest.newBuilder(URI.create(ROOT + "/studies/" + study))
                .DELETE().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(204, deleted.statusCode());
        assertEquals(404, get(ROOT + "/studies/" + study, "*/*").statusCode());
        assertEquals(404, get(ROOT + "/studies/" + study + "/series/" + series + "/metadata", "*/*").statusCode());
        assertEquals(204, get(ROOT + "/studies?StudyInstanceUID=" + study, "application/dicom+json").statusCode());
        assertTrue(Store.filesOfStudy(study).isEmpty(), "files removed");
        try (var c = TestDatabase.connect(); var ps = c.prepareStatement(
                "SELECT COUNT(*) FROM audit_event WHERE study_iuid = ? AND action = 'DELETE'")) {
            ps.setString(1, study);
            try (var rs = ps.executeQuery()) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
        }
    }

    // ---- helpers

    void store(byte[]... files) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(ROOT + "/studies"))
                .header("Content-Type", TestInstances.contentType()).header("Accept", "application/dicom+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(files))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
    }

    HttpResponse<byte[]> get(String url, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static List<byte[]> parts(HttpResponse<byte[]> response) throws Exception {
        return parts(response, new ArrayList<>());
    }

    static List<byte[]> parts(HttpResponse<byte[]> response, List<String> types) throws Exception {
        String ct = response.headers().firstValue("Content-Type").orElseThrow();
        assertTrue(ct.startsWith("multipart/related"), ct);
        List<byte[]> out = new ArrayList<>();
        try (MultipartReader reader = MultipartReader.forContentType(new ByteArrayInputStream(response.body()), ct)) {
            for (Part p; (p = reader.nextPart()) != null; ) {
                types.add(p.headers().get("Content-Type"));
                out.add(p.body().readAllBytes());
            }
        }
        return out;
    }

    static BufferedImage image(HttpResponse<byte[]> response, String type) throws Exception {
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        assertEquals(type, response.headers().firstValue("Content-Type").orElse(""));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(response.body()));
        assertTrue(img != null, "decodable " + type);
        return img;
    }

    static byte[] write(Dataset ds, String ts) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomWriter(out).writeFile(FileMetaInformation.create(ds, ts), ds);
        return out.toByteArray();
    }

    static byte[] implicitFile(Dataset ds) throws Exception {
        byte[] pixels = new byte[512];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) i;
        }
        ds.set(Tag.PixelData, VR.OW, pixels);
        return write(ds, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid());
    }

    /** Explicit VR Little Endian, {@code size}x{@code size} 16-bit pixels of pseudo-random bytes. */
    static byte[] largeFile(Dataset ds, int size, long seed) throws Exception {
        ds.setInt(Tag.Rows, VR.US, size);
        ds.setInt(Tag.Columns, VR.US, size);
        byte[] pixels = new byte[size * size * 2];
        new java.util.Random(seed).nextBytes(pixels);
        ds.set(Tag.PixelData, VR.OW, pixels);
        return write(ds, EVRLE);
    }

    /** 4x4, 8 bits: 0, 17, 34, ... 255. */
    static byte[] rlePixels() {
        byte[] p = new byte[16];
        for (int i = 0; i < 16; i++) {
            p[i] = (byte) (i * 17);
        }
        return p;
    }

    /** An RLE Lossless instance of {@link #rlePixels()}: one segment, one literal run. */
    static byte[] rleFile(Dataset ds) throws Exception {
        ds.setInt(Tag.Rows, VR.US, 4);
        ds.setInt(Tag.Columns, VR.US, 4);
        ds.setInt(Tag.BitsAllocated, VR.US, 8);
        ds.setInt(Tag.BitsStored, VR.US, 8);
        ds.setInt(Tag.HighBit, VR.US, 7);
        byte[] frame = new byte[64 + 18];
        frame[0] = 1;
        frame[4] = 64;
        frame[64] = 15;
        System.arraycopy(rlePixels(), 0, frame, 65, 16);
        frame[81] = (byte) -128;
        Fragments f = new Fragments(VR.OB);
        f.add(new byte[0]);
        f.add(frame);
        ds.set(Tag.PixelData, VR.OB, f);
        return write(ds, TransferSyntax.RLE_LOSSLESS.uid());
    }
}
