package org.hozon.platform.health;

import org.eclipse.microprofile.health.HealthCheckResponse;

/** Shared shape of a failed check: DOWN with the cause, so an operator sees why. */
final class HealthChecks {

    private HealthChecks() {
    }

    static HealthCheckResponse down(String name, Exception cause) {
        String message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getName();
        return HealthCheckResponse.named(name).down().withData("error", message).build();
    }
}
