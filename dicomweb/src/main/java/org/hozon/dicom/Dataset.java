package org.hozon.dicom;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.hozon.dicom.charset.SpecificCharacterSet;

/**
 * A DICOM data set: elements kept in ascending tag order, each with its VR and its value.
 *
 * <p>A value is one of: {@code byte[]} (the encoded value exactly as read or as it will be
 * written, in this data set's byte order, padding included), {@link Sequence}, {@link Fragments}
 * (encapsulated Pixel Data) or {@link BulkData} (a value left in its source). Keeping the encoded
 * bytes makes a read-then-write round trip exact and defers decoding to the attributes a caller
 * asks for.
 *
 * <p>Items of a sequence are data sets too; their {@link #parent()} is the data set holding the
 * sequence, and they inherit its Specific Character Set unless they carry their own.
 *
 * <p>Not thread-safe.
 */
public final class Dataset {
    private static final int[] NO_TAGS = {};
    private static final VR[] NO_VRS = {};
    private static final Object[] NO_VALUES = {};
    private static final byte[] EMPTY = {};

    private final Dataset parent;
    private boolean bigEndian;
    private boolean undefinedLength;
    private int[] tags = NO_TAGS;
    private VR[] vrs = NO_VRS;
    private Object[] values = NO_VALUES;
    private int size;
    private SpecificCharacterSet charset;

    /** An empty little-endian data set. */
    public Dataset() {
        this(false, null);
    }

    /** An empty data set with the given byte order, as an item of {@code parent} (may be null). */
    public Dataset(boolean bigEndian, Dataset parent) {
        this.bigEndian = bigEndian;
        this.parent = parent;
    }

    /** The data set holding the sequence this item belongs to, or null for a top-level data set. */
    public Dataset parent() {
        return parent;
    }

    /** Byte order of the binary values held as {@code byte[]}. */
    public boolean bigEndian() {
        return bigEndian;
    }

    /**
     * Whether this item was encoded with undefined length (closed by an Item Delimitation Item).
     * Meaningless for a top-level data set.
     */
    public boolean undefinedLength() {
        return undefinedLength;
    }

    /** Records how this item is to be encoded: with undefined length or not. */
    public void setUndefinedLength(boolean undefinedLength) {
        this.undefinedLength = undefinedLength;
    }

    /** Number of elements (items of sequences not counted). */
    public int size() {
        return size;
    }

    /** True if there is no element. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** Tag of the element at {@code index} (0 ≤ index &lt; size, in ascending tag order). */
    public int tagAt(int index) {
        Objects.checkIndex(index, size);
        return tags[index];
    }

    /** VR of the element at {@code index}. */
    public VR vrAt(int index) {
        Objects.checkIndex(index, size);
        return vrs[index];
    }

    /** Raw value of the element at {@code index} (see the class comment). */
    public Object valueAt(int index) {
        Objects.checkIndex(index, size);
        return values[index];
    }

