package org.hozon.archive.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The local store: the directory tree under {@code hozon.data.dir} that holds received
 * instances until they are archived and evicted.
 */
@ApplicationScoped
public class LocalStore {

    @Inject
    @ConfigProperty(name = "hozon.data.dir", defaultValue = "hozon-data")
    String dataDir;

    /** @return the root directory of the local store ({@code <hozon.data.dir>/store}) */
    public Path root() {
        return Path.of(dataDir).toAbsolutePath().resolve("store");
    }

    /**
     * Creates the root directory if needed and checks that it is writable.
     *
     * @return the root directory
     * @throws UncheckedIOException if it cannot be created or written
     */
    public Path ensureWritable() {
        Path root = root();
        try {
            Files.createDirectories(root);
            Path probe = Files.createTempFile(root, ".probe", ".tmp");
            Files.delete(probe);
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("Local store " + root + " is not writable", e);
        }
    }
}
