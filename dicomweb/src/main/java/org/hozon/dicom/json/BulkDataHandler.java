package org.hozon.dicom.json;

/**
 * Told by the {@link DicomJsonReader} about every {@code BulkDataURI} it reads. The handler may
 * resolve the reference at once or keep it and resolve it later.
 */
@FunctionalInterface
public interface BulkDataHandler {
    void bulkData(BulkDataReference reference);
}
