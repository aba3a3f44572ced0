package org.hozon.archive.service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Settings of the archiver and its keys (docs/configuration.md lists them). */
@ApplicationScoped
public class ArchiveSettings {

    @Inject
    @ConfigProperty(name = "hozon.tenant", defaultValue = "default")
    String tenant;

    @Inject
    @ConfigProperty(name = "hozon.keys.keystore")
    Optional<String> keystore;

    @Inject
    @ConfigProperty(name = "hozon.keys.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "hozon.keys.active-id")
    Optional<String> activeId;

    @Inject
    @ConfigProperty(name = "hozon.keys.naming-id")
    Optional<String> namingId;

    @Inject
    @ConfigProperty(name = "hozon.archive.max-delivery-attempts", defaultValue = "10")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "hozon.archive.recovery-after-seconds", defaultValue = "120")
    long recoveryAfterSeconds;

    @Inject
    @ConfigProperty(name = "hozon.archive.target", defaultValue = "primary")
    String target;

    @Inject
    @ConfigProperty(name = "hozon.archive.recovery-interval-seconds", defaultValue = "10")
    long recoveryIntervalSeconds;

    @Inject
    @ConfigProperty(name = "hozon.archive.retry-delay-seconds", defaultValue = "5")
    long retryDelaySeconds;

    @Inject
    @ConfigProperty(name = "hozon.archive.max-retry-delay-seconds", defaultValue = "600")
    long maxRetryDelaySeconds;

    /** @return the tenant (hospital) whose instances this node archives */
    public String tenant() {
        return tenant;
    }

    /** @return the PKCS#12 keystore holding the KEKs */
    public Path keystore() {
        return Path.of(keystore.filter(s -> !s.isBlank())
                .orElseThrow(() -> new IllegalStateException("hozon.keys.keystore is not set: no KEK, nothing can be archived")));
    }

    /** @return the keystore's password */
    public char[] password() {
        return password.orElseThrow(() -> new IllegalStateException("hozon.keys.password is not set")).toCharArray();
    }

    /** @return the KEK id for new wraps, if set */
    public Optional<String> activeId() {
        return activeId.filter(s -> !s.isBlank());
    }

    /** @return the KEK id the object-naming key is derived from, if set (else the active id) */
    public Optional<String> namingId() {
        return namingId.filter(s -> !s.isBlank());
    }

    /** @return attempts before a task is FAILED */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** @return how long a task may stay pending before the recovery timer sends it again */
    public Duration recoveryAfter() {
        return Duration.ofSeconds(recoveryAfterSeconds);
    }

    /** @return how often the recovery timer runs (re-sends due work, probes unavailable targets) */
    public Duration recoveryInterval() {
        return Duration.ofSeconds(Math.max(1, recoveryIntervalSeconds));
    }

    /** @return the longest wait between two attempts of one task or deletion */
    public Duration maxRetryDelay() {
        return Duration.ofSeconds(Math.max(1, maxRetryDelaySeconds));
    }

    /**
     * @param attempt the attempt that failed (1 = first)
     * @return how long to wait before the next: the retry delay, doubled per attempt, at most the maximum
     */
    public Duration retryDelay(int attempt) {
        long first = Math.max(1, retryDelaySeconds);
        long seconds = first << Math.min(Math.max(attempt - 1, 0), 20);
        return Duration.ofSeconds(Math.min(seconds, maxRetryDelay().toSeconds()));
    }

    /**
     * @return the name of the one target of a single-target configuration ({@code hozon.archive.target});
     *         the targets themselves, however many, come from {@link org.hozon.archive.s3.ArchiveTargets}
     */
    public String target() {
        return target;
    }
}
