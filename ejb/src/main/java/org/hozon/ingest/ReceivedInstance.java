package org.hozon.ingest;

import java.nio.file.Path;

import org.hozon.dicom.Dataset;

/**
 * An instance received into a temporary file, parsed and validated, not yet stored.
 *
 * @param file              the temporary file (fsynced)
 * @param size              its size in bytes
 * @param sha256            SHA-256 of its bytes, lower-case hex
 * @param dataset           its data set; bulk values (Pixel Data and large binary values) are
 *                          {@link org.hozon.dicom.BulkData} references into the file
 * @param transferSyntaxUid the transfer syntax of the data set
 * @param sopClassUid       SOP Class UID (valid)
 * @param sopInstanceUid    SOP Instance UID (valid)
 * @param studyUid          Study Instance UID (valid)
 * @param seriesUid         Series Instance UID (valid)
 * @param pixelDataOffset   file offset of Pixel Data's value (of its first item if encapsulated), or null
 * @param pixelDataLength   length of Pixel Data's value (up to and including the sequence
 *                          delimiter if encapsulated), or null
 */
public record ReceivedInstance(Path file, long size, String sha256, Dataset dataset, String transferSyntaxUid,
        String sopClassUid, String sopInstanceUid, String studyUid, String seriesUid,
        Long pixelDataOffset, Long pixelDataLength) {

    /** @return this instance without its temporary file name (which is gone once it is linked) */
    public ReceivedInstance withoutFile() {
        return new ReceivedInstance(null, size, sha256, dataset, transferSyntaxUid, sopClassUid, sopInstanceUid,
                studyUid, seriesUid, pixelDataOffset, pixelDataLength);
    }
}
