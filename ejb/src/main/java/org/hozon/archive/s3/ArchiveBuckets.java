package org.hozon.archive.s3;

import java.io.Serializable;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * The archive targets' buckets: each is created at start-up if it is missing. When a target cannot
 * be reached yet, creation is retried every 10 seconds (readiness stays DOWN meanwhile if the
 * target is required). A bucket that disappears later is not created again: that is for an
 * operator to look into.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ArchiveBuckets {

    private static final Logger LOG = Logger.getLogger(ArchiveBuckets.class.getName());
    private static final long RETRY_MILLIS = 10_000;

    @Inject
    ArchiveTargets targets;

    @Resource
    TimerService timers;

    @PostConstruct
    void start() {
        try {
            for (ArchiveTarget t : targets.all()) {
                ensureExists(t.name());
            }
        } catch (IllegalStateException e) {
            LOG.severe("archive targets are misconfigured, nothing can be archived: " + e.getMessage());
        }
    }

    @Timeout
    void retry(Timer timer) {
        ensureExists((String) timer.getInfo());
    }

    private void ensureExists(String name) {
        ArchiveTarget t = targets.find(name).orElseThrow();
        try {
            try {
                targets.check(t);
            } catch (NoSuchBucketException e) {
                targets.client(t).createBucket(b -> b.bucket(t.bucket()));
                LOG.info(() -> "Created the bucket of archive target " + t);
            }
        } catch (SdkException e) {
            LOG.log(Level.WARNING, "Archive target " + t + " not reachable yet, retrying in " + RETRY_MILLIS / 1000 + " s: "
                    + e.getMessage());
            timers.createSingleActionTimer(RETRY_MILLIS, new TimerConfig((Serializable) name, false));
        }
    }
}
