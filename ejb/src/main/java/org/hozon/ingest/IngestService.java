package org.hozon.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
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
 * Stores instances, crash-safely, and says what became of each. Receiving and storing are two
 * steps so that the instances of one request are stored in batches:
 * <ol>
 *   <li>{@link #receive}: stream the part to {@code .incoming/<random>.part} while hashing and
 *       parsing ({@link InstanceReceiver}); fsync the file;</li>
 *   <li>{@link #storeAll}, for a batch of received instances: rename each to its pending name
 *       ({@link StorePaths#pendingName}) and fsync {@code .incoming} once: from now on a crash is
 *       undone or completed by {@link IncomingRecovery};</li>
 *   <li>hard-link each at its storage path and fsync each directory linked into, once;</li>
 *   <li>index the whole batch in one transaction ({@link InstanceIndexer#indexAll}), retried when
 *       a parallel request created the same patient or study first; if it still fails, index
 *       each instance in a transaction of its own, so that one bad instance never costs the
 *       others (every instance ends either fully indexed or absent);</li>
 *   <li>after the commit, drop the pending names; for instances not indexed (failed, or already
 *       stored), delete the new file as well.</li>
 * </ol>
 * An instance is acknowledged (the caller answers the client) only after step 5, so data and
 * index are durable before the answer; batching only shares the fsyncs and the commit.
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
     * Receives the instance in one part's body into a temporary file (fsynced), hashed, parsed
     * and validated; it is not stored until {@link #storeAll}.
     *
     * @param body          the part's body (read to its end unless the instance is refused early)
     * @param expectedStudy the Study Instance UID of the request path, or null
     * @return the received instance, or the refusal with a Failure Reason
     * @throws MultipartException if the body is broken: the whole request is unreadable
     */
    public Reception receive(InputStream body, String expectedStudy) throws MultipartException {
        Path incoming = store.root().resolve(StorePaths.INCOMING);
        Path temp = incoming.resolve(StorePaths.partName());
        try {
            if (!Files.isDirectory(incoming)) { // createDirectories throws and catches inside when it exists
                Files.createDirectories(incoming);
            }
            return Reception.of(InstanceReceiver.receive(body, temp, expectedStudy));
        } catch (IngestException e) {
            DurableFiles.deleteQuietly(temp);
            return Reception.refused(StoreResult.failed(e));
        } catch (MultipartException e) {
            DurableFiles.deleteQuietly(temp);
            throw e;
        } catch (IOException e) {
            DurableFiles.deleteQuietly(temp);
            return Reception.refused(StoreResult.failed(new IngestException(FailureReason.OUT_OF_RESOURCES,
                    "cannot write the local store: " + e.getMessage(), e)));
        }
    }

    /**
     * A fresh temporary file name in {@code .incoming}, for a caller that writes an instance itself
     * (a restore decrypting an archive copy) and then hands it to {@link #receiveWritten}. If the
     * node crashes meanwhile, {@link IncomingRecovery} deletes it at the next start.
     *
     * @return the path of a file that does not exist yet
     * @throws IOException if {@code .incoming} cannot be created
     */
    public Path newIncomingFile() throws IOException {
        Path incoming = store.root().resolve(StorePaths.INCOMING);
        if (!Files.isDirectory(incoming)) {
            Files.createDirectories(incoming);
        }
        return incoming.resolve(StorePaths.partName());
    }

    /**
     * Parses and validates an instance that the caller wrote (and fsynced) into a file from
     * {@link #newIncomingFile}, hashing it while writing; it is not stored until {@link #storeAll}.
     *
     * @param file   the file
     * @param size   its length
     * @param sha256 SHA-256 of its bytes, lower-case hex
     * @return the received instance, or the refusal (the file is then deleted)
     */
    public Reception receiveWritten(Path file, long size, String sha256) {
        try {
            return Reception.of(InstanceReceiver.inspect(file, size, sha256));
        } catch (IngestException e) {
            DurableFiles.deleteQuietly(file);
            return Reception.refused(StoreResult.failed(e));
        }
    }

    /**
     * Stores received instances (each one's temporary file is consumed).
     *
     * @param received instances from {@link #receive}
     * @param source   the sender's address, or null
     * @param actor    the authenticated principal, or null
     * @return one result per instance, in order: stored, or failed with a Failure Reason
     */
    public List<StoreResult> storeAll(List<ReceivedInstance> received, String source, String actor) {
        return storeAll(received, null, source, actor);
    }

    /**
     * Stores received instances, as {@link #storeAll(List, String, String)} does; those restored
     * from an archive copy are indexed with that copy and their archive task ARCHIVED.
     *
     * @param received instances from {@link #receive} or {@link #receiveWritten}
     * @param archived per instance (same positions), the archive copy it was restored from, or
     *                 null; or null for none
     * @param source   the sender's address, or null
     * @param actor    the authenticated principal, or null
     * @return one result per instance, in order: stored, or failed with a Failure Reason
     */
    public List<StoreResult> storeAll(List<ReceivedInstance> received, List<ArchivedCopy> archived, String source,
            String actor) {
        Path root = store.root();
        Path incoming = root.resolve(StorePaths.INCOMING);
        int n = received.size();
        StoreResult[] results = new StoreResult[n];
        Path[] pending = new Path[n];
        Path[] target = new Path[n];
        String[] storagePath = new String[n];
        boolean anyPending = false;
        for (int i = 0; i < n; i++) {
            ReceivedInstance r = received.get(i);
            storagePath[i] = StorePaths.storagePath(r.studyUid(), r.seriesUid(), r.sopInstanceUid());
            pending[i] = incoming.resolve(StorePaths.pendingName(r.sopInstanceUid(), storagePath[i]));
            target[i] = root.resolve(storagePath[i]);
            try {
                // a rename in one directory; ATOMIC_MOVE skips the existence checks a plain move makes
                Files.move(r.file(), pending[i], StandardCopyOption.ATOMIC_MOVE);
                anyPending = true;
            } catch (IOException e) {
                DurableFiles.deleteQuietly(r.file());
                results[i] = outOfResources(r, e);
            }
        }
        Set<Path> linkedInto = new LinkedHashSet<>();
        try {
            if (anyPending) {
                DurableFiles.syncDirectory(incoming);
            }
        } catch (IOException e) {
            for (int i = 0; i < n; i++) {
                if (results[i] == null) {
                    DurableFiles.deleteQuietly(pending[i]);
                    results[i] = outOfResources(received.get(i), e);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (results[i] == null) {
                try {
                    DurableFiles.createDirectories(root, target[i].getParent());
                    Files.createLink(target[i], pending[i]);
                    linkedInto.add(target[i].getParent());
                } catch (IOException e) {
                    DurableFiles.deleteQuietly(target[i]);
                    DurableFiles.deleteQuietly(pending[i]);
                    results[i] = outOfResources(received.get(i), e);
                }
            }
        }
        for (Path dir : linkedInto) {
            try {
                DurableFiles.syncDirectory(dir);
            } catch (IOException e) {
                for (int i = 0; i < n; i++) {
                    if (results[i] == null && target[i].getParent().equals(dir)) {
                        DurableFiles.deleteQuietly(target[i]);
                        DurableFiles.deleteQuietly(pending[i]);
                        results[i] = outOfResources(received.get(i), e);
                    }
                }
            }
        }

        List<Integer> toIndex = new ArrayList<>();
        List<IndexRequest> requests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (results[i] == null) {
                ReceivedInstance r = received.get(i);
                toIndex.add(i);
                requests.add(new IndexRequest(r.withoutFile(), storagePath[i], StoredHeader.encode(r.dataset()),
                        source, actor, archived == null ? null : archived.get(i)));
            }
        }
        List<Object> outcomes = indexBatch(requests);
        for (int k = 0; k < toIndex.size(); k++) {
            int i = toIndex.get(k);
            ReceivedInstance r = received.get(i);
            Object o = outcomes.get(k);
            if (!(o instanceof IndexOutcome outcome)) {
                RuntimeException e = (RuntimeException) o;
                LOG.log(Level.WARNING, "index transaction failed for " + r.sopInstanceUid(), e);
                DurableFiles.deleteQuietly(target[i]);
                DurableFiles.deleteQuietly(pending[i]);
                results[i] = failed(r, FailureReason.PROCESSING_FAILURE, "could not index the instance: " + rootMessage(e));
                continue;
            }
            if (outcome.status() != IndexOutcome.Status.STORED) {
                DurableFiles.deleteQuietly(target[i]);
            }
            DurableFiles.deleteQuietly(pending[i]);
            results[i] = switch (outcome.status()) {
                case STORED, DUPLICATE -> new StoreResult(r.sopClassUid(), r.sopInstanceUid(), r.studyUid(),
                        r.seriesUid(), null, null, outcome.detail());
                case CONFLICT -> failed(r, FailureReason.DUPLICATE_DIFFERENT_CONTENT, outcome.detail());
                case REFUSED -> failed(r, FailureReason.CANNOT_UNDERSTAND, outcome.detail());
            };
        }
        return Arrays.asList(results);
    }

    /**
     * Indexes the batch in one transaction; if that fails, each instance in its own.
     *
     * @return per request, its {@link IndexOutcome} or the RuntimeException its transaction ended with
     */
    private List<Object> indexBatch(List<IndexRequest> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        if (requests.size() > 1) {
            try {
                return new ArrayList<>(withRetry(() -> indexer.indexAll(requests)));
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "batch index transaction failed; indexing its instances one by one", e);
            }
        }
        List<Object> outcomes = new ArrayList<>(requests.size());
        for (IndexRequest request : requests) {
            try {
                outcomes.add(withRetry(() -> indexer.indexAll(List.of(request))).get(0));
            } catch (RuntimeException e) {
                outcomes.add(e);
            }
        }
        return outcomes;
    }

    private static <T> T withRetry(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (EJBException e) {
                if (attempt >= MAX_ATTEMPTS || !isRetryable(e)) {
                    throw e;
                }
                // a parallel request created the same patient, study or instance first: run again, finding it;
                // or two transactions waited for each other's rows (deadlock, lock timeout): run again
            }
        }
    }

    /**
     * Constraint violations (class 23), serialization failures and deadlocks (40001, 40P01),
     * lock timeouts (PostgreSQL 55P03, H2 HYT00): what parallel ingests of one study can cause.
     */
    private static boolean isRetryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("23") || state.equals("40001") || state.equals("40P01") || state.equals("55P03")
                        || state.equals("HYT00")) {
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

    private static StoreResult outOfResources(ReceivedInstance r, IOException e) {
        return failed(r, FailureReason.OUT_OF_RESOURCES, "cannot write the local store: " + e.getMessage());
    }

    private static StoreResult failed(ReceivedInstance r, int reason, String message) {
        return new StoreResult(r.sopClassUid(), r.sopInstanceUid(), r.studyUid(), r.seriesUid(), reason, null, message);
    }
}
