package org.hozon.web.dicomweb;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hozon.dicomweb.media.AcceptHeader;
import org.hozon.dicomweb.media.MediaTypeNegotiator;
import org.hozon.dicomweb.media.Negotiation;

/** Helpers shared by the WADO-RS responders: negotiation from the request, plain-text errors. */
final class WadoRequest {
    private WadoRequest() {
    }

    /** Negotiates with the {@code accept} query parameter, the Accept header and {@code transfer-syntax}. */
    static Negotiation negotiate(MediaTypeNegotiator negotiator, UriInfo uri, HttpHeaders headers) {
        return negotiator.negotiate(AcceptHeader.fromQueryParameter(uri.getQueryParameters().get("accept")),
                AcceptHeader.parse(headers.getRequestHeader(HttpHeaders.ACCEPT)),
                uri.getQueryParameters().getFirst("transfer-syntax"));
    }

    /** A plain-text error response with the message also in a {@code Warning: 299} header. */
    static Response error(int status, String message) {
        return Response.status(status).type("text/plain;charset=UTF-8")
                .header("Warning", "299 hozon: " + message.replace('\n', ' ').replace('\r', ' '))
                .entity(message + "\n").build();
    }

    /** 404 for a target the index does not hold (never stored, or deleted). */
    static Response notFound(String study, String series, String sop) {
        String what = sop != null ? "instance " + sop : series != null ? "series " + series : "study " + study;
        return error(404, "No " + what + " in study " + study);
    }
}
