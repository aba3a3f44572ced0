package org.hozon.archive.restore;

import java.io.IOException;

/**
 * The restore is being stopped: the object at hand is abandoned, leaving nothing behind, and stays
 * to be done. Not an {@link java.io.InterruptedIOException}, which a socket timeout also is.
 */
final class RestoreStopped extends IOException {
    private static final long serialVersionUID = 1L;

    RestoreStopped() {
        super("restore stopped");
    }
}
