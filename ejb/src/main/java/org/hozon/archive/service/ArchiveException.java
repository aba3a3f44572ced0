package org.hozon.archive.service;

/** An archive attempt failed for a reason worth recording on the task. */
public class ArchiveException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong */
    public ArchiveException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause   why
     */
    public ArchiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
