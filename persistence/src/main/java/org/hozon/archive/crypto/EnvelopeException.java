package org.hozon.archive.crypto;

import java.io.IOException;

/**
 * An envelope, sidecar or wrapped key is malformed or fails authentication: tampered with,
 * truncated, reordered, spliced from another object, or opened with the wrong key or identity.
 * Nothing read from such an envelope may be trusted.
 */
public class EnvelopeException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong */
    public EnvelopeException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong
     * @param cause   the underlying failure
     */
    public EnvelopeException(String message, Throwable cause) {
        super(message, cause);
    }
}
