package org.hozon.dicom.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import java.util.zip.Deflater;

import org.hozon.dicom.BulkData;
import org.hozon.dicom.ByteOrder;
import org.hozon.dicom.Dataset;
import org.hozon.dicom.Fragments;
import org.hozon.dicom.Sequence;
import org.hozon.dicom.Tags;
import org.hozon.dicom.TransferSyntax;
import org.hozon.dicom.VR;
import org.hozon.dicom.dict.ElementDictionary;

/**
 * Writes Part 10 files and bare data sets in Explicit VR Little Endian, Implicit VR Little
 * Endian, Explicit VR Big Endian, Deflated Explicit VR Little Endian and encapsulated syntaxes.
 *
 * <p>Sequences and items keep the length encoding recorded on them (defined lengths are
 * computed), so a data set read by {@link DicomReader} is written back byte for byte in its own
 * syntax. Binary values are byte-swapped when the target byte order differs from theirs.
 * {@link BulkData} values are streamed from the {@link BulkDataSource}, never loaded whole.
 *
 * <p>Encoding rules where the target syntax cannot hold the value as it is:
 * <ul>
 * <li>In Explicit VR, a value longer than 0xFFFF bytes whose VR has a 16-bit length field
 *     (a huge LO, or a value of unknown VR from Implicit VR) is written with VR UN, which has
 *     a 32-bit length (PS3.5 §6.2.2, CP-1066).</li>
 * <li>A sequence held with VR UN (read from an Explicit VR UN of undefined length) is written
 *     as UN with undefined length and Implicit VR Little Endian items (CP-246).</li>
 * <li>In Implicit VR, a sequence whose tag the dictionary does not know as SQ (private
 *     sequences) is written with undefined length, so a reader recognises it as a sequence.</li>
 * </ul>
 * The writer does not close the output stream; it flushes it when done.
 */
public final class DicomWriter {
    private static final byte[] DICM = {'D', 'I', 'C', 'M'};

    private final OutputStream out;
    private final byte[] buf = new byte[8192];
    private int count;
    private OutputStream target;
    private BulkDataSource bulkDataSource = BulkDataSource.none();
    private boolean omitGroupLengths;
    private byte[] preamble = new byte[128];
    private int deflateLevel = Deflater.DEFAULT_COMPRESSION;
    private boolean explicit;
    private boolean bigEndian;

    public DicomWriter(OutputStream out) {
        this.out = Objects.requireNonNull(out, "out");
        this.target = out;
    }

    /** Where {@link BulkData} values are read from. */
    public DicomWriter bulkDataSource(BulkDataSource source) {
        this.bulkDataSource = Objects.requireNonNull(source, "source");
        return this;
    }

    /**
     * Leave out Group Length elements (gggg,0000) of the data set (not of the File Meta
     * Information): they are retired, and wrong once a data set is transcoded.
     */
    public DicomWriter omitGroupLengths(boolean omit) {
        this.omitGroupLengths = omit;
        return this;
    }

    /** The 128-byte File Preamble; zeros by default. */
    public DicomWriter preamble(byte[] preamble) {
        if (preamble.length != 128) {
            throw new IllegalArgumentException("the preamble has 128 bytes");
        }
        this.preamble = preamble.clone();
        return this;
    }

    /** Compression level for Deflated Explicit VR Little Endian (0-9, -1 default). */
    public DicomWriter deflateLevel(int level) {
        this.deflateLevel = level;
        return this;
    }

    /**
     * Writes a Part 10 file: preamble, {@code DICM}, {@code fileMeta} as given (see
     * {@link FileMetaInformation} to make one), then {@code dataset} in the transfer syntax
     * named by (0002,0010).
     */
    public void writeFile(Dataset fileMeta, Dataset dataset) throws IOException {
        String uid = fileMeta.getString(0x00020010);
        if (uid == null || uid.isEmpty()) {
            throw new IllegalArgumentException("File Meta Information without Transfer Syntax UID");
        }
        write(preamble, 0, preamble.length);
        write(DICM, 0, 4);
        explicit = true;
        bigEndian = false;
        writeElements(fileMeta, false);
        writeDataset(dataset, TransferSyntax.of(uid));
    }

