package org.hozon.dicom.json;

import org.hozon.dicom.Dataset;
import org.hozon.dicom.VR;

/**
 * Supplies the {@code BulkDataURI} of an attribute whose value the {@link DicomJsonWriter} does not
 * write inline: Pixel Data always, binary values above the writer's threshold, and values that are
 * not in memory ({@code BulkData}, {@code Fragments}).
 *
 * <p>A WADO-RS implementation typically answers {@code .../instances/{uid}/bulk/{path}} from the
 * SOP Instance UID of {@code dataset} and {@link TagPath#toString()}, or a {@code frames} URI for
 * Pixel Data (the number of frames is in {@code dataset}).
 */
@FunctionalInterface
public interface BulkDataUriBuilder {
    /**
     * @param dataset the top-level data set being written
     * @param path    where the attribute is (sequence tags and item numbers, then its tag)
     * @param vr      the attribute's VR
     * @param value   the value: {@code byte[]}, {@code Fragments} or {@code BulkData}
     * @return the URI to write; never null
     */
    String uri(Dataset dataset, TagPath path, VR vr, Object value);
}
