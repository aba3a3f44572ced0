package org.hozon.archive.s3;

import java.time.Duration;

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
 * Builds S3 clients. The HTTP client is chosen explicitly: the JDK's URL connection works inside
 * WildFly as is (the SDK's default would be picked by ServiceLoader and its Apache 5 client needs
 * {@code jdk.net}).
 */
public final class S3Clients {

    private S3Clients() {
    }

    /**
     * @param target where to connect and how to sign
     * @return a new client for requests with small bodies (payload signed whole); the caller closes it
     */
    public static S3Client build(ArchiveTarget target) {
        return build(target, false);
    }

    /**
     * @param target where to connect and how to sign
     * @return a new client for large bodies: aws-chunked, a signature per chunk, so that neither
     *         side needs the whole body before checking it (s3proxy buffers a body signed whole in
     *         memory and refuses one above its {@code v4-max-non-chunked-request-size}); the caller
     *         closes it
     */
    public static S3Client buildStreaming(ArchiveTarget target) {
        return build(target, true);
    }

    private static S3Client build(ArchiveTarget target, boolean chunked) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofMinutes(2))
                        .build())
                .region(Region.of(target.region()))
                .forcePathStyle(target.pathStyle())
                // small bodies plainly signed, not aws-chunked (the SDK's default over http): with it
                // about a third of the PUTs to s3proxy failed on the first try ("Error writing request
                // body to server") and were sent again; x-amz-checksum-sha256 covers the bytes either way
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(chunked).build())
                .credentialsProvider(credentials(target));
        target.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(ArchiveTarget target) {
        if (target.staticCredentials()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(target.accessKey(), target.secretKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
