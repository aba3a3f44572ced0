package org.hozon.bench.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;

import org.hozon.bench.data.CtStudyGenerator;
import org.hozon.dicom.Dataset;
import org.hozon.dicom.Tag;
import org.hozon.dicom.TransferSyntax;
import org.hozon.dicom.UID;
import org.hozon.dicom.io.DicomReader;
import org.hozon.dicomweb.multipart.MultipartReader;
import org.hozon.dicomweb.multipart.Part;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StowRequestFactoryTest {
    private static final long SEED = 42;
    private static SlicePool pool;

    @BeforeAll
    static void pool() {
        pool = new SlicePool(SEED, 4);
    }

    private static StowRequestFactory factory(int perRequest) {
        return new StowRequestFactory(new CtStudyGenerator(SEED), pool, SEED, perRequest);
    }

    @Test
    void bodyParsesBackIntoTheExpectedInstances() throws IOException {
        CtStudyGenerator generator = new CtStudyGenerator(SEED);
        StowRequest request = factory(3).request(7);
        assertTrue(request.contentType().startsWith("multipart/related"), request.contentType());
        assertTrue(request.contentType().contains("type=\"application/dicom\""), request.contentType());
        assertEquals(generator.studyUid(7), request.studyUid());

        List<String> seen = new ArrayList<>();
        int parts = 0;
        try (InputStream in = request.openStream();
                MultipartReader reader = MultipartReader.forContentType(in, request.contentType())) {
            for (Part part = reader.nextPart(); part != null; part = reader.nextPart()) {
                assertEquals("application/dicom", part.contentTypeValue());
                DicomReader dicom = new DicomReader(part.body());
                Dataset ds = dicom.readDataset();
                int i = part.index();
                assertEquals(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, dicom.transferSyntax());
                assertEquals(UID.CTImageStorage, ds.getString(Tag.SOPClassUID));
                assertEquals(generator.instanceUid(7, 0, i), ds.getString(Tag.SOPInstanceUID));
                assertEquals(generator.seriesUid(7, 0), ds.getString(Tag.SeriesInstanceUID));
                assertEquals(generator.studyUid(7), ds.getString(Tag.StudyInstanceUID));
                assertEquals(ds.getString(Tag.SOPInstanceUID),
                        dicom.fileMetaInformation().getString(Tag.MediaStorageSOPInstanceUID));
                assertArrayEquals(pool.pixels(7, i), ds.bytes(Tag.PixelData));
                seen.add(ds.getString(Tag.SOPInstanceUID));
                parts++;
            }
        }
        assertEquals(3, parts);
        assertEquals(request.sopInstanceUids(), seen);
        assertEquals(List.of(generator.instanceUid(7, 0, 0), generator.instanceUid(7, 0, 1),
                generator.instanceUid(7, 0, 2)), seen);
    }

    @Test
    void instancesAreAboutHalfAMegabyteAndPixelsAreSharedNotCopied() {
        StowRequest request = factory(2).request(3);
        long perInstance = request.length() / request.instances();
        assertTrue(perInstance > 524_288 && perInstance < 540_000, "bytes per instance: " + perInstance);
        long shared = request.segments().stream().filter(s -> s == pool.pixels(3, 0) || s == pool.pixels(3, 1))
                .count();
        assertEquals(2, shared);
        assertEquals(request.length(), request.segments().stream().mapToLong(s -> s.length).sum());
    }

    @Test
    void sameSeedAndStudyGiveTheSameBytes() throws IOException {
        assertArrayEquals(bytes(factory(2).request(5)), bytes(factory(2).request(5)));
        assertEquals(factory(2).request(5).contentType(), factory(2).request(5).contentType());
        assertTrue(!factory(2).request(5).studyUid().equals(factory(2).request(6).studyUid()));
    }

    @Test
    void publisherDeliversTheWholeBodyOnDemand() throws IOException {
        StowRequest request = factory(2).request(1);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        boolean[] completed = new boolean[1];
        new SegmentPublisher(request.segments()).subscribe(new Flow.Subscriber<>() {
            private Flow.Subscription subscription;

            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                s.request(1);
            }

            @Override
            public void onNext(ByteBuffer item) {
                assertTrue(item.isReadOnly());
                byte[] b = new byte[item.remaining()];
                item.get(b);
                got.writeBytes(b);
                subscription.request(1); // re-entrant request, as HTTP clients do
            }

            @Override
            public void onError(Throwable t) {
                throw new AssertionError(t);
            }

            @Override
            public void onComplete() {
                completed[0] = true;
            }
        });
        assertTrue(completed[0]);
        assertArrayEquals(bytes(request), got.toByteArray());
    }

    @Test
    void qidoMatchCountIsTheNumberOfTopLevelObjects() {
        assertEquals(2, QidoPhase.countItems("[{\"0020000D\":{\"vr\":\"UI\",\"Value\":[\"1.2\"]}},{}]".getBytes()));
        assertEquals(0, QidoPhase.countItems("[]".getBytes()));
    }

    @Test
    void stowSucceedsOnlyWhenEveryInstanceIsReferenced() {
        String two = "{\"00081199\":{\"vr\":\"SQ\",\"Value\":[{},{}]}}";
        String emptySq = "{\"00081198\":{\"vr\":\"SQ\"},\"00081199\":{\"vr\":\"SQ\"}}";
        String oneFailed = "{\"00081198\":{\"vr\":\"SQ\",\"Value\":[{}]},\"00081199\":{\"vr\":\"SQ\",\"Value\":[{},{}]}}";
        assertNull(StowResponses.check(new DicomWebClient.Response(200, two.getBytes()), 2));
        assertNotNull(StowResponses.check(new DicomWebClient.Response(200, two.getBytes()), 3));
        assertNotNull(StowResponses.check(new DicomWebClient.Response(200, emptySq.getBytes()), 2));
        assertNotNull(StowResponses.check(new DicomWebClient.Response(200, oneFailed.getBytes()), 2));
        assertNotNull(StowResponses.check(new DicomWebClient.Response(202, two.getBytes()), 2));
        assertNotNull(StowResponses.check(new DicomWebClient.Response(200, "not json".getBytes()), 2));
    }

    @Test
    void optionsHaveTheDocumentedDefaults() {
        LoadOptions o = LoadOptions.parse(new String[] {"http://127.0.0.1:8080/dicom-web"});
        assertEquals(List.of(1, 4, 16), o.clients);
        assertEquals(200, o.requestsPerLevel());
        assertEquals(2000, o.qidoQueries);
        assertNull(o.user);
        LoadOptions p = LoadOptions.parse(new String[] {"--clients", "2,8", "http://h/dw", "--instances", "25",
            "--per-request", "10", "--user", "u", "--password", "p"});
        assertEquals(List.of(2, 8), p.clients);
        assertEquals(3, p.requestsPerLevel());
        assertNotNull(p.password);
        assertSame(IllegalArgumentException.class, error(() -> LoadOptions.parse(new String[] {"--clients", "1"})));
        assertSame(IllegalArgumentException.class,
                error(() -> LoadOptions.parse(new String[] {"http://h", "--instances", "x"})));
    }

    private static Class<?> error(Runnable r) {
        try {
            r.run();
            return null;
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }

    private static byte[] bytes(StowRequest request) throws IOException {
        try (InputStream in = request.openStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
