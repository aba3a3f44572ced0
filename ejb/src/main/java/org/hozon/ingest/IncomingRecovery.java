package org.hozon.ingest;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.hozon.archive.store.LocalStore;

/**
 * At start-up, before any request is served, finishes or undoes the ingests a crash interrupted,
 * using the names left in {@code <store>/.incoming} (see {@link StorePaths}):
 * <ul>
 *   <li>{@code *.part}: a part still being received; never linked into the store: deleted.</li>
 *   <li>{@code <uid>~<path>.pending}: linked at {@code <path>}; if the index has that SOP
 *       Instance UID at that path, the transaction committed and only the pending name is
 *       dropped; otherwise the file at {@code <path>} is an orphan and is deleted too.</li>
 * </ul>
 * So a file in the store is either named by an index row or about to be deleted; the retrieve
 * side reads files only through the index, so an orphan is never served.
 */
@Singleton
@Startup
public class IncomingRecovery {
    private static final Logger LOG = Logger.getLogger(IncomingRecovery.class.getName());

    @Inject
    LocalStore store;

    @PersistenceContext(unitName = "hozon")
    EntityManager em;

    /** Cleans {@code .incoming}. */
    @PostConstruct
    void recover() {
        Outcome done = clean(store.root(), uid -> em.createQuery(
                "SELECT i.storagePath FROM Instance i WHERE i.sopIuid = :uid", String.class)
                .setParameter("uid", uid).getResultList());
        if (done.parts() + done.completed() + done.undone() > 0) {
            LOG.info("Incoming recovery: " + done.parts() + " partial receptions deleted, " + done.completed()
                    + " committed instances confirmed, " + done.undone() + " uncommitted files deleted");
        }
    }

    /** What {@link #clean} did. */
    record Outcome(int parts, int completed, int undone) {
    }

    /**
     * @param root         the local store
     * @param indexedPaths for a SOP Instance UID, the storage paths the index has for it
     */
    static Outcome clean(Path root, Function<String, List<String>> indexedPaths) {
        Path incoming = root.resolve(StorePaths.INCOMING);
        int parts = 0;
        int completed = 0;
        int undone = 0;
        if (!Files.isDirectory(incoming)) {
            return new Outcome(0, 0, 0);
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(incoming)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.endsWith(StorePaths.PART_SUFFIX)) {
                    DurableFiles.deleteQuietly(entry);
                    parts++;
                    continue;
                }
                String[] pending = StorePaths.parsePending(name);
                if (pending == null) {
                    LOG.warning("Unknown file in " + incoming + " left alone: " + name);
                    continue;
                }
                if (!indexedPaths.apply(pending[0]).contains(pending[1])) {
                    DurableFiles.deleteQuietly(root.resolve(pending[1]));
                    undone++;
                } else {
                    completed++;
                }
                DurableFiles.deleteQuietly(entry);
            }
        } catch (IOException e) {
            LOG.warning("Could not clean " + incoming + ": " + e);
        }
        return new Outcome(parts, completed, undone);
    }
}
