package org.hozon.archive.s3;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The configured archive targets ({@link ArchiveTargetSettings}), each with its own S3 client,
 * built on first use. A configuration error surfaces as an {@link IllegalStateException} on every
 * use (archive attempts record it, readiness shows it), not as a failed deployment.
 */
@ApplicationScoped
public class ArchiveTargets {

    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(5);

    private Map<String, ArchiveTarget> targets;
    private Map<String, S3Client> clients;
    private Map<String, S3Client> streamingClients;

    private synchronized void load() {
        if (targets != null) {
            return;
        }
        Config config = ConfigProvider.getConfig();
        List<ArchiveTarget> list = ArchiveTargetSettings.read(k -> config.getOptionalValue(k, String.class));
        Map<String, ArchiveTarget> t = new LinkedHashMap<>();
        Map<String, S3Client> c = new LinkedHashMap<>();
        Map<String, S3Client> sc = new LinkedHashMap<>();
        for (ArchiveTarget target : list) {
            t.put(target.name(), target);
            c.put(target.name(), S3Clients.build(target));
            sc.put(target.name(), S3Clients.buildStreaming(target));
        }
        clients = c;
        streamingClients = sc;
        targets = t;
    }

    /** @return every target, in the configured order */
    public List<ArchiveTarget> all() {
        load();
        return List.copyOf(targets.values());
    }

    /**
     * @param name a target's name
     * @return the target, if it is configured
     */
    public Optional<ArchiveTarget> find(String name) {
        load();
        return Optional.ofNullable(targets.get(name));
    }

    /**
     * @param target a configured target
     * @return its client
     */
    public S3Client client(ArchiveTarget target) {
        load();
        S3Client c = clients.get(target.name());
        if (c == null) {
            throw new IllegalArgumentException("not a configured archive target: " + target.name());
        }
        return c;
    }

    /**
     * @param target a configured target
     * @return its client for large bodies ({@link S3Clients#buildStreaming})
     */
    public S3Client streamingClient(ArchiveTarget target) {
        client(target);
        return streamingClients.get(target.name());
    }

    /**
     * Asks the target whether its bucket exists and is accessible, within 5 seconds.
     *
     * @param target a configured target
     * @throws SdkException if not (NoSuchBucketException when the bucket is missing)
     */
    public void check(ArchiveTarget target) {
        client(target).headBucket(b -> b.bucket(target.bucket()).overrideConfiguration(o -> o.apiCallTimeout(CHECK_TIMEOUT)));
    }

    @PreDestroy
    synchronized void close() {
        if (clients != null) {
            clients.values().forEach(S3Client::close);
            streamingClients.values().forEach(S3Client::close);
        }
    }
}
