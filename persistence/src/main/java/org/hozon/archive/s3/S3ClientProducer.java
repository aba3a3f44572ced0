package org.hozon.archive.s3;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import software.amazon.awssdk.services.s3.S3Client;

/**
 * Produces the application's default {@link S3Client}, for the endpoint of the {@code hozon.s3.*}
 * settings (the self-test uses it). The archive itself talks to each target through
 * {@link ArchiveTargets}.
 */
@ApplicationScoped
public class S3ClientProducer {

    @Inject
    S3Settings settings;

    @Produces
    @ApplicationScoped
    S3Client s3Client() {
        return S3Clients.build(new ArchiveTarget("default", settings.endpoint(), settings.region(), settings.bucket(),
                settings.pathStyle(), settings.staticCredentials(), settings.accessKey(), settings.secretKey(),
                Optional.empty(), true));
    }

    void close(@Disposes S3Client client) {
        client.close();
    }
}
