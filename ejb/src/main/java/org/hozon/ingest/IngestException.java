package org.hozon.ingest;

/** An instance that cannot be stored, with the Failure Reason to report and a message for people. */
public class IngestException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int failureReason;
    private String sopClassUid;
    private String sopInstanceUid;

    /**
     * @param failureReason a {@link FailureReason} code
     * @param message       what went wrong, for the response and the log
     */
    public IngestException(int failureReason, String message) {
        super(message);
        this.failureReason = failureReason;
    }

    /**
     * @param failureReason a {@link FailureReason} code
     * @param message       what went wrong
     * @param cause         the cause
     */
    public IngestException(int failureReason, String message, Throwable cause) {
        super(message, cause);
        this.failureReason = failureReason;
    }

    /** Names the instance, when it was read far enough to know it. */
    IngestException of(String sopClass, String sopInstance) {
        this.sopClassUid = sopClass;
        this.sopInstanceUid = sopInstance;
        return this;
    }

    /** @return SOP Class UID of the refused instance, or null if unknown */
    public String sopClassUid() {
        return sopClassUid;
    }

    /** @return SOP Instance UID of the refused instance, or null if unknown */
    public String sopInstanceUid() {
        return sopInstanceUid;
    }

    /** @return the Failure Reason (0008,1197) */
    public int failureReason() {
        return failureReason;
    }
}
