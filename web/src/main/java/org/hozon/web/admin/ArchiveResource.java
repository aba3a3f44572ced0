package org.hozon.web.admin;

import java.util.Map;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hozon.archive.service.ArchiveStatus;
import org.hozon.archive.service.ArchiveStatusService;
import org.hozon.archive.service.ArchiveTasks;

/**
 * {@code GET /admin/archive}: backlog per status, oldest pending age, archived in the last
 * minute, lag percentiles (acknowledgement → ARCHIVED), the tasks that failed for good, each
 * target (availability, copies, backlog, rate, lag, this node's counters) and the deletion outbox.
 * {@code POST /admin/archive/tasks/{pk}/retry}: queues a FAILED task again (204), 409 if it is
 * not FAILED.
 */
@Path("admin/archive")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ArchiveResource {

    @EJB
    ArchiveStatusService status;

    @EJB
    ArchiveTasks tasks;

    /** @return the archive's state */
    @GET
    public JsonObject show() {
        ArchiveStatus s = status.status();
        JsonArrayBuilder failed = Json.createArrayBuilder();
        s.failed().forEach(f -> failed.add(Json.createObjectBuilder().add("task", f.taskPk()).add("attempts", f.attempts())
                .add("lastError", f.lastError() == null ? "" : f.lastError())));
        JsonArrayBuilder targets = Json.createArrayBuilder();
        for (ArchiveStatus.TargetStatus t : s.targets()) {
            JsonObjectBuilder o = Json.createObjectBuilder()
                    .add("name", t.name())
                    .add("location", t.location())
                    .add("required", t.required())
                    .add("up", t.up())
                    .add("copies", t.copies())
                    .add("backlog", t.missing())
                    .add("copiedLastMinute", t.copiedLastMinute())
                    .add("lagMillis", numbers(t.lagMillis()))
                    .add("node", Json.createObjectBuilder()
                            .add("copies", t.node().copies())
                            .add("bytes", t.node().bytes())
                            .add("failures", t.node().copyFailures())
                            .add("deletions", t.node().deletions())
                            .add("deletionFailures", t.node().deletionFailures()));
            if (t.storageClass() != null) {
                o.add("storageClass", t.storageClass());
            }
            if (t.since() != null) {
                o.add("since", t.since().toString());
            }
            if (t.lastError() != null) {
                o.add("lastError", t.lastError());
            }
            targets.add(o);
        }
        JsonArrayBuilder failing = Json.createArrayBuilder();
        s.deletions().failing().forEach(d -> failing.add(Json.createObjectBuilder().add("deletion", d.pk())
                .add("target", d.target()).add("attempts", d.attempts())
                .add("lastError", d.lastError() == null ? "" : d.lastError())));
        long backlog = s.tasksByStatus().getOrDefault("PENDING", 0L) + s.tasksByStatus().getOrDefault("RUNNING", 0L);
        return Json.createObjectBuilder()
                .add("tasks", numbers(s.tasksByStatus()))
                .add("backlog", backlog)
                .add("retrying", s.retrying())
                .add("oldestPendingSeconds", s.oldestPendingSeconds())
                .add("archivedLastMinute", s.archivedLastMinute())
                .add("lagMillis", numbers(s.lagMillis()))
                .add("failed", failed)
                .add("targets", targets)
                .add("deletions", Json.createObjectBuilder()
                        .add("pending", s.deletions().pending())
                        .add("byTarget", numbers(s.deletions().pendingByTarget()))
                        .add("oldestSeconds", s.deletions().oldestSeconds())
                        .add("failing", failing))
                .build();
    }

    /**
     * @param pk the task
     * @return 204 when queued again, 409 when the task is not FAILED
     */
    @POST
    @Path("tasks/{pk}/retry")
    public Response retry(@PathParam("pk") long pk) {
        return tasks.retry(pk) ? Response.noContent().build() : Response.status(Response.Status.CONFLICT).build();
    }

    private static JsonObjectBuilder numbers(Map<String, Long> values) {
        JsonObjectBuilder o = Json.createObjectBuilder();
        values.forEach(o::add);
        return o;
    }
}
