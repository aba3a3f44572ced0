package org.hozon.retrieve;

import java.nio.file.Path;

import org.hozon.dicom.TransferSyntax;

/**
 * One instance as WADO-RS finds it in the index: its UIDs, where its bytes are, their transfer
 * syntax, where Pixel Data lies, and (for metadata and frames) its encoded stored header.
 *
 * @param studyIuid         Study Instance UID
 * @param seriesIuid        Series Instance UID
 * @param sopIuid           SOP Instance UID
 * @param sopCuid           SOP Class UID
 * @param transferSyntaxUid transfer syntax of the stored bytes
 * @param file              absolute path of the stored file
 * @param size              size of the file
 * @param pixelDataOffset   offset of Pixel Data's value (first item if encapsulated), or null
 * @param pixelDataLength   length of Pixel Data's value (if encapsulated: of all its items), or null
 * @param header            {@code org.hozon.persistence.index.StoredHeader} bytes, or null if not fetched
 */
public record StoredInstance(String studyIuid, String seriesIuid, String sopIuid, String sopCuid,
        String transferSyntaxUid, Path file, long size, Long pixelDataOffset, Long pixelDataLength, byte[] header) {

    /** True if the stored Pixel Data is encapsulated (compressed). */
    public boolean encapsulated() {
        return TransferSyntax.isKnown(transferSyntaxUid) ? TransferSyntax.of(transferSyntaxUid).encapsulated()
                : pixelDataLength != null && pixelDataLength < 0;
    }

    /** True if the instance has Pixel Data. */
    public boolean hasPixelData() {
        return pixelDataOffset != null;
    }
}
