package org.hozon.dicom.json;

import java.util.Objects;

import org.hozon.dicom.Dataset;
import org.hozon.dicom.VR;

/**
 * A {@code BulkDataURI} met by the {@link DicomJsonReader}: the attribute was added to
 * {@link #dataset()} with an empty value as a placeholder, and {@link #resolve} puts the real
 * value in once it is known (e.g. when the STOW-RS bulk data part with that Content-Location has
 * been received).
 */
public final class BulkDataReference {
    private final Dataset dataset;
    private final TagPath path;
    private final VR vr;
    private final String uri;

    BulkDataReference(Dataset dataset, TagPath path, VR vr, String uri) {
        this.dataset = dataset;
        this.path = path;
        this.vr = vr;
        this.uri = uri;
    }

    /** The data set (top-level or item) that holds the attribute. */
    public Dataset dataset() {
        return dataset;
    }

    /** Where the attribute is, from the top-level data set. */
    public TagPath path() {
        return path;
    }

    public int tag() {
        return path.tag();
    }

    public VR vr() {
        return vr;
    }

    /** The URI as written in the JSON. */
    public String uri() {
        return uri;
    }

    /**
     * Sets the attribute's value ({@code byte[]} little endian, {@code Fragments} or
     * {@code BulkData}, as for {@link Dataset#set}).
     */
    public void resolve(Object value) {
        dataset.set(path.tag(), vr, Objects.requireNonNull(value, "value"));
    }

    @Override
    public String toString() {
        return path + " " + vr + " " + uri;
    }
}
