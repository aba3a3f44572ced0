package org.hozon.archive.restore;

import org.hozon.ingest.ArchivedCopy;
import org.hozon.ingest.ReceivedInstance;

/**
 * What became of one data object.
 *
 * @param item          the object
 * @param status        {@link #READY} (decrypted and verified, to be indexed), {@link #RESTORED},
 *                      {@link #SKIPPED} or {@link #FAILED}
 * @param sopIuid       the SOP Instance UID its receipt names, or null if it could not be opened
 * @param instance      for READY: the decrypted, verified and parsed instance in {@code .incoming}
 * @param copy          for READY: the archive copy it came from
 * @param restoredBytes the instance's length (READY, RESTORED), else 0
 * @param error         for FAILED: why, for people
 */
public record ObjectOutcome(RestoreItem item, String status, String sopIuid, ReceivedInstance instance, ArchivedCopy copy,
        long restoredBytes, String error) {

    /** Decrypted and verified, not indexed yet. */
    public static final String READY = "READY";
    /** Indexed. */
    public static final String RESTORED = "RESTORED";
    /** Already in the index with the same SHA-256: nothing done. */
    public static final String SKIPPED = "SKIPPED";
    /** Not restored; {@code error} says why. */
    public static final String FAILED = "FAILED";

    static ObjectOutcome ready(RestoreItem item, ReceivedInstance instance, ArchivedCopy copy) {
        return new ObjectOutcome(item, READY, instance.sopInstanceUid(), instance, copy, instance.size(), null);
    }

    static ObjectOutcome skipped(RestoreItem item, String sopIuid) {
        return new ObjectOutcome(item, SKIPPED, sopIuid, null, null, 0, null);
    }

    static ObjectOutcome failed(RestoreItem item, String sopIuid, String error) {
        return new ObjectOutcome(item, FAILED, sopIuid, null, null, 0, error);
    }

    /** @return this READY outcome, indexed */
    ObjectOutcome restored() {
        return new ObjectOutcome(item, RESTORED, sopIuid, null, null, restoredBytes, null);
    }
}