    /** Index of {@code tag}, or {@code -(insertion point) - 1} if absent. */
    public int indexOf(int tag) {
        // Elements mostly arrive in order: check the last one before searching.
        if (size > 0 && Integer.compareUnsigned(tags[size - 1], tag) < 0) {
            return -size - 1;
        }
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int cmp = Integer.compareUnsigned(tags[mid], tag);
            if (cmp < 0) {
                low = mid + 1;
            } else if (cmp > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -low - 1;
    }

    /** True if {@code tag} is present, even with an empty value. */
    public boolean contains(int tag) {
        return indexOf(tag) >= 0;
    }

    /** VR of {@code tag}, or null if absent. */
    public VR vr(int tag) {
        int i = indexOf(tag);
        return i >= 0 ? vrs[i] : null;
    }

    /** Raw value of {@code tag} (see the class comment), or null if absent. */
    public Object value(int tag) {
        int i = indexOf(tag);
        return i >= 0 ? values[i] : null;
    }

    /** Encoded bytes of {@code tag}, or null if absent or not held as bytes. */
    public byte[] bytes(int tag) {
        Object v = value(tag);
        return v instanceof byte[] ? (byte[]) v : null;
    }

    /** The sequence at {@code tag}, or null if absent or not a sequence. */
    public Sequence sequence(int tag) {
        Object v = value(tag);
        return v instanceof Sequence ? (Sequence) v : null;
    }

    /**
     * Sets an element. {@code value} is a {@code byte[]} encoded in this data set's byte order,
     * a {@link Sequence} created by {@link #newSequence}, {@link Fragments} or {@link BulkData}.
     * A {@code null} value means an empty value.
     */
    public void set(int tag, VR vr, Object value) {
        Objects.requireNonNull(vr, "vr");
        if (value == null) {
            value = vr == VR.SQ ? new Sequence(this) : EMPTY;
        } else if (!(value instanceof byte[] || value instanceof Sequence || value instanceof Fragments
                || value instanceof BulkData)) {
            throw new IllegalArgumentException("unsupported value type " + value.getClass().getName());
        }
        if (tag == Tag.SpecificCharacterSet) {
            charset = null;
        }
        int i = indexOf(tag);
        if (i >= 0) {
            vrs[i] = vr;
            values[i] = value;
            return;
        }
        i = -i - 1;
        if (size == tags.length) {
            int capacity = Math.max(16, size * 2);
            tags = Arrays.copyOf(tags, capacity);
            vrs = Arrays.copyOf(vrs, capacity);
            values = Arrays.copyOf(values, capacity);
        }
        if (i < size) {
            System.arraycopy(tags, i, tags, i + 1, size - i);
            System.arraycopy(vrs, i, vrs, i + 1, size - i);
            System.arraycopy(values, i, values, i + 1, size - i);
        }
        tags[i] = tag;
        vrs[i] = vr;
        values[i] = value;
        size++;
    }

    /** Adds an empty sequence at {@code tag} (replacing any value) and returns it. */
    public Sequence newSequence(int tag) {
        Sequence sequence = new Sequence(this);
        set(tag, VR.SQ, sequence);
        return sequence;
    }

    /** Removes {@code tag}; returns true if it was present. */
    public boolean remove(int tag) {
        int i = indexOf(tag);
        if (i < 0) {
            return false;
        }
        if (tag == Tag.SpecificCharacterSet) {
            charset = null;
        }
        System.arraycopy(tags, i + 1, tags, i, size - i - 1);
        System.arraycopy(vrs, i + 1, vrs, i, size - i - 1);
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        size--;
        values[size] = null;
        return true;
    }

    /**
     * The character set text values of this data set are decoded with: its own Specific
     * Character Set (0008,0005), else its parent's, else the default repertoire.
     */
    public SpecificCharacterSet charset() {
        if (charset == null) {
            byte[] scs = bytes(Tag.SpecificCharacterSet);
            if (scs != null) {
                charset = SpecificCharacterSet.valueOf(
                        SpecificCharacterSet.ASCII.decodeValues(scs, 0, scs.length).toArray(new String[0]));
            } else {
                charset = parent != null ? parent.charset() : SpecificCharacterSet.ASCII;
            }
        }
        return charset;
    }

    /**
     * The values of a string element, decoded and with insignificant padding removed; an empty
     * array if the element is absent, empty, or not a string.
     */
    public String[] getStrings(int tag) {
        int i = indexOf(tag);
        if (i < 0 || !(values[i] instanceof byte[]) || ((byte[]) values[i]).length == 0) {
            return new String[0];
        }
        VR vr = vrs[i];
        byte[] b = (byte[]) values[i];
        SpecificCharacterSet cs = vr.characterSetSensitive() ? charset() : SpecificCharacterSet.ASCII;
        if (vr.kind() == VR.Kind.TEXT) {
            return new String[] {trimTrailing(cs.decode(b, 0, b.length))};
        }
        if (vr.kind() != VR.Kind.STRING) {
            return new String[0];
        }
        List<String> decoded = cs.decodeValues(b, 0, b.length);
        String[] out = new String[decoded.size()];
        for (int k = 0; k < out.length; k++) {
            String s = decoded.get(k);
            out[k] = vr == VR.PN ? trimTrailing(s) : s.strip().replace("\0", "");
        }
        return out;
    }

    /** The first value of a string element, or null if there is none. */
    public String getString(int tag) {
        String[] v = getStrings(tag);
        return v.length > 0 ? v[0] : null;
    }

    /** The first value of a string element, or {@code defaultValue}. */
    public String getString(int tag, String defaultValue) {
        String s = getString(tag);
        return s != null ? s : defaultValue;
    }

    /**
     * The first value of an integer element (US, SS, UL, SL, IS, or a DS with an integral value)
     * or {@code defaultValue} if absent, empty or not a number.
     */
    public int getInt(int tag, int defaultValue) {
        long v = getLong(tag, Long.MIN_VALUE);
        return v == Long.MIN_VALUE ? defaultValue : (int) v;
    }

    /** Like {@link #getInt} for 64-bit values (also UV, SV; UL is read unsigned). */
    public long getLong(int tag, long defaultValue) {
        int i = indexOf(tag);
        if (i < 0 || !(values[i] instanceof byte[])) {
            return defaultValue;
        }
        byte[] b = (byte[]) values[i];
        VR vr = vrs[i];
        switch (vr) {
            case US: return b.length >= 2 ? ByteOrder.u16(b, 0, bigEndian) : defaultValue;
            case SS: return b.length >= 2 ? (short) ByteOrder.u16(b, 0, bigEndian) : defaultValue;
            case UL: return b.length >= 4 ? ByteOrder.i32(b, 0, bigEndian) & 0xFFFFFFFFL : defaultValue;
            case SL: return b.length >= 4 ? ByteOrder.i32(b, 0, bigEndian) : defaultValue;
            case UV: case SV: return b.length >= 8 ? ByteOrder.i64(b, 0, bigEndian) : defaultValue;
            case IS: case DS:
                String s = getString(tag);
                try {
                    return s == null || s.isEmpty() ? defaultValue : new java.math.BigDecimal(s).longValueExact();
                } catch (ArithmeticException | NumberFormatException e) {
                    return defaultValue;
                }
            default: return defaultValue;
        }
    }

    /**
     * Sets a string element: values are encoded with this data set's character set (for the VRs
     * it applies to), joined with backslashes and padded to an even length.
     */
    public void setString(int tag, VR vr, String... values) {
        if (!vr.isString()) {
            throw new IllegalArgumentException(vr + " is not a string VR");
        }
        if (tag == Tag.SpecificCharacterSet) {
            set(tag, vr, pad(String.join("\\", values).getBytes(StandardCharsets.US_ASCII), vr));
            return;
        }
        SpecificCharacterSet cs = vr.characterSetSensitive() ? charset() : SpecificCharacterSet.ASCII;
        set(tag, vr, pad(cs.encodeValues(Arrays.asList(values)), vr));
    }

    /** Sets a binary integer element (US, SS, UL, SL, UV, SV, AT) or an IS string. */
    public void setInt(int tag, VR vr, int... ints) {
        if (vr == VR.IS) {
            String[] s = new String[ints.length];
            for (int k = 0; k < ints.length; k++) {
                s[k] = Integer.toString(ints[k]);
            }
            setString(tag, vr, s);
            return;
        }
        int n = vr.bytesPerValue();
        if (vr.kind() != VR.Kind.BINARY || (n != 2 && n != 4 && n != 8)) {
            throw new IllegalArgumentException(vr + " does not hold integers");
        }
        byte[] b = new byte[ints.length * n];
        for (int k = 0; k < ints.length; k++) {
            switch (n) {
                case 2: ByteOrder.put16(b, k * 2, ints[k], bigEndian); break;
                case 4:
                    if (vr == VR.AT) {
                        ByteOrder.put16(b, k * 4, ints[k] >>> 16, bigEndian);
                        ByteOrder.put16(b, k * 4 + 2, ints[k], bigEndian);
                    } else {
                        ByteOrder.put32(b, k * 4, ints[k], bigEndian);
                    }
                    break;
                default: ByteOrder.put64(b, k * 8, vr == VR.UV ? ints[k] & 0xFFFFFFFFL : ints[k], bigEndian);
            }
        }
        set(tag, vr, b);
    }

    private static byte[] pad(byte[] b, VR vr) {
        if ((b.length & 1) == 0) {
            return b;
        }
        byte[] padded = Arrays.copyOf(b, b.length + 1);
        padded[b.length] = (byte) vr.paddingByte();
        return padded;
    }

    private static String trimTrailing(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        return s.substring(0, end);
    }

    /**
     * Changes the byte order of this data set (and its items), swapping the bytes of binary
     * values held in memory. Values left in their source ({@link BulkData}) keep theirs.
     */
    public void setBigEndian(boolean bigEndian) {
        if (this.bigEndian == bigEndian) {
            return;
        }
        this.bigEndian = bigEndian;
        for (int i = 0; i < size; i++) {
            Object v = values[i];
            if (v instanceof byte[] && vrs[i].swapsBytes()) {
                ByteOrder.swap((byte[]) v, vrs[i] == VR.AT ? 2 : vrs[i].bytesPerValue());
            } else if (v instanceof Sequence) {
                for (Dataset item : (Sequence) v) {
                    item.setBigEndian(bigEndian);
                }
            }
        }
    }

    /** Equal elements with equal values; byte order and length encoding are ignored for items. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Dataset)) {
            return false;
        }
        Dataset other = (Dataset) o;
        if (other.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (tags[i] != other.tags[i] || vrs[i] != other.vrs[i] || !valueEquals(values[i], other.values[i])) {
                return false;
            }
        }
        return true;
    }

    static boolean valueEquals(Object a, Object b) {
        if (a instanceof byte[] && b instanceof byte[]) {
            return Arrays.equals((byte[]) a, (byte[]) b);
        }
        return Objects.equals(a, b);
    }

    @Override
    public int hashCode() {
        int h = size;
        for (int i = 0; i < size; i++) {
            h = 31 * h + tags[i];
        }
        return h;
    }

    /** A short listing, one element per line, for debugging. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < size; i++) {
            sb.append(Tags.toString(tags[i])).append(' ').append(vrs[i]).append(' ');
            Object v = values[i];
            if (v instanceof byte[]) {
                byte[] b = (byte[]) v;
                sb.append(vrs[i].isString() ? String.join("\\", getStrings(tags[i])) : "#" + b.length + " bytes");
            } else {
                sb.append(v);
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
