package org.hozon.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.hozon.archive.store.LocalStore;
import org.hozon.dicomweb.multipart.MultipartException;
import org.hozon.persistence.index.StoredHeader;

/**
 * Stores one instance, crash-safely, and says what became of it:
 * <ol>
 *   <li>stream the part to {@code .incoming/<random>.part} while hashing and parsing
 *       ({@link InstanceReceiver}); fsync;</li>
 *   <li>rename it to its pending name ({@link StorePaths#pendingName}) and fsync
 *       {@code .incoming}: from now on a crash is undone or completed by {@link IncomingRecovery};</li>
 *   <li>hard-link it at its storage path and fsync that directory;</li>
 *   <li>index it in one transaction ({@link InstanceIndexer}), retried when a parallel request
 *       created the same patient or study first;</li>
 *   <li>after the commit, drop the pending name; if the transaction failed, or the instance was
 *       already stored, delete the new file as well.</li>
 * </ol>
 * The instance is acknowledged (the caller answers the client) only after step 5.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IngestService {
    private static final Logger LOG = Logger.getLogger(IngestService.class.getName());
    private static final int MAX_ATTEMPTS = 4;

    @Inject
    LocalStore store;

    @EJB
    InstanceIndexer indexer;

    /**
     * Stores the instance in one part's body.
     *
     * @param body          the part's body (read to its end unless the instance is refused early)
     * @param expectedStudy the Study Instance UID of the request path, or null
     * @param source        the sender's address, or null
     * @param actor         the authenticated principal, or null
     * @return stored, or failed with a Failure Reason
     * @throws MultipartException if the body is broken: the whole request is unreadable
     */
    public StoreResult store(InputStream body, String expectedStudy, String source, String actor)
            throws MultipartException {
        Path root = store.root();
        Path incoming = root.resolve(StorePaths.INCOMING);
        Path temp = incoming.resolve(StorePaths.partName());
        ReceivedInstance received;
        try {
            Files.createDirectories(incoming);
            received = InstanceReceiver.receive(body, temp, expectedStudy);
        } catch (IngestException e) {
            DurableFiles.deleteQuietly(temp);
            return StoreResult.failed(e);
        } catch (MultipartException e) {
            DurableFiles.deleteQuietly(temp);
            throw e;
        } catch (IOException e) {
            DurableFiles.deleteQuietly(temp);
            return StoreResult.failed(new IngestException(FailureReason.OUT_OF_RESOURCES,
                    "cannot write the local store: " + e.getMessage(), e));
        }

        String storagePath = StorePaths.storagePath(received.studyUid(), received.seriesUid(), received.sopInstanceUid());
        Path pending = incoming.resolve(StorePaths.pendingName(received.sopInstanceUid(), storagePath));
        Path target = root.resolve(storagePath);
        try {
            Files.move(temp, pending);
            DurableFiles.syncDirectory(incoming);
            DurableFiles.createDirectories(root, target.getParent());
            Files.createLink(target, pending);
            DurableFiles.syncDirectory(target.getParent());
        } catch (IOException e) {
            DurableFiles.deleteQuietly(target);
            DurableFiles.deleteQuietly(temp);
            DurableFiles.deleteQuietly(pending);
            return failed(received, FailureReason.OUT_OF_RESOURCES, "cannot write the local store: " + e.getMessage());
        }

        IndexOutcome outcome;
        try {
            outcome = indexWithRetry(new IndexRequest(received.withoutFile(), storagePath,
                    StoredHeader.encode(received.dataset()), source, actor));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "index transaction failed for " + received.sopInstanceUid(), e);
            DurableFiles.deleteQuietly(target);
            DurableFiles.deleteQuietly(pending);
            return failed(received, FailureReason.PROCESSING_FAILURE, "could not index the instance: " + rootMessage(e));
        }
        if (outcome.status() != IndexOutcome.Status.STORED) {
            DurableFiles.deleteQuietly(target);
        }
        DurableFiles.deleteQuietly(pending);
        return switch (outcome.status()) {
            case STORED, DUPLICATE -> new StoreResult(received.sopClassUid(), received.sopInstanceUid(),
                    received.studyUid(), received.seriesUid(), null, null, outcome.detail());
            case CONFLICT -> failed(received, FailureReason.DUPLICATE_DIFFERENT_CONTENT, outcome.detail());
            case REFUSED -> failed(received, FailureReason.CANNOT_UNDERSTAND, outcome.detail());
        };
    }

    private IndexOutcome indexWithRetry(IndexRequest request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return indexer.index(request);
            } catch (EJBException e) {
                if (attempt >= MAX_ATTEMPTS || !isRetryable(e)) {
                    throw e;
                }
                // a parallel request created the same patient, study or instance first, or held its
                // lock past the lock timeout (its commit includes the archive message): run again
            }
        }
    }

    /**
     * Conflicts with a parallel transaction, which a new attempt resolves: integrity constraint
     * violations (SQLState class 23), serialization failures and deadlocks (class 40), and lock
     * timeouts (H2 HYT00, PostgreSQL 55P03).
     */
    private static boolean isRetryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("23") || state.startsWith("40") || state.equals("HYT00") || state.equals("55P03")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }

    private static StoreResult failed(ReceivedInstance r, int reason, String message) {
        return new StoreResult(r.sopClassUid(), r.sopInstanceUid(), r.studyUid(), r.seriesUid(), reason, null, message);
    }
}
