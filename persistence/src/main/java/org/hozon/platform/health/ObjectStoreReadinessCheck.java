package org.hozon.platform.health;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.hozon.archive.s3.S3Settings;

import software.amazon.awssdk.services.s3.S3Client;

/** Ready only when the archive bucket exists and is accessible with the configured credentials. */
@Readiness
@ApplicationScoped
public class ObjectStoreReadinessCheck implements HealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Inject
    S3Client s3;

    @Inject
    S3Settings settings;

    @Override
    public HealthCheckResponse call() {
        try {
            s3.headBucket(b -> b.bucket(settings.bucket()).overrideConfiguration(c -> c.apiCallTimeout(TIMEOUT)));
            return HealthCheckResponse.named("object-store").up().withData("bucket", settings.bucket()).build();
        } catch (Exception e) {
            return HealthChecks.down("object-store", e);
        }
    }
}
