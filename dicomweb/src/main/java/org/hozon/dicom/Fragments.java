package org.hozon.dicom;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Encapsulated Pixel Data (PS3.5 §A.4): the Basic Offset Table item followed by the fragments.
 * Each entry is a {@code byte[]} read into memory or a {@link BulkData} reference to where the
 * fragment lies in the source. Entry 0 is always the Basic Offset Table (possibly empty).
 */
public final class Fragments implements Iterable<Object> {
    private final VR vr;
    private final List<Object> items = new ArrayList<>();

    public Fragments(VR vr) {
        this.vr = vr;
    }

    /** OB (or OW) as given in the element header. */
    public VR vr() {
        return vr;
    }

    /** Appends a fragment: a {@code byte[]} or a {@link BulkData}. */
    public void add(Object fragment) {
        if (!(fragment instanceof byte[]) && !(fragment instanceof BulkData)) {
            throw new IllegalArgumentException("fragment must be byte[] or BulkData: " + fragment);
        }
        items.add(fragment);
    }

    /** Entry {@code index}; 0 is the Basic Offset Table. */
    public Object get(int index) {
        return items.get(index);
    }

    /** Number of entries, the Basic Offset Table included. */
    public int size() {
        return items.size();
    }

    @Override
    public Iterator<Object> iterator() {
        return items.iterator();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Fragments) || ((Fragments) o).items.size() != items.size()) {
            return false;
        }
        for (int i = 0; i < items.size(); i++) {
            if (!Dataset.valueEquals(items.get(i), ((Fragments) o).items.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return items.size();
    }

    @Override
    public String toString() {
        return "Fragments[" + items.size() + " items]";
    }
}
