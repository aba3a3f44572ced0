package org.hozon.archive.s3;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The default S3 endpoint, bucket and credentials, read through MicroProfile Config (system
 * property {@code hozon.s3.bucket} or environment variable {@code HOZON_S3_BUCKET}, ...): they
 * describe the first archive target unless it has settings of its own, and are the fallback of
 * every further target ({@link ArchiveTargetSettings}). Defaults fit the s3proxy that
 * {@code ./hozon run} starts; docs/configuration.md lists every setting.
 */
@ApplicationScoped
public class S3Settings {

    /** Credentials come from {@code hozon.s3.access-key} and {@code hozon.s3.secret-key}. */
    public static final String CREDENTIALS_STATIC = "static";
    /** Credentials come from the AWS default chain (environment, profile, instance role). */
    public static final String CREDENTIALS_DEFAULT_CHAIN = "default";

    /**
     * Default of each {@code hozon.s3.<setting>}, by setting name; also the last fallback of each
     * archive target's settings ({@link ArchiveTargetSettings}).
     */
    public static final Map<String, String> DEFAULTS = Map.of(
            "endpoint", "http://127.0.0.1:9000",
            "region", "us-east-1",
            "bucket", "hozon-archive",
            "path-style", "true",
            "credentials", CREDENTIALS_STATIC,
            "access-key", "hozon",
            "secret-key", "hozon-secret-key");

    @Inject
    @ConfigProperty(name = "hozon.s3.endpoint", defaultValue = "http://127.0.0.1:9000")
    String endpoint;

    @Inject
    @ConfigProperty(name = "hozon.s3.region", defaultValue = "us-east-1")
    String region;

    @Inject
    @ConfigProperty(name = "hozon.s3.bucket", defaultValue = "hozon-archive")
    String bucket;

    @Inject
    @ConfigProperty(name = "hozon.s3.path-style", defaultValue = "true")
    boolean pathStyle;

    @Inject
    @ConfigProperty(name = "hozon.s3.credentials", defaultValue = CREDENTIALS_STATIC)
    String credentials;

    @Inject
    @ConfigProperty(name = "hozon.s3.access-key", defaultValue = "hozon")
    String accessKey;

    @Inject
    @ConfigProperty(name = "hozon.s3.secret-key", defaultValue = "hozon-secret-key")
    String secretKey;

    /** @return the endpoint, or empty for the AWS endpoint of {@link #region()} ({@code hozon.s3.endpoint=aws}) */
    public Optional<URI> endpoint() {
        return "aws".equalsIgnoreCase(endpoint.trim()) ? Optional.empty() : Optional.of(URI.create(endpoint.trim()));
    }

    /** @return the region the client signs for */
    public String region() {
        return region;
    }

    /** @return the bucket that holds the archive copies */
    public String bucket() {
        return bucket;
    }

    /** @return whether the bucket is addressed in the path rather than the host name */
    public boolean pathStyle() {
        return pathStyle;
    }

    /** @return whether static credentials are used (otherwise the AWS default chain) */
    public boolean staticCredentials() {
        if (CREDENTIALS_STATIC.equals(credentials)) {
            return true;
        }
        if (CREDENTIALS_DEFAULT_CHAIN.equals(credentials)) {
            return false;
        }
        throw new IllegalStateException("hozon.s3.credentials must be 'static' or 'default', not '" + credentials + "'");
    }

    /** @return the access key id for static credentials */
    public String accessKey() {
        return accessKey;
    }

    /** @return the secret key for static credentials */
    public String secretKey() {
        return secretKey;
    }
}
