package org.hozon.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.hozon.archive.s3.ArchiveTarget;
import org.hozon.archive.s3.ArchiveTargets;

/**
 * Ready only when the bucket of every required archive target exists and is accessible with its
 * credentials. Optional targets are checked and shown too, but do not make the node unready.
 */
@Readiness
@ApplicationScoped
public class ObjectStoreReadinessCheck implements HealthCheck {

    @Inject
    ArchiveTargets targets;

    @Override
    public HealthCheckResponse call() {
        try {
            HealthCheckResponseBuilder response = HealthCheckResponse.named("object-store");
            boolean up = true;
            for (ArchiveTarget t : targets.all()) {
                String state;
                try {
                    targets.check(t);
                    state = "UP";
                } catch (Exception e) {
                    up &= !t.required();
                    state = "DOWN: " + (e.getMessage() != null ? e.getMessage() : e.getClass().getName());
                }
                response.withData(t.name(), t.location() + (t.required() ? "" : " (optional)") + " " + state);
            }
            return response.status(up).build();
        } catch (Exception e) {
            return HealthChecks.down("object-store", e);
        }
    }
}
