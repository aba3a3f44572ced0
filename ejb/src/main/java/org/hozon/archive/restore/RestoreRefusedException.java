package org.hozon.archive.restore;

/** A restore cannot start now; the message says why, for people. */
public class RestoreRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message why */
    public RestoreRefusedException(String message) {
        super(message);
    }
}
