package org.hozon.web.dicomweb;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import org.hozon.dicom.UID;
import org.hozon.dicomweb.media.MediaTypeNegotiator;
import org.hozon.dicomweb.media.MediaTypes;
import org.hozon.dicomweb.media.Negotiation;
import org.hozon.dicomweb.media.Offer;
import org.hozon.dicomweb.multipart.MultipartWriter;
import org.hozon.dicomweb.multipart.PartHeaders;
import org.hozon.retrieve.InstanceWriter;
import org.hozon.retrieve.RangeMultipart;
import org.hozon.retrieve.RetrieveService;
import org.hozon.retrieve.StoredInstance;

/**
 * Retrieve of study, series and instance (PS3.18 §10.4) as {@code multipart/related;
 * type="application/dicom"}, or single-part {@code application/dicom} for one instance when the
 * client asks for it. Transfer syntaxes: {@code *} sends every instance as stored (bytes
 * unchanged); no transfer syntax means Explicit VR Little Endian, transcoded on the fly from
 * Implicit VR Little Endian or Explicit VR Big Endian; instances stored compressed (or deflated)
 * cannot be decompressed and are then sent as stored (the exception PS3.18 §8.7.3.3 makes for data
 * held only in that form), each part's Content-Type naming its real transfer syntax. Explicit VR
 * Little Endian asked for explicitly, or any other syntax than the stored one, is 406.
 *
 * <p>When every instance goes out as stored (always with {@code *}), the body's length is known
 * up front ({@link RangeMultipart}): the response carries a Content-Length and the files are
 * sent whole by the container ({@link ServletTransfer}, sendfile with Undertow). Transcoded
 * responses are streamed in chunks.
 */
@ApplicationScoped
public class RetrieveResponder {

    @Inject
    RetrieveService retrieve;

    /** Answers a retrieve of the target (series and sop null above their level). */
    public Response retrieve(String study, String series, String sop, UriInfo uri, HttpHeaders headers) {
        List<StoredInstance> found = retrieve.find(study, series, sop, false);
        if (found.isEmpty()) {
            return WadoRequest.notFound(study, series, sop);
        }
        Negotiation media = WadoRequest.negotiate(negotiator(found, sop != null), uri, headers);
        if (!media.isAcceptable()) {
            return WadoRequest.error(406, media.reason());
        }
        String ts = media.transferSyntax();
        if (!media.offer().isMultipart()) {
            StoredInstance instance = found.get(0);
            String effective = InstanceWriter.effectiveSyntax(instance, ts);
            String type = MediaTypes.APPLICATION_DICOM + ";transfer-syntax=" + effective;
            if (effective.equals(instance.transferSyntaxUid())) {
                return Response.ok(ServletTransfer.entity((out, transfer) -> InstanceWriter.transfer(instance,
                        transfer)), type).header(HttpHeaders.CONTENT_LENGTH, instance.size()).build();
            }
            return Response.ok((StreamingOutput) out -> InstanceWriter.write(instance, ts, out), type).build();
        }
        if (allAsStored(found, ts)) {
            RangeMultipart body = RangeMultipart.asStored(found, MultipartWriter.randomBoundary());
            return Response.ok(ServletTransfer.entity(body::writeTo), body.contentType())
                    .header(HttpHeaders.CONTENT_LENGTH, body.length()).build();
        }
        String boundary = MultipartWriter.randomBoundary();
        StreamingOutput body = out -> {
            MultipartWriter writer = new MultipartWriter(out, boundary);
            for (StoredInstance instance : found) {
                String effective = InstanceWriter.effectiveSyntax(instance, ts);
                try (var part = writer.openPart(PartHeaders.of("Content-Type",
                        MediaTypes.APPLICATION_DICOM + ";transfer-syntax=" + effective))) {
                    InstanceWriter.write(instance, ts, part);
                }
            }
            writer.finish();
        };
        return Response.ok(body, MultipartWriter.contentType(MediaTypes.APPLICATION_DICOM, boundary)).build();
    }

    /** True if every instance is written unchanged for the requested syntax {@code ts}. */
    static boolean allAsStored(List<StoredInstance> instances, String ts) {
        for (StoredInstance i : instances) {
            if (!InstanceWriter.effectiveSyntax(i, ts).equals(i.transferSyntaxUid())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The offers for these instances: {@code *} (as stored) first; Explicit VR Little Endian if
     * every instance can be transcoded to it; the stored syntax when all share one.
     */
    static MediaTypeNegotiator negotiator(List<StoredInstance> instances, boolean single) {
        Set<String> syntaxes = new LinkedHashSet<>();
        syntaxes.add(InstanceWriter.AS_STORED);
        boolean allNative = true;
        Set<String> stored = new LinkedHashSet<>();
        for (StoredInstance i : instances) {
            allNative &= InstanceWriter.isTranscodable(i.transferSyntaxUid());
            stored.add(i.transferSyntaxUid());
        }
        if (allNative) {
            syntaxes.add(UID.ExplicitVRLittleEndian);
        }
        if (stored.size() == 1) {
            syntaxes.addAll(stored);
        }
        String[] ts = syntaxes.toArray(new String[0]);
        Offer multipart = Offer.of(MediaTypes.multipartRelated(MediaTypes.APPLICATION_DICOM), ts);
        return single ? new MediaTypeNegotiator(multipart, Offer.of(MediaTypes.DICOM, ts))
                : new MediaTypeNegotiator(multipart);
    }
}
