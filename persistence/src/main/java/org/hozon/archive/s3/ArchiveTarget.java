package org.hozon.archive.s3;

import java.net.URI;
import java.util.Optional;

/**
 * One S3 target the archive copies go to: where it is, how to sign for it, which storage class
 * the data objects get, and whether an instance counts as safe only once this target holds it.
 *
 * @param name         the target's name, recorded in {@code archive_copy.target}
 * @param endpoint     the S3 API endpoint, or empty for the AWS endpoint of {@code region}
 * @param region       the region requests are signed for
 * @param bucket       the bucket holding the copies
 * @param pathStyle    whether the bucket is addressed in the path rather than the host name
 * @param staticCredentials whether {@code accessKey}/{@code secretKey} are used (else the AWS default chain)
 * @param accessKey    access key id for static credentials
 * @param secretKey    secret key for static credentials
 * @param storageClass storage class of the data objects (sidecars stay STANDARD), or empty for the bucket's default
 * @param required     whether an instance is ARCHIVED only once this target holds its copy
 */
public record ArchiveTarget(String name, Optional<URI> endpoint, String region, String bucket, boolean pathStyle,
        boolean staticCredentials, String accessKey, String secretKey, Optional<String> storageClass, boolean required) {

    /** @return where this target is, for logs and the admin API (no credentials) */
    public String location() {
        return endpoint.map(URI::toString).orElse("aws:" + region) + "/" + bucket;
    }

    @Override
    public String toString() {
        // never the secret key
        return "ArchiveTarget[" + name + " " + location() + (storageClass.map(c -> " " + c).orElse(""))
                + (required ? " required" : " optional") + "]";
    }
}
