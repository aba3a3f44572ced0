package org.hozon.archive.s3;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * Produces the one {@link S3Client} of the application. The HTTP client is chosen explicitly:
 * the JDK's URL connection works inside WildFly as is (the SDK's default would be picked by
 * ServiceLoader and its Apache 5 client needs {@code jdk.net}).
 */
@ApplicationScoped
public class S3ClientProducer {

    @Inject
    S3Settings settings;

    @Produces
    @ApplicationScoped
    S3Client s3Client() {
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofMinutes(2))
                        .build())
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyle())
                // a plainly signed payload, not aws-chunked (the SDK's default over http, a signature
                // per chunk): with it about a third of the PUTs to s3proxy failed on the first try
                // ("Error writing request body to server") and were sent again; x-amz-checksum-sha256
                // still covers the bytes either way
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .credentialsProvider(credentials());
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    void close(@Disposes S3Client client) {
        client.close();
    }

    private AwsCredentialsProvider credentials() {
        if (settings.staticCredentials()) {
            return StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
