package org.hozon.dicomweb.multipart;

import java.io.IOException;

/**
 * A multipart body that does not follow RFC 2046 §5.1 closely enough to be read: no boundary,
 * no close delimiter (a truncated body), a header line without a colon, headers over the limits,
 * or a bad boundary parameter. The resource answers 400.
 */
public class MultipartException extends IOException {
    private static final long serialVersionUID = 1L;

    public MultipartException(String message) {
        super(message);
    }
}
