package org.hozon.dicom.io;

import java.io.IOException;

import org.hozon.dicom.Tags;

/**
 * The input is not a well-formed DICOM stream: the one exception the reader throws for hostile,
 * truncated or malformed data. Carries the byte offset in the stream where the problem was seen
 * and the tag of the element being read (or -1 if none).
 */
public class DicomParseException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long offset;
    private final int tag;

    public DicomParseException(String message, long offset, int tag) {
        this(message, offset, tag, null);
    }

    public DicomParseException(String message, long offset, int tag, Throwable cause) {
        super(message + " at offset 0x" + Long.toHexString(offset) + " (" + offset + ")"
                + (tag != -1 ? ", tag " + Tags.toString(tag) : ""), cause);
        this.offset = offset;
        this.tag = tag;
    }

    /** Byte offset in the (inflated, for deflated syntaxes) stream where the problem was found. */
    public long offset() {
        return offset;
    }

    /** Tag of the element being read, or -1 if the problem is not inside an element. */
    public int tag() {
        return tag;
    }
}
