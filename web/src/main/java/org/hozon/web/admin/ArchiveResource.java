package org.hozon.web.admin;

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
 * minute, lag percentiles (acknowledgement → ARCHIVED) and the tasks that failed for good.
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
        JsonObjectBuilder byStatus = Json.createObjectBuilder();
        s.tasksByStatus().forEach(byStatus::add);
        JsonObjectBuilder lag = Json.createObjectBuilder();
        s.lagMillis().forEach(lag::add);
        JsonArrayBuilder failed = Json.createArrayBuilder();
        s.failed().forEach(f -> failed.add(Json.createObjectBuilder().add("task", f.taskPk()).add("attempts", f.attempts())
                .add("lastError", f.lastError() == null ? "" : f.lastError())));
        long backlog = s.tasksByStatus().getOrDefault("PENDING", 0L) + s.tasksByStatus().getOrDefault("RUNNING", 0L);
        return Json.createObjectBuilder()
                .add("tasks", byStatus)
                .add("backlog", backlog)
                .add("oldestPendingSeconds", s.oldestPendingSeconds())
                .add("archivedLastMinute", s.archivedLastMinute())
                .add("lagMillis", lag)
                .add("failed", failed)
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
}
