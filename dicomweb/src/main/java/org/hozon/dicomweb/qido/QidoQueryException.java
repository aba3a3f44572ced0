package org.hozon.dicomweb.qido;

/**
 * A QIDO-RS query parameter that is known but has an invalid value (or an unusable query
 * string). The resource answers 400 Bad Request with {@link #getMessage()}.
 */
public final class QidoQueryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String parameter;

    /** @param parameter the offending parameter name (may be null if not tied to one) */
    public QidoQueryException(String parameter, String message) {
        super(parameter == null ? message : parameter + ": " + message);
        this.parameter = parameter;
    }

    public QidoQueryException(String parameter, String message, Throwable cause) {
        this(parameter, message);
        initCause(cause);
    }

    /** The name of the offending parameter, or null. */
    public String parameter() {
        return parameter;
    }
}
