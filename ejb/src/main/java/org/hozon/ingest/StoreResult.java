package org.hozon.ingest;

/**
 * The outcome of storing one part, as the STOW-RS response reports it.
 *
 * @param sopClassUid    SOP Class UID, or null if the part could not be read that far
 * @param sopInstanceUid SOP Instance UID, or null if unknown
 * @param studyUid       Study Instance UID, or null if unknown
 * @param seriesUid      Series Instance UID, or null if unknown
 * @param failureReason  Failure Reason (0008,1197) if not stored, else null
 * @param warningReason  Warning Reason (0008,1196) if stored with a warning, else null
 * @param message        a message for people, or null
 */
public record StoreResult(String sopClassUid, String sopInstanceUid, String studyUid, String seriesUid,
        Integer failureReason,
        Integer warningReason, String message) {

    /** @return whether the instance is stored (now, or before with the same bytes) */
    public boolean stored() {
        return failureReason == null;
    }

    static StoreResult failed(IngestException e) {
        return new StoreResult(e.sopClassUid(), e.sopInstanceUid(), null, null, e.failureReason(), null, e.getMessage());
    }
}
