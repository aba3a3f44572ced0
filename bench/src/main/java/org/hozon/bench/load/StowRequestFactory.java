package org.hozon.bench.load;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.hozon.bench.data.CtStudyGenerator;
import org.hozon.dicom.Dataset;
import org.hozon.dicom.Tag;
import org.hozon.dicom.TransferSyntax;
import org.hozon.dicom.VR;
import org.hozon.dicom.io.DicomWriter;
import org.hozon.dicom.io.FileMetaInformation;
import org.hozon.dicomweb.multipart.MultipartWriter;
import org.hozon.dicomweb.multipart.PartHeaders;

/**
 * Builds STOW-RS request bodies: request {@code r} carries one series of study {@code r}, instances
 * 0 to n-1, each a Part 10 file in Explicit VR Little Endian (about 525 KB). Only the small
 * headers are built per request; pixel data comes from the {@link SlicePool} by reference.
 * Deterministic: the same seed and request number give the same bytes, boundary included.
 * Without a pool the instances are header-only (no Pixel Data, about 2 KB): a fast way to fill an
 * index through the server's ordinary ingest.
 */
public final class StowRequestFactory {
    public static final String ROOT_TYPE = "application/dicom";
    /**
     * Parts say plain {@code application/dicom}: the transfer-syntax parameter is optional, and
     * some servers (Orthanc's DICOMweb plugin 1.7) refuse parts that carry it.
     */
    private static final String PART_TYPE = ROOT_TYPE;

    private final CtStudyGenerator generator;
    private final SlicePool pool;
    private final int instancesPerRequest;
    private final long seed;

    /**
     * @param pool pixel slices, or null for header-only instances
     */
    public StowRequestFactory(CtStudyGenerator generator, SlicePool pool, long seed, int instancesPerRequest) {
        if (instancesPerRequest < 1) {
            throw new IllegalArgumentException("instances per request < 1: " + instancesPerRequest);
        }
        this.generator = generator;
        this.pool = pool;
        this.seed = seed;
        this.instancesPerRequest = instancesPerRequest;
    }

    public int instancesPerRequest() {
        return instancesPerRequest;
    }

    /** The body of request {@code study} (one study, one series, {@link #instancesPerRequest()} instances). */
    public StowRequest request(int study) {
        return request(study, 0, 0, instancesPerRequest, "hozon-load-" + seed + "-" + study);
    }

    /** Instances {@code first} to {@code first + count - 1} of one series of study {@code study}. */
    public StowRequest request(int study, int series, int first, int count) {
        return request(study, series, first, count, "hozon-load-" + seed + "-" + study + "-" + series + "-" + first);
    }

    private StowRequest request(int study, int series, int first, int count, String boundary) {
        BodySegments body = new BodySegments();
        List<String> uids = new ArrayList<>(count);
        try {
            MultipartWriter multipart = new MultipartWriter(body, boundary);
            for (int i = first; i < first + count; i++) {
                Dataset ds = generator.header(study, series, i);
                if (pool != null) {
                    ds.set(Tag.PixelData, VR.OW, pool.pixels(study, i));
                }
                uids.add(ds.getString(Tag.SOPInstanceUID));
                try (OutputStream part = multipart.openPart(PartHeaders.of("Content-Type", PART_TYPE))) {
                    new DicomWriter(part).writeFile(
                            FileMetaInformation.create(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid()), ds);
                }
            }
            multipart.finish();
            return new StowRequest(multipart.contentType(ROOT_TYPE), body.segments(), body.length(),
                    generator.studyUid(study), uids);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: writing to memory", e);
        }
    }
}
