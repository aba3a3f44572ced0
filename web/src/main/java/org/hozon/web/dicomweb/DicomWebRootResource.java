package org.hozon.web.dicomweb;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The DICOMweb base URL. It answers so that clients and operators can check the service is
 * there; STOW-RS, QIDO-RS and WADO-RS resources are added below this path. {@code OPTIONS}
 * answers the Capabilities Description (PS3.18 §8.9, a WADL document); CORS preflights never
 * reach it (see {@code org.hozon.web.cors.CorsFilter}).
 */
@Path("dicom-web")
@RequestScoped
public class DicomWebRootResource {

    /** @return the service name and the base of the studies resources */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject describe() {
        return Json.createObjectBuilder()
                .add("service", "Hozon DICOMweb")
                .add("studies", "/dicom-web/studies")
                .add("services", Json.createArrayBuilder())
                .build();
    }

    /** @return the Capabilities Description (WADL, PS3.18 Annex H) */
    @OPTIONS
    public Response capabilities(@Context UriInfo uri, @Context HttpHeaders headers) {
        return Response.ok(Capabilities.wadl(PublicBaseUri.dicomWeb(uri, headers)), Capabilities.MEDIA_TYPE)
                .header("Allow", "GET, OPTIONS").build();
    }
}
