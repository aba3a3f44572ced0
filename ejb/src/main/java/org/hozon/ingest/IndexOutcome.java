package org.hozon.ingest;

/**
 * What the index transaction did with an instance.
 *
 * @param status           what happened
 * @param identityConflict whether the instance contradicted what the index knows about its
 *                         patient (stored anyway; flagged for review)
 * @param detail           a message for people, or null
 */
public record IndexOutcome(Status status, boolean identityConflict, String detail) {

    /** What happened. */
    public enum Status {
        /** Indexed now; the new file is the instance's file. */
        STORED,
        /** Already indexed with the same SHA-256: nothing written, the new file is not needed. */
        DUPLICATE,
        /** Already indexed with other bytes: refused, the original kept, the new file not needed. */
        CONFLICT,
        /** Refused for a reason found in the index (e.g. its series belongs to another study). */
        REFUSED
    }
}
