package org.hozon.archive.restore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Settings of the restore (docs/configuration.md lists them). */
@ApplicationScoped
public class RestoreSettings {

    @Inject
    @ConfigProperty(name = "hozon.restore.workers", defaultValue = "4")
    int workers;

    @Inject
    @ConfigProperty(name = "hozon.restore.batch-size", defaultValue = "16")
    int batchSize;

    /** @return how many objects are restored in parallel (at least 1) */
    public int workers() {
        return Math.max(1, workers);
    }

    /** @return how many restored instances one index transaction takes (at least 1) */
    public int batchSize() {
        return Math.max(1, batchSize);
    }
}
