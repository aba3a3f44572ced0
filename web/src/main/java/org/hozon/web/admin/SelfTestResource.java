package org.hozon.web.admin;

import java.net.URI;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import org.hozon.platform.selftest.SelfTestRun;
import org.hozon.platform.selftest.SelfTestService;

/**
 * {@code POST /admin/self-test} proves the node's wires (object store, database, archive
 * queue) and answers 201 with the run; {@code GET /admin/self-test/{id}} shows it again,
 * including whether the archive queue consumer has received its message.
 */
@Path("admin/self-test")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SelfTestResource {

    @EJB
    SelfTestService selfTests;

    @Context
    UriInfo uriInfo;

    /** @return 201 with the new run and its {@code Location} */
    @POST
    public Response start() {
        SelfTestRun run = selfTests.start();
        URI location = uriInfo.getAbsolutePathBuilder().path(run.id()).build();
        return Response.created(location).entity(toJson(run)).build();
    }

    /**
     * @param id id of a run
     * @return 200 with the run, or 404
     */
    @GET
    @Path("{id}")
    public Response show(@PathParam("id") String id) {
        return selfTests.find(id)
                .map(run -> Response.ok(toJson(run)))
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND))
                .build();
    }

    private static JsonObject toJson(SelfTestRun run) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", run.id())
                .add("node", run.node())
                .add("startedAt", run.startedAt().toString())
                .add("objectKey", run.objectKey())
                .add("objectVerified", run.objectVerified())
                .add("messageReceived", run.messageReceivedAt() != null);
        if (run.messageReceivedAt() != null) {
            json.add("messageReceivedAt", run.messageReceivedAt().toString());
        }
        return json.build();
    }
}
