package org.hozon.web.dicomweb;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The DICOMweb base URL. It answers so that clients and operators can check the service is
 * there; STOW-RS, QIDO-RS and WADO-RS resources are added below this path.
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
}
