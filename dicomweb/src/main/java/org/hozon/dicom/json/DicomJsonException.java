package org.hozon.dicom.json;

/**
 * Raised when a data set cannot be written as DICOM JSON, or when a document is not valid JSON
 * or not a valid DICOM JSON Model document. The message names the JSON location (line, column,
 * stream offset) and the attribute where known.
 */
public class DicomJsonException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long offset;

    public DicomJsonException(String message) {
        this(message, -1, null);
    }

    public DicomJsonException(String message, long offset, Throwable cause) {
        super(message, cause);
        this.offset = offset;
    }

    /** Offset in the JSON stream (in characters) where the problem was found, or -1 if unknown. */
    public long offset() {
        return offset;
    }
}
