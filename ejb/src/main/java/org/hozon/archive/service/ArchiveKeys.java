package org.hozon.archive.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hozon.archive.crypto.EnvelopeException;
import org.hozon.archive.crypto.KeyRing;
import org.hozon.archive.crypto.ObjectNames;

/**
 * The KEKs of this node, loaded from the configured keystore on first use and again whenever the
 * file changes (so a new key can be added and activated without a restart).
 */
@ApplicationScoped
public class ArchiveKeys {
    private static final Logger LOG = Logger.getLogger(ArchiveKeys.class.getName());

    @Inject
    ArchiveSettings settings;

    private KeyRing ring;
    private FileTime loadedVersion;

    /**
     * @return the key ring
     * @throws IllegalStateException if the keystore is not configured or cannot be read
     */
    public synchronized KeyRing ring() {
        Path path = settings.keystore();
        FileTime version;
        try {
            version = Files.getLastModifiedTime(path);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("keystore " + path + " cannot be read: " + e.getMessage(), e);
        }
        if (ring == null || !version.equals(loadedVersion)) {
            ring = KeyRing.load(path, settings.password(), settings.activeId());
            loadedVersion = version;
            LOG.info(() -> "Loaded KEKs " + ring.ids() + " from " + path + "; active: " + ring.activeId());
        }
        return ring;
    }

    /**
     * @return the object namer (its key derives from {@code hozon.keys.naming-id}, default the active KEK)
     * @throws EnvelopeException if that KEK is missing
     */
    public ObjectNames names() throws EnvelopeException {
        KeyRing r = ring();
        return new ObjectNames(r.get(settings.namingId().orElse(r.activeId())));
    }
}
