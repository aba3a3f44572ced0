package org.hozon.web.dicomweb;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import org.hozon.dicom.BulkData;
import org.hozon.dicom.Dataset;
import org.hozon.dicom.Sequence;
import org.hozon.dicom.Tag;
import org.hozon.dicom.TransferSyntax;
import org.hozon.dicom.UID;
import org.hozon.dicom.VR;
import org.hozon.dicom.codec.RleDecoder;
import org.hozon.dicom.json.TagPath;
import org.hozon.dicomweb.http.ByteRange;
import org.hozon.dicomweb.media.MediaTypeNegotiator;
import org.hozon.dicomweb.media.MediaTypes;
import org.hozon.dicomweb.media.Negotiation;
import org.hozon.dicomweb.media.Offer;
import org.hozon.dicomweb.media.TransferSyntaxTable;
import org.hozon.dicomweb.multipart.MultipartWriter;
import org.hozon.dicomweb.multipart.PartHeaders;
import org.hozon.persistence.index.StoredHeader;
import org.hozon.retrieve.PixelData;
import org.hozon.retrieve.RangeMultipart;
import org.hozon.retrieve.RetrieveService;
import org.hozon.retrieve.StoredInstance;

/**
 * Bulk data (PS3.18 §10.4.1.1.5) at the BulkDataURIs of metadata, with single-range HTTP Range
 * support on single-part responses, and frames ({@code /frames/1,3,5}, §10.4.1.1.4) in the
 * requested order. Native frames are sent as {@code application/octet-stream} in Explicit VR
 * Little Endian; encapsulated frames as stored (fragments concatenated) with their media type
 * (Table 8.7.3-5) and transfer-syntax, or, for RLE Lossless, decoded to octet-stream when the
 * client asks for Explicit VR Little Endian (or names no syntax). Multipart by default;
 * single-part when the client accepts only the single media type and one frame is asked for.
 * Frames sent unchanged (all but byte-swapped or decoded ones) carry a Content-Length and go to
 * the container as file ranges ({@link RangeMultipart}, {@link ServletTransfer}).
 */
@ApplicationScoped
public class PixelResponder {
    private static final String EVRLE = UID.ExplicitVRLittleEndian;

    @Inject
    RetrieveService retrieve;

    /** {@code GET .../instances/{sop}/frames/{list}}. */
    public Response frames(String study, String series, String sop, String list, UriInfo uri, HttpHeaders headers) {
        List<Integer> numbers = parseFrameList(list);
        if (numbers == null) {
            return WadoRequest.error(400, "Invalid frame list: " + list);
        }
        List<StoredInstance> found = retrieve.find(study, series, sop, true);
        if (found.isEmpty()) {
            return WadoRequest.notFound(study, series, sop);
        }
        StoredInstance instance = found.get(0);
        Dataset header = StoredHeader.decode(instance.header());
        List<PixelData.Frame> frames;
        try {
            frames = PixelData.frames(instance, header);
        } catch (IOException e) {
            return WadoRequest.error(500, "Cannot locate the frames: " + e.getMessage());
        }
        if (frames.isEmpty()) {
            return WadoRequest.error(404, "Instance " + sop + " has no Pixel Data");
        }
        List<PixelData.Frame> selected = new ArrayList<>();
        for (int n : numbers) {
            if (n > frames.size()) {
                return WadoRequest.error(404, "Frame " + n + " does not exist; the instance has " + frames.size());
            }
            selected.add(frames.get(n - 1));
        }
        return send(instance, header, selected, uri, headers);
    }

