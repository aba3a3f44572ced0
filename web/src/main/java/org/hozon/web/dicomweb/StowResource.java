package org.hozon.web.dicomweb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import org.hozon.dicom.Dataset;
import org.hozon.dicom.json.DicomJsonWriter;
import org.hozon.dicom.xml.DicomXmlWriter;
import org.hozon.dicomweb.media.AcceptHeader;
import org.hozon.dicomweb.media.MediaType;
import org.hozon.dicomweb.media.MediaTypes;
import org.hozon.dicomweb.multipart.MultipartContentType;
import org.hozon.dicomweb.multipart.MultipartException;
import org.hozon.dicomweb.multipart.MultipartReader;
import org.hozon.dicomweb.multipart.Part;
import org.hozon.ingest.FailureReason;
import org.hozon.ingest.IngestService;
import org.hozon.ingest.ReceivedInstance;
import org.hozon.ingest.Reception;
import org.hozon.ingest.StoreResult;
import org.hozon.ingest.Uids;

/**
 * STOW-RS (PS3.18 §10.5): {@code POST /dicom-web/studies} and {@code /dicom-web/studies/{study}}
 * with {@code multipart/related; type="application/dicom"}. Parts are read one at a time from
 * the request stream, each streamed to a file of its own (never buffered in memory); up to
 * {@value #BATCH_SIZE} received parts are then stored together. Answers 200/202/409 with the Store Instances Response in
 * {@code application/dicom+json} (or {@code application/dicom+xml} if the client prefers it),
 * 415 for other content types, 400 for an unreadable body. Messages for people travel in
 * {@code Warning: 299} headers.
 */
@Path("dicom-web/studies")
@RequestScoped
public class StowResource {
    private static final Logger LOG = Logger.getLogger(StowResource.class.getName());
    private static final int MAX_WARNING_HEADERS = 10;
    /**
     * Parts stored together. Bounds the headers held in memory (each at most a few MB, usually
     * a few KB) and the time an instance waits for the others before its acknowledgement.
     */
    private static final int BATCH_SIZE = 32;

    @EJB
    IngestService ingest;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uriInfo;

    @Context
    HttpServletRequest request;

    @Context
    SecurityContext security;

    /** Stores instances of any studies. */
    @POST
    public Response store(InputStream body) {
        return storeAll(body, null);
    }

    /** Stores instances that must all belong to {@code study}. */
    @POST
    @Path("{study}")
    public Response storeInStudy(@PathParam("study") String study, InputStream body) {
        if (!Uids.isValid(study)) {
            return error(400, "the Study Instance UID in the path is not a valid UID");
        }
        return storeAll(body, study);
    }

    private Response storeAll(InputStream body, String study) {
        String contentType = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        MultipartContentType multipart;
        try {
            MediaType type = contentType == null ? null : MediaType.parse(contentType);
            if (type == null || !type.is(MediaTypes.MULTIPART_RELATED)) {
                return error(415, "expected multipart/related; type=\"application/dicom\", got " + contentType);
            }
            multipart = MultipartContentType.parse(contentType);
        } catch (MultipartException | IllegalArgumentException e) {
            return error(400, "bad Content-Type: " + e.getMessage());
        }
        if (multipart.type() == null || !MediaTypes.APPLICATION_DICOM.equalsIgnoreCase(multipart.type().strip())) {
            return error(415, "only multipart/related; type=\"application/dicom\" is supported, got type="
                    + multipart.type());
        }

        StoreResponse response = new StoreResponse(PublicBaseUri.dicomWeb(uriInfo, headers), study);
        String source = request.getRemoteAddr();
        Principal principal = security.getUserPrincipal();
        String actor = principal == null ? null : principal.getName();
        Batch batch = new Batch(response, source, actor);
        try (MultipartReader reader = new MultipartReader(body, multipart.boundary())) {
            for (Part part = reader.nextPart(); part != null; part = reader.nextPart()) {
                MediaType partType = part.contentType();
                if (partType != null && !partType.is(MediaTypes.APPLICATION_DICOM)) {
                    batch.add(new StoreResult(null, null, null, null, FailureReason.CANNOT_UNDERSTAND, null,
                            "part " + part.index() + " is " + partType.essence() + ", not application/dicom"));
                    continue;
                }
                Reception reception = ingest.receive(part.body(), study);
                batch.add(reception.refusal() != null ? reception.refusal() : reception.instance());
            }
        } catch (MultipartException e) {
            batch.flush(); // the instances received before the body broke are whole: they are stored
            return bodyError(response, "unreadable multipart body: " + e.getMessage());
        } catch (IOException e) {
            batch.flush();
            return bodyError(response, "the request body could not be read: " + e.getMessage());
        }
        batch.flush();
        if (response.results().isEmpty()) {
            return error(400, "the multipart body holds no part");
        }
        Response.ResponseBuilder builder = Response.status(response.status());
        warnings(builder, response.results());
        return entity(builder, response.dataset()).build();
    }

