package org.hozon.web.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.hozon.archive.service.ArchiveStatusService;
import org.hozon.archive.service.PrometheusText;

/**
 * {@code GET /admin/metrics}: the archive's metrics in the Prometheus text format (backlog,
 * oldest pending age, archive rate, failures, lag percentiles, per target; see
 * docs/configuration.md, "Metrics").
 */
@Path("admin/metrics")
@RequestScoped
public class MetricsResource {

    @EJB
    ArchiveStatusService status;

    /** @return the metrics */
    @GET
    public Response metrics() {
        return Response.ok(PrometheusText.render(status.status()), PrometheusText.MEDIA_TYPE).build();
    }
}
