/**
 * The DICOM JSON Model of PS3.18 Annex F: {@link org.hozon.dicom.json.DicomJsonWriter} streams
 * data sets to JSON and {@link org.hozon.dicom.json.DicomJsonReader} streams JSON back into data
 * sets, both through Jakarta JSON-P without building a JSON tree of a whole document.
 *
 * <p>Bulk data: the writer asks a caller-supplied {@link org.hozon.dicom.json.BulkDataUriBuilder}
 * for the {@code BulkDataURI} of Pixel Data and of large binary values; the reader reports each
 * {@code BulkDataURI} it meets to a {@link org.hozon.dicom.json.BulkDataHandler} as a
 * {@link org.hozon.dicom.json.BulkDataReference} that can be resolved later (STOW-RS bulk parts).
 */
package org.hozon.dicom.json;
