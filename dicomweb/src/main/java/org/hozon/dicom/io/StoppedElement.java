package org.hozon.dicom.io;

import org.hozon.dicom.VR;

/**
 * The element at which {@link DicomReader} stopped on request of its {@link ElementHandler}:
 * its value was not read, and the stream is positioned at {@code valueOffset}.
 *
 * @param tag          the element's tag
 * @param vr           its VR
 * @param headerOffset stream offset of the element header
 * @param valueOffset  stream offset of the first value byte
 * @param length       value length, or -1 if undefined (encapsulated Pixel Data)
 * @param topLevel     false if the element is inside a sequence item
 */
public record StoppedElement(int tag, VR vr, long headerOffset, long valueOffset, long length, boolean topLevel) {
}
