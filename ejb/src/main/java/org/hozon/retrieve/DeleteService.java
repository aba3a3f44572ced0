package org.hozon.retrieve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.hozon.archive.store.LocalStore;

/**
 * Deletes a study, series or instance: the index rows and an audit event in one transaction
 * ({@link IndexDeleter}), which also puts the instances' S3 copies in the deletion outbox; then,
 * after the commit, the files in the local store. A crash between the two leaves orphan files,
 * never rows without files. The S3 copies are removed asynchronously (S3 may be down), see
 * {@link org.hozon.archive.service.CopyRemovalService}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeleteService {
    private static final Logger LOG = Logger.getLogger(DeleteService.class.getName());

    @EJB
    IndexDeleter deleter;

    @Inject
    LocalStore store;

    /** @return the number of instances deleted; 0 if nothing matched */
    public int delete(String study, String series, String sop, String actor, String source) {
        IndexDeleter.Deleted deleted = deleter.delete(study, series, sop, actor, source);
        if (deleted == null) {
            return 0;
        }
        Path root = store.root();
        for (String p : deleted.storagePaths()) {
            try {
                Files.deleteIfExists(root.resolve(p));
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot delete " + p + " after its index rows were removed", e);
            }
        }
        return deleted.storagePaths().size();
    }
}