    /** {@code GET .../instances/{sop}/bulk/{path}}: a value left out of metadata. */
    public Response bulk(String study, String series, String sop, String path, UriInfo uri, HttpHeaders headers) {
        List<StoredInstance> found = retrieve.find(study, series, sop, true);
        if (found.isEmpty()) {
            return WadoRequest.notFound(study, series, sop);
        }
        StoredInstance instance = found.get(0);
        Dataset header = StoredHeader.decode(instance.header());
        Object value;
        VR vr;
        TagPath tagPath;
        try {
            tagPath = TagPath.parse(path);
            Dataset item = itemOf(header, tagPath);
            value = item == null ? null : item.value(tagPath.tag());
            vr = item == null ? null : item.vr(tagPath.tag());
        } catch (IllegalArgumentException e) {
            return WadoRequest.error(400, "Invalid bulk data path: " + path);
        }
        if (value == null) {
            return WadoRequest.error(404, "No value at " + path);
        }
        if (tagPath.isTopLevel() && tagPath.tag() == Tag.PixelData && instance.encapsulated()) {
            try {
                return send(instance, header, PixelData.frames(instance, header), uri, headers);
            } catch (IOException e) {
                return WadoRequest.error(500, "Cannot locate the frames: " + e.getMessage());
            }
        }
        MediaTypeNegotiator negotiator = new MediaTypeNegotiator(Offer.of(MediaTypes.OCTET_STREAM, EVRLE),
                Offer.of(MediaTypes.multipartRelated(MediaTypes.APPLICATION_OCTET_STREAM), EVRLE));
        Negotiation media = WadoRequest.negotiate(negotiator, uri, headers);
        if (!media.isAcceptable()) {
            return WadoRequest.error(406, media.reason());
        }
        boolean swap = vr == VR.OW && TransferSyntax.isKnown(instance.transferSyntaxUid())
                && TransferSyntax.of(instance.transferSyntaxUid()).bigEndian();
        if (value instanceof byte[] b) {
            return Response.ok(b, media.contentType()).build(); // a small value kept in the header
        }
        BulkData bulk = (BulkData) value;
        long total = bulk.length();
        if (media.offer().isMultipart()) {
            String boundary = MultipartWriter.randomBoundary();
            StreamingOutput body = out -> {
                MultipartWriter writer = new MultipartWriter(out, boundary);
                try (var part = writer.openPart(PartHeaders.of("Content-Type", media.partContentType()))) {
                    PixelData.copy(instance, List.of(new PixelData.Segment(bulk.offset(), total)), swap, part);
                }
                writer.finish();
            };
            return Response.ok(body, MultipartWriter.contentType(MediaTypes.APPLICATION_OCTET_STREAM, boundary)).build();
        }
        ByteRange.Result range = ByteRange.parse(headers.getHeaderString("Range"), total);
        if (range.kind() == ByteRange.Kind.UNSATISFIABLE) {
            return Response.status(416).header("Content-Range", "bytes */" + total).build();
        }
        long first = range.kind() == ByteRange.Kind.PARTIAL ? range.range().first() : 0;
        long length = range.kind() == ByteRange.Kind.PARTIAL ? range.range().length() : total;
        StreamingOutput body = out -> PixelData.copy(instance,
                List.of(new PixelData.Segment(bulk.offset() + first, length)), swap, out);
        Response.ResponseBuilder rb = Response.status(range.kind() == ByteRange.Kind.PARTIAL ? 206 : 200)
                .entity(body).type(media.contentType()).header("Accept-Ranges", "bytes")
                .header(HttpHeaders.CONTENT_LENGTH, length);
        if (range.kind() == ByteRange.Kind.PARTIAL) {
            rb.header("Content-Range", range.range().contentRange(total));
        }
        return rb.build();
    }

