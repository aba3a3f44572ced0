package org.hozon.web.dicomweb;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hozon.dicomweb.qido.QidoResource;

/**
 * QIDO-RS searches below {@code /dicom-web/studies} (PS3.18 Table 10.6.1-1). Only GET methods:
 * STOW-RS adds POST on the same paths in its own class with the same {@code @Path}, which JAX-RS
 * merges with this one (classes with equal root paths share method selection).
 */
@Path("dicom-web/studies")
public class QidoStudiesResource {

    @Inject
    QidoResponder responder;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    /** {@code GET /studies}: Search for All Studies. */
    @GET
    public Response studies() {
        return responder.search(QidoResource.ALL_STUDIES, null, null, uri, headers);
    }

    /** {@code GET /studies/{study}/series}: Search for Study's Series. */
    @GET
    @Path("{study}/series")
    public Response studySeries(@PathParam("study") String study) {
        return responder.search(QidoResource.STUDY_SERIES, study, null, uri, headers);
    }

    /** {@code GET /studies/{study}/series/{series}/instances}: Search for Study's Series' Instances. */
    @GET
    @Path("{study}/series/{series}/instances")
    public Response studySeriesInstances(@PathParam("study") String study, @PathParam("series") String series) {
        return responder.search(QidoResource.STUDY_SERIES_INSTANCES, study, series, uri, headers);
    }

    /** {@code GET /studies/{study}/instances}: Search for Study's Instances. */
    @GET
    @Path("{study}/instances")
    public Response studyInstances(@PathParam("study") String study) {
        return responder.search(QidoResource.STUDY_INSTANCES, study, null, uri, headers);
    }
}