    /**
     * Parts of one request waiting to be stored together (shared fsyncs, one index transaction:
     * see {@link IngestService#storeAll}); results go into the response in part order.
     */
    private final class Batch {
        private final StoreResponse response;
        private final String source;
        private final String actor;
        private final List<Object> slots = new ArrayList<>(); // a ReceivedInstance, or a StoreResult already known
        private final List<ReceivedInstance> received = new ArrayList<>();

        Batch(StoreResponse response, String source, String actor) {
            this.response = response;
            this.source = source;
            this.actor = actor;
        }

        void add(Object slot) {
            slots.add(slot);
            if (slot instanceof ReceivedInstance r) {
                received.add(r);
            }
            if (slots.size() >= BATCH_SIZE) {
                flush();
            }
        }

        void flush() {
            List<StoreResult> stored = received.isEmpty() ? List.of() : ingest.storeAll(received, source, actor);
            int next = 0;
            for (Object slot : slots) {
                response.add(slot instanceof StoreResult r ? r : stored.get(next++));
            }
            slots.clear();
            received.clear();
        }
    }

    /** 400 with what was stored before the body broke (each stored part stays stored). */
    private Response bodyError(StoreResponse response, String message) {
        LOG.fine(message);
        Response.ResponseBuilder builder = Response.status(400).header("Warning", warning(message));
        warnings(builder, response.results());
        return entity(builder, response.dataset()).build();
    }

    private static void warnings(Response.ResponseBuilder builder, List<StoreResult> results) {
        int n = 0;
        for (StoreResult r : results) {
            if (!r.stored() && n++ < MAX_WARNING_HEADERS) {
                builder.header("Warning", warning((r.sopInstanceUid() != null ? r.sopInstanceUid() + ": " : "")
                        + String.format("failure 0x%04X: ", r.failureReason()) + r.message()));
            }
        }
    }

    private Response.ResponseBuilder entity(Response.ResponseBuilder builder, Dataset dataset) {
        if (prefersXml()) {
            return builder.type(MediaTypes.APPLICATION_DICOM_XML + ";charset=utf-8")
                    .entity((StreamingOutput) out -> new DicomXmlWriter().write(dataset, out));
        }
        return builder.type(MediaTypes.APPLICATION_DICOM_JSON)
                .entity((StreamingOutput) (OutputStream out) -> new DicomJsonWriter().write(dataset, out));
    }

    /** XML only when the Accept header rates it above DICOM JSON. */
    private boolean prefersXml() {
        List<String> accept = headers.getRequestHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isEmpty()) {
            return false;
        }
        double xml = 0;
        double json = 0;
        for (MediaType range : AcceptHeader.parse(accept).ranges()) {
            if (range.includes(org.hozon.dicomweb.media.MediaTypes.DICOM_XML)) {
                xml = Math.max(xml, range.quality() + (range.is(MediaTypes.APPLICATION_DICOM_XML) ? 0.0001 : 0));
            }
            if (range.includes(org.hozon.dicomweb.media.MediaTypes.DICOM_JSON) || range.is(MediaTypes.APPLICATION_JSON)) {
                json = Math.max(json, range.quality() + (range.is(MediaTypes.APPLICATION_DICOM_JSON) ? 0.0001 : 0));
            }
        }
        return xml > json;
    }

    private static Response error(int status, String message) {
        return Response.status(status).header("Warning", warning(message)).type("application/json")
                .entity(jakarta.json.Json.createObjectBuilder().add("status", status).add("message", message).build()
                        .toString())
                .build();
    }

    /** A {@code Warning: 299} value (RFC 7234 §5.5), the text quoted and made header-safe. */
    private static String warning(String text) {
        String safe = text.replaceAll("[\\p{Cntrl}]", " ").replace("\\", "\\\\").replace("\"", "\\\"");
        if (safe.length() > 500) {
            safe = safe.substring(0, 500) + "...";
        }
        return "299 hozon \"" + safe + "\"";
    }
}
