/**
 * Streaming DICOM Part 10 input and output.
 *
 * <ul>
 * <li>{@link org.hozon.dicom.io.DicomReader} reads Part 10 files and bare data sets in every
 *     uncompressed syntax, deflated and encapsulated ones, one element at a time; an
 *     {@link org.hozon.dicom.io.ElementHandler} decides per element to read, to keep a
 *     {@link org.hozon.dicom.BulkData} reference (skipping the bytes) or to stop (header-only
 *     parsing). Malformed input raises {@link org.hozon.dicom.io.DicomParseException}.</li>
 * <li>{@link org.hozon.dicom.io.DicomWriter} writes them back (byte for byte for what was read)
 *     or in another syntax, streaming bulk values from a
 *     {@link org.hozon.dicom.io.BulkDataSource}; {@link org.hozon.dicom.io.FileMetaInformation}
 *     builds group 0002 with Hozon's {@link org.hozon.dicom.io.Implementation} identity.</li>
 * <li>{@link org.hozon.dicom.io.Frames} finds the fragments of each frame of encapsulated
 *     Pixel Data.</li>
 * </ul>
 */
package org.hozon.dicom.io;
