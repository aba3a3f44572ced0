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

    /** Item {@code index}, from 0. */
    public Dataset get(int index) {
        return items.get(index);
    }

    /** Number of items. */
    public int size() {
        return items.size();
    }

    /** True if the sequence has no item. */
    public boolean isEmpty() {
        return items.isEmpty();
    }

    @Override
    public Iterator<Dataset> iterator() {
        return items.iterator();
    }

    /** Whether the sequence was (or is to be) encoded with undefined length. */
    public boolean undefinedLength() {
        return undefinedLength;
    }

    /** Records how the sequence is to be encoded. */
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
