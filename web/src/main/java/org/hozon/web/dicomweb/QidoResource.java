package org.hozon.web.dicomweb;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * QIDO-RS searches across all studies: {@code GET /dicom-web/series} and
 * {@code GET /dicom-web/instances} (relational: study keys match too, and on instances series
 * keys). The searches below {@code /studies} are in {@link QidoStudiesResource}.
 */
@Path("dicom-web")
public class QidoResource {

    @Inject
    QidoResponder responder;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    /** {@code GET /series}: Search for All Series. */
    @GET
    @Path("series")
    public Response series() {
        return responder.search(org.hozon.dicomweb.qido.QidoResource.ALL_SERIES, null, null, uri, headers);
    }

    /** {@code GET /instances}: Search for All Instances. */
    @GET
    @Path("instances")
    public Response instances() {
        return responder.search(org.hozon.dicomweb.qido.QidoResource.ALL_INSTANCES, null, null, uri, headers);
    }
}
