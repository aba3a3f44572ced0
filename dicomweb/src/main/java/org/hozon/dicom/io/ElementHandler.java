package org.hozon.dicom.io;

import org.hozon.dicom.Dataset;
import org.hozon.dicom.Tags;
import org.hozon.dicom.VR;

/**
 * Decides, element by element, what {@link DicomReader} does with a value before reading it:
 * read it into memory, leave it in the source as a {@link org.hozon.dicom.BulkData} reference
 * (skipping its bytes), or stop reading altogether. Called for every element of the data set
 * (at any depth) except sequences, items and File Meta Information elements; called once for
 * encapsulated Pixel Data, with length -1, deciding for all its fragments.
 */
@FunctionalInterface
public interface ElementHandler {

    /** What to do with one value. */
    enum Action {
        /** Read the value into memory. */
        READ,
        /** Skip the value, keeping a {@link org.hozon.dicom.BulkData} reference to it. */
        BULK,
        /** Stop reading before this value; see {@link DicomReader#stoppedAt()}. */
        STOP
    }

    /**
     * @param dataset     the data set (or item) the element belongs to; {@code dataset.parent()}
     *                    is null at the top level
     * @param tag         the element's tag
     * @param vr          its VR (from the header, or the dictionary in Implicit VR)
     * @param valueOffset stream offset of the first value byte
     * @param length      value length, or -1 for encapsulated Pixel Data (undefined length)
     */
    Action onElement(Dataset dataset, int tag, VR vr, long valueOffset, long length);

    /** Reads every value. */
    static ElementHandler readAll() {
        return (dataset, tag, vr, valueOffset, length) -> Action.READ;
    }

    /**
     * Header-only parsing: stops at top-level Pixel Data (Float, Double Float Pixel Data too) or
     * at any top-level element longer than {@code maxLength} bytes, without reading it. Nested
     * elements longer than {@code maxLength} are skipped as bulk data instead, so a large value
     * inside an item does not cut the header short.
     */
    static ElementHandler stopAtPixelData(long maxLength) {
        return (dataset, tag, vr, valueOffset, length) -> {
            boolean top = dataset.parent() == null;
            if (top && (Tags.isPixelData(tag) || length > maxLength)) {
                return Action.STOP;
            }
            return length > maxLength || (length < 0 && !top) ? Action.BULK : Action.READ;
        };
    }

    /**
     * Bulk data by reference: values of OB, OD, OF, OL, OV, OW and UN (and Pixel Data
     * fragments) longer than {@code threshold} bytes are skipped and kept as
     * {@link org.hozon.dicom.BulkData}; the rest is read.
     */
    static ElementHandler bulkAbove(long threshold) {
        return (dataset, tag, vr, valueOffset, length) ->
                length < 0 || (length > threshold && (vr.isBulkCandidate() || Tags.isPixelData(tag)))
                        ? Action.BULK : Action.READ;
    }
}
