package org.hozon.web.admin;

import java.security.Principal;
import java.time.Instant;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import org.hozon.archive.restore.RestoreCounts;
import org.hozon.archive.restore.RestoreRefusedException;
import org.hozon.archive.restore.RestoreService;
import org.hozon.archive.restore.RestoreStatus;

/**
 * Restore from S3 (docs/restore.md). {@code POST /admin/restore} starts a restore into an empty
 * index, or continues an interrupted one: 202 with the status; 409 with {@code {"error": ...}} if
 * one runs or the index is not empty ({@code ?retry-failed=true} also retries the failed objects,
 * of a completed run too). {@code GET /admin/restore}: state, objects found, restored, skipped and
 * failed, bytes, rate, ETA, and the first failures with their reasons.
 * {@code GET /admin/restore/summary}: the same in one line of text (what {@code ./hozon restore} prints).
 */
@Path("admin/restore")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RestoreResource {

    @EJB
    RestoreService restore;

    @Context
    UriInfo uriInfo;

    @Context
    SecurityContext security;

    /** @return the latest run's state */
    @GET
    public JsonObject show() {
        return json(restore.status());
    }

    /** @return the latest run's state in one line */
    @GET
    @Path("summary")
    @Produces(MediaType.TEXT_PLAIN)
    public String summary() {
        return RestoreSummary.line(restore.status());
    }

    /**
     * @param retryFailed also retry the objects that failed
     * @return 202 with the status, or 409 with the reason
     */
    @POST
    public Response start(@QueryParam("retry-failed") @DefaultValue("false") boolean retryFailed) {
        Principal p = security == null ? null : security.getUserPrincipal();
        try {
            RestoreStatus s = restore.start(retryFailed, p == null ? null : p.getName());
            return Response.accepted(json(s)).location(uriInfo.getAbsolutePath()).build();
        } catch (RestoreRefusedException e) {
            return Response.status(Response.Status.CONFLICT)
                    .entity(Json.createObjectBuilder().add("error", e.getMessage()).build()).build();
        }
    }

    private static JsonObject json(RestoreStatus s) {
        RestoreCounts c = s.counts();
        JsonObjectBuilder json = Json.createObjectBuilder().add("state", s.state());
        if (s.run() != null) {
            json.add("run", s.run()).add("bucket", s.bucket()).add("node", s.node());
        }
        time(json, "createdAt", s.createdAt());
        time(json, "attemptStartedAt", s.attemptStartedAt());
        time(json, "finishedAt", s.finishedAt());
        json.add("listingComplete", s.listingComplete())
                .add("objects", Json.createObjectBuilder().add("found", c.found()).add("restored", c.restored())
                        .add("skipped", c.skipped()).add("failed", c.failed()).add("remaining", c.pending()))
                .add("bytes", Json.createObjectBuilder().add("found", c.bytesFound()).add("processed", c.bytesProcessed())
                        .add("restored", c.bytesRestored()))
                .add("instancesPerSecond", round(s.instancesPerSecond()))
                .add("megabytesPerSecond", round(s.megabytesPerSecond()))
                .add("etaSeconds", s.etaSeconds());
        if (s.error() != null) {
            json.add("error", s.error());
        }
        JsonArrayBuilder failures = Json.createArrayBuilder();
        for (var f : s.failures()) {
            JsonObjectBuilder o = Json.createObjectBuilder().add("object", f.objectKey());
            if (f.sopIuid() != null) {
                o.add("sopInstanceUid", f.sopIuid());
            }
            failures.add(o.add("reason", f.error() == null ? "" : f.error()));
        }
        return json.add("failureCount", c.failed()).add("failures", failures).build();
    }

    private static void time(JsonObjectBuilder json, String name, Instant t) {
        if (t != null) {
            json.add(name, t.toString());
        }
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
