package org.hozon.ingest;

/**
 * Failure Reason (0008,1197) values Hozon returns for an instance it did not store (PS3.18
 * Annex I, Table I.2-2; the codes and their use are listed in docs/configuration.md, "STOW-RS").
 */
public final class FailureReason {
    /** 0xA700 Refused, out of resources: the local store could not be written (disk full, I/O error). */
    public static final int OUT_OF_RESOURCES = 0xA700;
    /** 0xA900 the Study Instance UID differs from the one in the request path. */
    public static final int STUDY_UID_MISMATCH = 0xA900;
    /** 0xC000 cannot understand: not a DICOM Part 10 object, unreadable or incomplete header, bad UIDs. */
    public static final int CANNOT_UNDERSTAND = 0xC000;
    /** 0x0110 processing failure: the index transaction failed (database error). */
    public static final int PROCESSING_FAILURE = 0x0110;
    /** 0x0111 duplicate SOP Instance UID with different content: the stored original is kept. */
    public static final int DUPLICATE_DIFFERENT_CONTENT = 0x0111;
    /** 0x0122 SOP Class not supported: SOP Class UID missing or not a valid UID. */
    public static final int SOP_CLASS_NOT_SUPPORTED = 0x0122;

    private FailureReason() {
    }
}