    /** Writes {@code dataset} alone (no preamble, no File Meta Information) in {@code syntax}. */
    public void writeDataset(Dataset dataset, TransferSyntax syntax) throws IOException {
        explicit = syntax.explicitVR();
        bigEndian = syntax.bigEndian();
        if (syntax.deflated()) {
            flushBuffer();
            DeflatingOutputStream deflating = new DeflatingOutputStream(out, deflateLevel);
            target = deflating;
            try {
                writeElements(dataset, omitGroupLengths);
                flushBuffer();
                deflating.finish();
            } finally {
                target = out;
                deflating.end();
            }
        } else {
            writeElements(dataset, omitGroupLengths);
            flushBuffer();
        }
        out.flush();
    }

    private void writeElements(Dataset ds, boolean omitGroupLengths) throws IOException {
        for (int i = 0, n = ds.size(); i < n; i++) {
            int tag = ds.tagAt(i);
            if (omitGroupLengths && Tags.isGroupLength(tag)) {
                continue;
            }
            Object v = ds.valueAt(i);
            VR vr = ds.vrAt(i);
            if (v instanceof byte[]) {
                byte[] b = (byte[]) v;
                VR written = writtenVR(vr, b.length);
                writeHeader(tag, written, b.length);
                if (vr.swapsBytes() && ds.bigEndian() != bigEndian) {
                    writeSwapped(b, 0, b.length, swapWidth(vr));
                } else {
                    write(b, 0, b.length);
                }
            } else if (v instanceof Sequence) {
                writeSequence(tag, vr, (Sequence) v);
            } else if (v instanceof Fragments) {
                writeFragments(tag, vr, (Fragments) v);
            } else {
                BulkData bulk = (BulkData) v;
                writeHeader(tag, writtenVR(vr, bulk.length()), checkedLength(bulk));
                copyBulk(bulk, vr.swapsBytes() && bulk.bigEndian() != bigEndian ? swapWidth(vr) : 1);
            }
        }
    }

    private static int swapWidth(VR vr) {
        return vr == VR.AT ? 2 : vr.bytesPerValue();
    }

    private VR writtenVR(VR vr, long length) {
        return explicit && !vr.longHeader() && length > 0xFFFF ? VR.UN : vr;
    }

    private static long checkedLength(BulkData bulk) {
        if (bulk.undefinedLength() || bulk.length() > 0xFFFFFFFEL) {
            throw new IllegalArgumentException("cannot write bulk data of length " + bulk.length());
        }
        return bulk.length();
    }

    private void writeSequence(int tag, VR vr, Sequence seq) throws IOException {
        boolean cp246 = vr == VR.UN;
        boolean undefined = seq.undefinedLength() || cp246
                || (!explicit && ElementDictionary.vrOf(tag) != VR.SQ);
        boolean outerExplicit = explicit;
        boolean outerBigEndian = bigEndian;
        writeHeader(tag, cp246 ? VR.UN : VR.SQ, undefined ? -1 : 0);
        if (!undefined) {
            patchLastLength(itemsLength(seq));
        }
        if (cp246 && explicit) {
            explicit = false;
            bigEndian = false;
        }
        for (Dataset item : seq) {
            writeItemHeader(Tags.ITEM, item.undefinedLength() ? -1 : contentLength(item));
            writeElements(item, omitGroupLengths);
            if (item.undefinedLength()) {
                writeItemHeader(Tags.ITEM_DELIMITATION, 0);
            }
        }
        if (undefined) {
            writeItemHeader(Tags.SEQUENCE_DELIMITATION, 0);
        }
        explicit = outerExplicit;
        bigEndian = outerBigEndian;
    }

    private void writeFragments(int tag, VR vr, Fragments fragments) throws IOException {
        writeHeader(tag, vr, -1);
        for (Object f : fragments) {
            if (f instanceof byte[]) {
                byte[] b = (byte[]) f;
                writeItemHeader(Tags.ITEM, b.length);
                write(b, 0, b.length);
            } else {
                BulkData bulk = (BulkData) f;
                writeItemHeader(Tags.ITEM, checkedLength(bulk));
                copyBulk(bulk, 1);
            }
        }
        writeItemHeader(Tags.SEQUENCE_DELIMITATION, 0);
    }

    // ---- lengths of defined-length items and sequences, as this writer encodes them

    private long contentLength(Dataset ds) {
        long length = 0;
        for (int i = 0, n = ds.size(); i < n; i++) {
            int tag = ds.tagAt(i);
            if (omitGroupLengths && Tags.isGroupLength(tag)) {
                continue;
            }
            length += elementLength(tag, ds.vrAt(i), ds.valueAt(i));
        }
        return length;
    }

