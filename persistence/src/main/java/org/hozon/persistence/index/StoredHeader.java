package org.hozon.persistence.index;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.hozon.dicom.BulkData;
import org.hozon.dicom.Dataset;
import org.hozon.dicom.Fragments;
import org.hozon.dicom.Sequence;
import org.hozon.dicom.TransferSyntax;
import org.hozon.dicom.VR;
import org.hozon.dicom.io.DicomReader;
import org.hozon.dicom.io.DicomWriter;

/**
 * The header of an instance as the index keeps it (column {@code instance.header}): every
 * element, bulk data excluded, so that QIDO's {@code includefield=all} and WADO metadata never
 * read the stored object.
 *
 * <p>Format: {@code "HZH1"}, the length and bytes of the data set in Explicit VR Little Endian
 * without the bulk values, then the bulk elements as (tag path, VR, offset, length) entries
 * pointing into the stored object. {@link #decode} puts them back as {@link BulkData} values, so
 * a decoded header says where Pixel Data and every other bulk value lie in the file.
 * Encapsulated Pixel Data is kept as one {@link BulkData} of undefined length at the offset of
 * its first item.
 */
public final class StoredHeader {
    private static final int MAGIC = 0x485A4831; // "HZH1"

    private StoredHeader() {
    }

    /** Encodes {@code dataset}; {@link BulkData} and {@link Fragments} values become entries. */
    public static byte[] encode(Dataset dataset) {
        List<BulkEntry> bulk = new ArrayList<>();
        Dataset copy = withoutBulk(dataset, new int[0], bulk);
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream(4096);
            new DicomWriter(body).writeDataset(copy, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(body.size() + 16 + bulk.size() * 32);
            DataOutputStream out = new DataOutputStream(buffer);
            out.writeInt(MAGIC);
            out.writeInt(body.size());
            body.writeTo(out);
            out.writeInt(bulk.size());
            for (BulkEntry e : bulk) {
                out.writeByte(e.path.length);
                for (int p : e.path) {
                    out.writeInt(p);
                }
                out.writeShort(e.vr.code());
                out.writeLong(e.value.offset());
                out.writeLong(e.value.length());
            }
            out.flush();
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode header", e); // in memory: does not happen
        }
    }

    /** Decodes what {@link #encode} made; bulk elements come back as {@link BulkData}. */
    public static Dataset decode(byte[] encoded) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded));
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not a stored header");
            }
            int length = in.readInt();
            Dataset dataset = new DicomReader(new ByteArrayInputStream(encoded, 8, length), length)
                    .transferSyntax(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                    .readDataset();
            in.skipNBytes(length);
            for (int n = in.readInt(); n > 0; n--) {
                int[] path = new int[in.readUnsignedByte()];
                for (int i = 0; i < path.length; i++) {
                    path[i] = in.readInt();
                }
                VR vr = VR.ofCode(in.readUnsignedShort());
                BulkData value = new BulkData(in.readLong(), in.readLong(), false);
                itemAt(dataset, path).set(path[path.length - 1], vr, value);
            }
            return dataset;
        } catch (IOException e) {
            throw new IllegalArgumentException("corrupt stored header: " + e.getMessage(), e);
        }
    }

    /**
     * A copy of {@code ds} without bulk values, which are added to {@code bulk} with their path:
     * (tag, item index)* then the element's tag.
     */
    private static Dataset withoutBulk(Dataset ds, int[] prefix, List<BulkEntry> bulk) {
        Dataset copy = new Dataset(ds.bigEndian(), null);
        copyInto(ds, copy, prefix, bulk);
        return copy;
    }

    private static void copyInto(Dataset from, Dataset to, int[] prefix, List<BulkEntry> bulk) {
        for (int i = 0, n = from.size(); i < n; i++) {
            int tag = from.tagAt(i);
            VR vr = from.vrAt(i);
            Object value = from.valueAt(i);
            if (value instanceof BulkData) {
                bulk.add(new BulkEntry(append(prefix, tag), vr, (BulkData) value));
            } else if (value instanceof Fragments) {
                bulk.add(new BulkEntry(append(prefix, tag), vr, firstOffset((Fragments) value)));
            } else if (value instanceof Sequence) {
                Sequence sequence = (Sequence) value;
                Sequence target = to.newSequence(tag);
                target.setUndefinedLength(sequence.undefinedLength());
                for (int k = 0; k < sequence.size(); k++) {
                    Dataset item = target.addItem();
                    item.setUndefinedLength(sequence.get(k).undefinedLength());
                    copyInto(sequence.get(k), item, append(append(prefix, tag), k), bulk);
                }
            } else {
                to.set(tag, vr, value);
            }
        }
    }

    private static BulkData firstOffset(Fragments fragments) {
        if (fragments.size() > 1 && fragments.get(0) instanceof byte[] bot && fragments.get(1) instanceof BulkData f) {
            // Basic Offset Table read into memory: point at its item, which precedes the first fragment's
            return new BulkData(f.offset() - 8 - bot.length - 8, -1, false);
        }
        for (Object f : fragments) {
            if (f instanceof BulkData) {
                return new BulkData(((BulkData) f).offset() - 8, -1, false);
            }
        }
        throw new IllegalArgumentException("encapsulated Pixel Data held in memory cannot be indexed by reference");
    }

    private static Dataset itemAt(Dataset root, int[] path) {
        Dataset ds = root;
        for (int i = 0; i + 1 < path.length; i += 2) {
            Sequence sequence = ds.sequence(path[i]);
            if (sequence == null || path[i + 1] >= sequence.size()) {
                throw new IllegalArgumentException("stored header: no item for a bulk entry");
            }
            ds = sequence.get(path[i + 1]);
        }
        return ds;
    }

    private static int[] append(int[] path, int value) {
        int[] longer = Arrays.copyOf(path, path.length + 1);
        longer[path.length] = value;
        return longer;
    }

    private record BulkEntry(int[] path, VR vr, BulkData value) {
    }
}
