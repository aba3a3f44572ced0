package org.hozon.persistence.query;

/**
 * One Request Attributes Sequence item of a series, as the index keeps it.
 *
 * @param seriesPk the series
 * @param requestedProcedureId (0040,1001), or null
 * @param scheduledProcedureStepId (0040,0009), or null
 * @param accessionNumber (0008,0050), or null
 */
public record RequestItem(long seriesPk, String requestedProcedureId, String scheduledProcedureStepId,
        String accessionNumber) {
}
