package org.hozon.dicom.charset;

import java.io.ByteArrayOutputStream;

/**
 * How one kind of Specific Character Set turns bytes into text and back. Every call starts in
 * the initial state (value 1 of (0008,0005)), as every value and every person-name component
 * does (PS3.5 §6.1.2.5.3).
 */
interface TextCodec {
    /** Decodes {@code len} bytes of one value or component. */
    String decode(byte[] b, int off, int len);

    /**
     * The index of the next delimiter byte in {@code b[from..end)}: a backslash, and when
     * {@code personName} also '^' and '=', counted only where it stands for itself (not as a
     * byte of a multi-byte character); {@code end} if there is none.
     */
    int nextDelimiter(byte[] b, int from, int end, boolean personName);

    /** Encodes one value, ending in the initial state. */
    void encode(String s, ByteArrayOutputStream out);
}