    private Response send(StoredInstance instance, Dataset header, List<PixelData.Frame> frames, UriInfo uri,
            HttpHeaders headers) {
        String stored = instance.transferSyntaxUid();
        boolean rle = stored.equals(TransferSyntax.RLE_LOSSLESS.uid());
        List<Offer> offers = new ArrayList<>();
        if (!instance.encapsulated()) {
            offers.add(Offer.of(MediaTypes.multipartRelated(MediaTypes.APPLICATION_OCTET_STREAM), EVRLE));
            if (frames.size() == 1) {
                offers.add(Offer.of(MediaTypes.OCTET_STREAM, EVRLE));
            }
        } else {
            String compressed = TransferSyntaxTable.bulkMediaTypeFor(stored);
            String[] octet = rle ? new String[] {stored, EVRLE} : new String[] {stored};
            if (!compressed.equals(MediaTypes.APPLICATION_OCTET_STREAM)) {
                offers.add(Offer.of(MediaTypes.multipartRelated(compressed), stored));
            }
            offers.add(Offer.of(MediaTypes.multipartRelated(MediaTypes.APPLICATION_OCTET_STREAM), octet));
            if (frames.size() == 1) {
                if (!compressed.equals(MediaTypes.APPLICATION_OCTET_STREAM)) {
                    offers.add(Offer.of(compressed, stored));
                }
                offers.add(Offer.of(MediaTypes.APPLICATION_OCTET_STREAM, octet));
            }
        }
        Negotiation media = WadoRequest.negotiate(new MediaTypeNegotiator(offers), uri, headers);
        if (!media.isAcceptable()) {
            return WadoRequest.error(406, media.reason());
        }
        String ts = media.transferSyntax();
        boolean decode = instance.encapsulated() && EVRLE.equals(ts);
        String partType = !instance.encapsulated() || decode
                ? MediaTypes.APPLICATION_OCTET_STREAM + ";transfer-syntax=" + EVRLE
                : TransferSyntaxTable.bulkMediaTypeFor(stored) + ";transfer-syntax=" + stored;
        boolean swap = PixelData.needsSwap(instance, header);
        if (!decode && !swap) {
            return asStored(instance, frames, media, partType);
        }
        FrameWriter writeFrame = (frame, out) -> {
            if (decode) {
                out.write(decodeRle(instance, header, frame));
            } else {
                PixelData.copy(instance, frame, swap, out);
            }
        };
        if (!media.offer().isMultipart()) {
            return Response.ok((StreamingOutput) out -> writeFrame.write(frames.get(0), out), partType).build();
        }
        String boundary = MultipartWriter.randomBoundary();
        String root = media.mediaType().parameter(MediaTypes.TYPE);
        StreamingOutput body = out -> {
            MultipartWriter writer = new MultipartWriter(out, boundary);
            for (PixelData.Frame frame : frames) {
                try (var part = writer.openPart(PartHeaders.of("Content-Type", partType))) {
                    writeFrame.write(frame, part);
                }
            }
            writer.finish();
        };
        return Response.ok(body, MultipartWriter.contentType(root, boundary)).build();
    }

    /**
     * Frames whose bytes are sent unchanged: the length is known, so the response carries it and
     * the file ranges go to the container directly ({@link ServletTransfer}).
     */
    private static Response asStored(StoredInstance instance, List<PixelData.Frame> frames, Negotiation media,
            String partType) {
        if (!media.offer().isMultipart()) {
            PixelData.Frame frame = frames.get(0);
            return Response.ok(ServletTransfer.entity((out, transfer) -> PixelData.transfer(instance, frame, transfer)),
                    partType).header(HttpHeaders.CONTENT_LENGTH, frame.length()).build();
        }
        RangeMultipart body = RangeMultipart.frames(instance, frames, media.mediaType().parameter(MediaTypes.TYPE),
                partType, MultipartWriter.randomBoundary());
        return Response.ok(ServletTransfer.entity(body::writeTo), body.contentType())
                .header(HttpHeaders.CONTENT_LENGTH, body.length()).build();
    }

    /** One frame of RLE Lossless decoded to native little endian pixels. */
    static byte[] decodeRle(StoredInstance instance, Dataset header, PixelData.Frame frame) throws IOException {
        try {
            return RleDecoder.decode(PixelData.read(instance, frame, false), header.getInt(Tag.Rows, 0),
                    header.getInt(Tag.Columns, 0), header.getInt(Tag.SamplesPerPixel, 1),
                    header.getInt(Tag.BitsAllocated, 8));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Frame numbers (1-based) in the order given, or null if the list is malformed. */
    static List<Integer> parseFrameList(String list) {
        List<Integer> out = new ArrayList<>();
        for (String s : list.split(",", -1)) {
            try {
                int n = Integer.parseInt(s.strip());
                if (n < 1) {
                    return null;
                }
                out.add(n);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return out.isEmpty() ? null : out;
    }

    private static Dataset itemOf(Dataset root, TagPath path) {
        Dataset ds = root;
        for (int level = 0; level < path.depth() - 1; level++) {
            Sequence seq = ds.sequence(path.tagAt(level));
            int item = path.itemAt(level);
            if (seq == null || item > seq.size()) {
                return null;
            }
            ds = seq.get(item - 1);
        }
        return ds;
    }

    @FunctionalInterface
    private interface FrameWriter {
        void write(PixelData.Frame frame, java.io.OutputStream out) throws IOException;
    }
}
