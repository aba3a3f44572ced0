package org.hozon.web.dicomweb;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import org.hozon.dicom.Tag;
import org.hozon.dicom.json.BulkDataUriBuilder;
import org.hozon.dicom.json.DicomJsonWriter;
import org.hozon.dicomweb.media.MediaTypeNegotiator;
import org.hozon.dicomweb.media.MediaTypes;
import org.hozon.dicomweb.media.Negotiation;
import org.hozon.dicomweb.media.Offer;
import org.hozon.persistence.index.StoredHeader;
import org.hozon.retrieve.RetrieveService;
import org.hozon.retrieve.StoredInstance;

/**
 * Retrieve Metadata of study, series and instance (PS3.18 §10.4.1) as {@code application/dicom+json}
 * from the index alone: the stored headers are fetched in one ordered query and written one by one
 * to the response, through {@link Utf8JsonGenerator} (straight to UTF-8 bytes). Pixel Data and binary values above 1 KiB are {@code BulkDataURI}s pointing at
 * {@code .../instances/{uid}/bulk/{tag path}}, absolute or absolute-path per
 * {@code hozon.wado.bulkdata-uri}.
 */
@ApplicationScoped
public class MetadataResponder {
    private static final MediaTypeNegotiator MEDIA = new MediaTypeNegotiator(
            Offer.withoutTransferSyntax(MediaTypes.APPLICATION_DICOM_JSON),
            Offer.withoutTransferSyntax(MediaTypes.APPLICATION_JSON));
    private static final DicomJsonWriter JSON = new DicomJsonWriter();

    @Inject
    RetrieveService retrieve;

    @Inject
    WadoSettings settings;

    /** Answers a metadata request of the target. */
    public Response metadata(String study, String series, String sop, UriInfo uri, HttpHeaders headers) {
        Negotiation media = WadoRequest.negotiate(MEDIA, uri, headers);
        if (!media.isAcceptable()) {
            return WadoRequest.error(406, media.reason());
        }
        List<StoredInstance> found = retrieve.find(study, series, sop, true);
        if (found.isEmpty()) {
            return WadoRequest.notFound(study, series, sop);
        }
        String root = settings.absoluteBulkDataUris() ? PublicBaseUri.dicomWeb(uri, headers)
                : PublicBaseUri.dicomWebPath(uri);
        DicomJsonWriter writer = JSON.withBulkDataUriBuilder(bulkDataUris(root));
        StreamingOutput body = out -> {
            Utf8JsonGenerator json = new Utf8JsonGenerator(out);
            json.writeStartArray();
            for (StoredInstance instance : found) {
                writer.write(StoredHeader.decode(instance.header()), json);
            }
            json.writeEnd();
            json.flush();
        };
        return Response.ok(body, media.contentType()).build();
    }

    /** {@code <root>/studies/{study}/series/{series}/instances/{sop}/bulk/{tag path}}. */
    static BulkDataUriBuilder bulkDataUris(String root) {
        return (dataset, path, vr, value) -> root + "/studies/" + dataset.getString(Tag.StudyInstanceUID, "")
                + "/series/" + dataset.getString(Tag.SeriesInstanceUID, "")
                + "/instances/" + dataset.getString(Tag.SOPInstanceUID, "") + "/bulk/" + path;
    }
}
