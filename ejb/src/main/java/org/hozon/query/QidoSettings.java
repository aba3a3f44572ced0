package org.hozon.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * QIDO-RS limits, from MicroProfile Config ({@code hozon.qido.*}; see docs/configuration.md).
 */
@ApplicationScoped
public class QidoSettings {

    @Inject
    @ConfigProperty(name = "hozon.qido.max-results", defaultValue = "1000")
    int maxResults;

    @Inject
    @ConfigProperty(name = "hozon.qido.max-candidates", defaultValue = "10000")
    int maxCandidates;

    /** The most results one response carries, whatever {@code limit} asks. */
    public int maxResults() {
        return Math.max(1, maxResults);
    }

    /** The most rows examined when keys without an index column are matched on stored headers. */
    public int maxCandidates() {
        return Math.max(1, maxCandidates);
    }
}
