package org.hozon.dicom;

/**
 * A value that was not read into memory: where it lies in its source.
 *
 * @param offset     byte offset of the value (after the element header) in the source stream
 * @param length     value length in bytes, or -1 when the length is undefined (encapsulated
 *                   Pixel Data whose fragments were not scanned)
 * @param bigEndian  byte order of the value in the source
 */
public record BulkData(long offset, long length, boolean bigEndian) {
    /** Checks that offset and length make sense. */
    public BulkData {
        if (offset < 0 || length < -1) {
            throw new IllegalArgumentException("offset " + offset + ", length " + length);
        }
    }

    /** True if the length is not known (encapsulated Pixel Data not scanned). */
    public boolean undefinedLength() {
        return length < 0;
    }
}
