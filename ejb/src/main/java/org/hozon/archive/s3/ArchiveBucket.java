package org.hozon.archive.s3;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * The archive bucket: created at start-up if it is missing. When the object store cannot be
 * reached yet, creation is retried every 10 seconds (readiness stays DOWN meanwhile).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ArchiveBucket {

    private static final Logger LOG = Logger.getLogger(ArchiveBucket.class.getName());
    private static final long RETRY_MILLIS = 10_000;
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(5);

    @Inject
    S3Client s3;

    @Inject
    S3Settings settings;

    @Resource
    TimerService timers;

    @PostConstruct
    void start() {
        ensureExists();
    }

    @Timeout
    void retry() {
        ensureExists();
    }

    /** @return the bucket name */
    public String name() {
        return settings.bucket();
    }

    /**
     * Asks the object store whether the bucket exists and is accessible.
     *
     * @return true if it is
     * @throws SdkException if the object store cannot be reached
     */
    public boolean exists() {
        try {
            s3.headBucket(HeadBucketRequest.builder().bucket(settings.bucket())
                    .overrideConfiguration(c -> c.apiCallTimeout(CHECK_TIMEOUT)).build());
            return true;
        } catch (NoSuchBucketException e) {
            return false;
        }
    }

    private void ensureExists() {
        try {
            if (!exists()) {
                s3.createBucket(b -> b.bucket(settings.bucket()));
                LOG.info(() -> "Created archive bucket " + settings.bucket());
            }
        } catch (SdkException e) {
            LOG.log(Level.WARNING, "Archive bucket " + settings.bucket() + " not reachable yet, retrying in "
                    + RETRY_MILLIS / 1000 + " s: " + e.getMessage());
            timers.createSingleActionTimer(RETRY_MILLIS, new TimerConfig(null, false));
        }
    }
}