    private long elementLength(int tag, VR vr, Object v) {
        if (v instanceof byte[]) {
            long len = ((byte[]) v).length;
            return headerLength(writtenVR(vr, len)) + len;
        }
        if (v instanceof BulkData) {
            long len = ((BulkData) v).length();
            return headerLength(writtenVR(vr, len)) + len;
        }
        if (v instanceof Fragments) {
            long len = headerLength(vr) + 8;
            for (Object f : (Fragments) v) {
                len += 8 + (f instanceof byte[] ? ((byte[]) f).length : ((BulkData) f).length());
            }
            return len;
        }
        Sequence seq = (Sequence) v;
        boolean cp246 = vr == VR.UN;
        boolean undefined = seq.undefinedLength() || cp246 || (!explicit && ElementDictionary.vrOf(tag) != VR.SQ);
        long len = headerLength(VR.SQ);
        boolean outerExplicit = explicit;
        if (cp246) {
            explicit = false;
        }
        len += itemsLength(seq) + (undefined ? 8 : 0);
        explicit = outerExplicit;
        return len;
    }

    private long itemsLength(Sequence seq) {
        long len = 0;
        for (Dataset item : seq) {
            len += 8 + contentLength(item) + (item.undefinedLength() ? 8 : 0);
        }
        return len;
    }

    private int headerLength(VR vr) {
        return explicit && vr.longHeader() ? 12 : 8;
    }

    // ---- encoding

    private void writeHeader(int tag, VR vr, long length) throws IOException {
        ensure(12);
        ByteOrder.putTag(buf, count, tag, bigEndian);
        if (!explicit) {
            ByteOrder.put32(buf, count + 4, (int) length, bigEndian);
            count += 8;
        } else if (vr.longHeader()) {
            buf[count + 4] = (byte) (vr.code() >>> 8);
            buf[count + 5] = (byte) vr.code();
            buf[count + 6] = 0;
            buf[count + 7] = 0;
            ByteOrder.put32(buf, count + 8, (int) length, bigEndian);
            count += 12;
        } else {
            buf[count + 4] = (byte) (vr.code() >>> 8);
            buf[count + 5] = (byte) vr.code();
            ByteOrder.put16(buf, count + 6, (int) length, bigEndian);
            count += 8;
        }
    }

    /** Replaces the 32-bit length just written by {@link #writeHeader} (still in the buffer). */
    private void patchLastLength(long length) {
        ByteOrder.put32(buf, count - 4, (int) length, bigEndian);
    }

    private void writeItemHeader(int tag, long length) throws IOException {
        ensure(8);
        ByteOrder.putTag(buf, count, tag, bigEndian);
        ByteOrder.put32(buf, count + 4, (int) length, bigEndian);
        count += 8;
    }

    private void ensure(int n) throws IOException {
        if (buf.length - count < n) {
            flushBuffer();
        }
    }

    private void write(byte[] b, int off, int len) throws IOException {
        if (len <= buf.length - count) {
            System.arraycopy(b, off, buf, count, len);
            count += len;
        } else {
            flushBuffer();
            if (len >= buf.length / 2) {
                target.write(b, off, len);
            } else {
                System.arraycopy(b, off, buf, 0, len);
                count = len;
            }
        }
    }

    private void writeSwapped(byte[] b, int off, int len, int width) throws IOException {
        int end = off + len - len % width;
        for (int p = off; p < end; p += width) {
            ensure(width);
            for (int k = width - 1; k >= 0; k--) {
                buf[count++] = b[p + k];
            }
        }
        write(b, end, off + len - end);
    }

    private void flushBuffer() throws IOException {
        if (count > 0) {
            target.write(buf, 0, count);
            count = 0;
        }
    }

    /** Copies a bulk value from its source in chunks, swapping units of {@code width} bytes. */
    private void copyBulk(BulkData bulk, int width) throws IOException {
        long remaining = bulk.length();
        byte[] chunk = new byte[(int) Math.min(remaining, 65536)];
        try (InputStream in = bulkDataSource.open(bulk)) {
            while (remaining > 0) {
                int want = (int) Math.min(remaining, chunk.length);
                int got = 0;
                while (got < want) {
                    int r = in.read(chunk, got, want - got);
                    if (r < 0) {
                        throw new IOException("bulk data source ended " + remaining + " bytes early: " + bulk);
                    }
                    got += r;
                }
                if (width > 1) {
                    writeSwapped(chunk, 0, got, width);
                } else {
                    write(chunk, 0, got);
                }
                remaining -= got;
            }
        }
    }
}
