package org.hozon.dicom;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The value of an SQ element: items, each a {@link Dataset} whose parent is the dataset holding
 * the sequence. Remembers whether it was encoded with undefined length, so that a read dataset
 * is written back byte for byte.
 */
public final class Sequence implements Iterable<Dataset> {
    private final Dataset parent;
    private final List<Dataset> items = new ArrayList<>();
    private boolean undefinedLength;

    Sequence(Dataset parent) {
        this.parent = parent;
    }

    /** The dataset that holds this sequence. */
    public Dataset parent() {
        return parent;
    }

    /** Appends and returns a new, empty item. */
    public Dataset addItem() {
        Dataset item = new Dataset(parent.bigEndian(), parent);
        items.add(item);
        return item;
    }

    public Dataset get(int index) {
        return items.get(index);
    }

    public int size() {
        return items.size();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    @Override
    public Iterator<Dataset> iterator() {
        return items.iterator();
    }

    public boolean undefinedLength() {
        return undefinedLength;
    }

    public void setUndefinedLength(boolean undefinedLength) {
        this.undefinedLength = undefinedLength;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sequence && ((Sequence) o).items.equals(items);
    }

    @Override
    public int hashCode() {
        return items.hashCode();
    }

    @Override
    public String toString() {
        return "Sequence[" + items.size() + " items]";
    }
}
