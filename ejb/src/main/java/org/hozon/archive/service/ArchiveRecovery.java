package org.hozon.archive.service;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import org.hozon.archive.store.LocalStore;

/**
 * Keeps the outbox moving: every 30 seconds, tasks left PENDING longer than
 * {@code hozon.archive.recovery-after-seconds} (their message was lost, or the node crashed
 * between commit and delivery) and RUNNING tasks whose lease expired are sent again. At start-up,
 * temporary envelopes of interrupted uploads are deleted.
 */
@Singleton
@Startup
public class ArchiveRecovery {
    private static final Logger LOG = Logger.getLogger(ArchiveRecovery.class.getName());
    private static final int BATCH = 500;

    @EJB
    ArchiveTasks tasks;

    @Inject
    LocalStore store;

    @PostConstruct
    void cleanWorkDirectory() {
        Path work = store.root().resolve(ArchiveService.WORK_DIR);
        if (!Files.isDirectory(work)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(work, "*.hze")) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot clean " + work, e);
        }
    }

    @Schedule(hour = "*", minute = "*", second = "*/30", persistent = false)
    void resend() {
        try {
            int n = tasks.resendStuck(BATCH);
            if (n > 0) {
                LOG.info(() -> "Re-sent " + n + " archive task(s) left pending");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "archive recovery failed; next run in 30 s", e);
        }
    }
}
