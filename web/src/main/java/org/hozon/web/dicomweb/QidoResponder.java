package org.hozon.web.dicomweb;

import java.net.URI;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import org.hozon.dicom.Dataset;
import org.hozon.dicom.json.DicomJsonWriter;
import org.hozon.dicomweb.media.AcceptHeader;
import org.hozon.dicomweb.media.MediaTypeNegotiator;
import org.hozon.dicomweb.media.MediaTypes;
import org.hozon.dicomweb.media.Negotiation;
import org.hozon.dicomweb.media.Offer;
import org.hozon.dicomweb.qido.QidoQuery;
import org.hozon.dicomweb.qido.QidoQueryException;
import org.hozon.dicomweb.qido.QidoResource;
import org.hozon.query.QidoResult;
import org.hozon.query.QidoSearchService;

/**
 * Answers a QIDO-RS search request (PS3.18 §10.6, §8.3.4): parses the raw query string (so
 * {@code +} stays a plus and percent escapes are decoded once), negotiates the media type
 * ({@code application/dicom+json}, or {@code application/json}; anything else is 406), runs the
 * search and streams the results as a DICOM JSON array. 200 with results, 204 when nothing
 * matches (also past the end with {@code offset}), 400 with the reason for an invalid
 * parameter; ignored parameters and truncated results each add a {@code Warning: 299} header.
 */
@ApplicationScoped
public class QidoResponder {
    private static final MediaTypeNegotiator MEDIA = new MediaTypeNegotiator(
            Offer.withoutTransferSyntax(MediaTypes.APPLICATION_DICOM_JSON),
            Offer.withoutTransferSyntax(MediaTypes.APPLICATION_JSON));
    private static final DicomJsonWriter JSON = new DicomJsonWriter();

    @Inject
    QidoSearchService search;

    /** Searches {@code resource} with the UIDs from the path (null where it has none). */
    public Response search(QidoResource resource, String study, String series, UriInfo uri, HttpHeaders headers) {
        String agent = warnAgent(uri);
        QidoQuery query;
        try {
            query = QidoQuery.parse(resource, study, series, uri.getRequestUri().getRawQuery());
        } catch (QidoQueryException e) {
            return Response.status(Response.Status.BAD_REQUEST).type("text/plain;charset=UTF-8")
                    .header("Warning", warning(agent, e.getMessage())).entity(e.getMessage() + "\n").build();
        }
        Negotiation media = MEDIA.negotiate(AcceptHeader.fromQueryParameter(query.serviceParameters().get("accept")),
                AcceptHeader.parse(headers.getRequestHeader(HttpHeaders.ACCEPT)), null);
        if (!media.isAcceptable()) {
            return Response.status(Response.Status.NOT_ACCEPTABLE).type("text/plain;charset=UTF-8")
                    .entity(media.reason() + "\n").build();
        }
        QidoResult result = search.search(query, PublicBaseUri.dicomWeb(uri, headers));
        Response.ResponseBuilder rb = result.datasets().isEmpty() ? Response.noContent()
                : Response.ok(stream(result.datasets()), media.contentType());
        for (String w : result.warnings()) {
            rb.header("Warning", warning(agent, w));
        }
        return rb.build();
    }

    /** Through {@link Utf8JsonGenerator}, as metadata: the same bytes as JSON-P's generator, faster. */
    private static StreamingOutput stream(List<Dataset> datasets) {
        return out -> {
            Utf8JsonGenerator json = new Utf8JsonGenerator(out);
            json.writeStartArray();
            for (Dataset ds : datasets) {
                JSON.write(ds, json);
            }
            json.writeEnd();
            json.flush();
        };
    }

    /** {@code 299 <agent>: <text>}, the form PS3.18 §8.3.4 shows. */
    static String warning(String agent, String text) {
        return "299 " + agent + ": " + text.replace('\n', ' ').replace('\r', ' ');
    }

    private static String warnAgent(UriInfo uri) {
        URI u = uri.getBaseUri();
        return u.getPort() < 0 ? u.getHost() : u.getHost() + ":" + u.getPort();
    }
}
