package org.hozon.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.hozon.archive.store.LocalStore;

/** Ready only when the local store directory exists and can be written. */
@Readiness
@ApplicationScoped
public class LocalStoreReadinessCheck implements HealthCheck {

    @Inject
    LocalStore store;

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named("local-store").up()
                    .withData("path", store.ensureWritable().toString()).build();
        } catch (Exception e) {
            return HealthChecks.down("local-store", e);
        }
    }
}
