package org.hozon.web.dicomweb;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import org.hozon.retrieve.DeleteService;

/**
 * WADO-RS resources below {@code /dicom-web/studies} (PS3.18 Table 10.4.1-1): instances,
 * metadata, bulk data, frames, rendered and thumbnail, plus DELETE of study, series and instance.
 * Thin: each method hands over to a responder. QIDO-RS and STOW-RS share the root path.
 */
@Path("dicom-web/studies")
public class WadoResource {
    private static final String STUDY = "{study}";
    private static final String SERIES = STUDY + "/series/{series}";
    private static final String INSTANCE = SERIES + "/instances/{sop}";

    @Inject
    RetrieveResponder retrieve;

    @Inject
    MetadataResponder metadata;

    @Inject
    PixelResponder pixels;

    @Inject
    RenderedResponder rendered;

    @EJB
    DeleteService deleter;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @Context
    HttpServletRequest request;

    @Context
    SecurityContext security;

    @GET
    @Path(STUDY)
    public Response study(@PathParam("study") String study) {
        return retrieve.retrieve(study, null, null, uri, headers);
    }

    @GET
    @Path(SERIES)
    public Response series(@PathParam("study") String study, @PathParam("series") String series) {
        return retrieve.retrieve(study, series, null, uri, headers);
    }

    @GET
    @Path(INSTANCE)
    public Response instance(@PathParam("study") String study, @PathParam("series") String series,
            @PathParam("sop") String sop) {
        return retrieve.retrieve(study, series, sop, uri, headers);
    }

    @GET
    @Path(STUDY + "/metadata")
    public Response studyMetadata(@PathParam("study") String study) {
        return metadata.metadata(study, null, null, uri, headers);
    }

    @GET
    @Path(SERIES + "/metadata")
    public Response seriesMetadata(@PathParam("study") String study, @PathParam("series") String series) {
        return metadata.metadata(study, series, null, uri, headers);
    }

    @GET
    @Path(INSTANCE + "/metadata")
    public Response instanceMetadata(@PathParam("study") String study, @PathParam("series") String series,
            @PathParam("sop") String sop) {
        return metadata.metadata(study, series, sop, uri, headers);
    }

    @GET
    @Path(INSTANCE + "/bulk/{path: .+}")
    public Response bulk(@PathParam("study") String study, @PathParam("series") String series,
            @PathParam("sop") String sop, @PathParam("path") String path) {
        return pixels.bulk(study, series, sop, path, uri, headers);
    }

    @GET
    @Path(INSTANCE + "/frames/{frames}")
    public Response frames(@PathParam("study") String study, @PathParam("series") String series,
            @PathParam("sop") String sop, @PathParam("frames") String frames) {
        return pixels.frames(study, series, sop, frames, uri, headers);
    }

    @GET
    @Path(INSTANCE + "/rendered")
    public Response rendered(@PathParam("study") String study, @PathParam("series") String series,
            @PathParam("sop") String sop) {
        return rendered.render(study, series, sop, 0, false, uri, headers);
    }

    @GET
    @Path(INSTANCE + "/frames/{frame: [0-9]+}/rendered")
    public Response renderedFrame(@PathParam("study") String study, @PathParam("series") String series,
            @PathParam("sop") String sop, @PathParam("frame") int frame) {
        return rendered.render(study, series, sop, Math.max(1, frame), false, uri, headers);
    }

    @GET
    @Path(STUDY + "/thumbnail")
    public Response studyThumbnail(@PathParam("study") String study) {
        return rendered.render(study, null, null, 0, true, uri, headers);
    }

    @GET
    @Path(SERIES + "/thumbnail")
    public Response seriesThumbnail(@PathParam("study") String study, @PathParam("series") String series) {
        return rendered.render(study, series, null, 0, true, uri, headers);
    }

    @GET
    @Path(INSTANCE + "/thumbnail")
    public Response instanceThumbnail(@PathParam("study") String study, @PathParam("series") String series,
            @PathParam("sop") String sop) {
        return rendered.render(study, series, sop, 0, true, uri, headers);
    }

    @GET
    @Path(INSTANCE + "/frames/{frame: [0-9]+}/thumbnail")
    public Response frameThumbnail(@PathParam("study") String study, @PathParam("series") String series,
            @PathParam("sop") String sop, @PathParam("frame") int frame) {
        return rendered.render(study, series, sop, Math.max(1, frame), true, uri, headers);
    }

    @DELETE
    @Path(STUDY)
    public Response deleteStudy(@PathParam("study") String study) {
        return delete(study, null, null);
    }

    @DELETE
    @Path(SERIES)
    public Response deleteSeries(@PathParam("study") String study, @PathParam("series") String series) {
        return delete(study, series, null);
    }

    @DELETE
    @Path(INSTANCE)
    public Response deleteInstance(@PathParam("study") String study, @PathParam("series") String series,
            @PathParam("sop") String sop) {
        return delete(study, series, sop);
    }

    /** 204 when deleted, 404 when nothing matched. */
    private Response delete(String study, String series, String sop) {
        String actor = security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName();
        int n = deleter.delete(study, series, sop, actor, request.getRemoteAddr());
        return n == 0 ? WadoRequest.notFound(study, series, sop) : Response.noContent().build();
    }
}
