package org.hozon.dicom.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.zip.ZipException;

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
 * Streaming reader of DICOM Part 10 files and of bare data sets (PS3.10 §7, PS3.5 §7).
 *
 * <p>Reads the preamble and {@code DICM} prefix, the File Meta Information (always Explicit VR
 * Little Endian) and the data set in the transfer syntax it names: Implicit or Explicit VR
 * Little Endian, Explicit VR Big Endian, Deflated Explicit VR Little Endian (with bounded
 * inflation) and encapsulated syntaxes. A stream without a Part 10 header is read too: its
 * syntax is guessed from the first element (or given with {@link #transferSyntax(TransferSyntax)}).
 *
 * <p>An {@link ElementHandler} decides per element whether to read the value, leave it in the
 * source as {@link BulkData}, or stop. Malformed input ends in a {@link DicomParseException}
 * carrying offset and tag; nesting is limited by {@link #maxDepth(int)}.
 *
 * <p>Usage: {@code Dataset ds = new DicomReader(in).readDataset();} then
 * {@link #fileMetaInformation()} and {@link #transferSyntax()}. One reader reads one stream once.
 */
public final class DicomReader {
    /** Default limit of sequence nesting. */
    public static final int DEFAULT_MAX_DEPTH = 64;
    /** Upper bound of {@link #maxDepth(int)}: keeps the bounded recursion far from the stack size. */
    public static final int MAX_DEPTH_LIMIT = 500;
    /** Default limit of the inflated size of a deflated data set. */
    public static final long DEFAULT_MAX_INFLATED = 1L << 30;
    /**
     * Default limit of the inflation ratio of a deflated data set: none, since deflate itself
     * cannot exceed about 1032:1 and zero-filled images come close; the size limit is the guard.
     */
    public static final long DEFAULT_MAX_RATIO = Long.MAX_VALUE;

    private static final int PIXEL_DATA = 0x7FE00010;
    private static final long UNDEFINED = 0xFFFFFFFFL;

    private final DicomInput in;
    private final long sourceLength;
    private ElementHandler handler = ElementHandler.readAll();
    private int maxDepth = DEFAULT_MAX_DEPTH;
    private boolean allowOddLengths;
    private long maxInflated = DEFAULT_MAX_INFLATED;
    private long maxRatio = DEFAULT_MAX_RATIO;

    private TransferSyntax ts;
    private Dataset fileMeta;
    private byte[] preamble;
    private boolean headerDone;
    private boolean explicit;
    private boolean bigEndian;
    private boolean inFileMeta;
    private BoundedInflaterInputStream inflater;
    private StoppedElement stopped;
    private long datasetOffset;
    /** The element being read, for error reports. */
    private int currentTag = -1;

    /** A reader over a stream of unknown length. */
    public DicomReader(InputStream in) {
        this(in, -1);
    }

    /**
     * A reader over a stream of {@code sourceLength} bytes (-1 if unknown): declared lengths
     * beyond the end are rejected before any byte of the value is read or skipped.
     */
    public DicomReader(InputStream in, long sourceLength) {
        this(in, sourceLength, 8192);
    }

    /** As {@link #DicomReader(InputStream, long)} with the size of the internal buffer. */
    public DicomReader(InputStream in, long sourceLength, int bufferSize) {
        this.in = new DicomInput(Objects.requireNonNull(in, "in"), bufferSize);
        this.sourceLength = sourceLength;
    }

    /** The per-element decision; {@link ElementHandler#readAll()} by default. */
    public DicomReader handler(ElementHandler handler) {
        this.handler = Objects.requireNonNull(handler, "handler");
        return this;
    }

    /** Maximum nesting of sequences (1 to {@value #MAX_DEPTH_LIMIT}); deeper data is rejected. */
    public DicomReader maxDepth(int maxDepth) {
        if (maxDepth < 1 || maxDepth > MAX_DEPTH_LIMIT) {
            throw new IllegalArgumentException("maxDepth " + maxDepth);
        }
        this.maxDepth = maxDepth;
        return this;
    }

    /**
     * Accept odd value lengths (non-conformant, written by some old devices) instead of
     * rejecting them; the values are kept as read.
     */
    public DicomReader allowOddLengths(boolean allow) {
        this.allowOddLengths = allow;
        return this;
    }

    /**
     * Limits for Deflated syntaxes: inflated bytes in all ({@value #DEFAULT_MAX_INFLATED} by
     * default), and inflated/compressed ratio (checked beyond 1 MiB; none by default).
     */
    public DicomReader inflationLimits(long maxInflatedBytes, long maxInflationRatio) {
        this.maxInflated = maxInflatedBytes;
        this.maxRatio = maxInflationRatio;
        return this;
    }

    /**
     * Reads a bare data set (no Part 10 header) in the given syntax instead of detecting it.
     * Must be called before reading.
     */
    public DicomReader transferSyntax(TransferSyntax syntax) {
        this.ts = Objects.requireNonNull(syntax, "syntax");
        return this;
    }

    /** The transfer syntax of the data set (known after {@link #readFileMetaInformation()}). */
    public TransferSyntax transferSyntax() {
        return ts;
    }

    /** The File Meta Information as read, or null if the stream had none. */
    public Dataset fileMetaInformation() {
        return fileMeta;
    }

    /** The 128-byte File Preamble as read, or null if the stream had none. */
    public byte[] preamble() {
        return preamble == null ? null : preamble.clone();
    }

    /** Stream offset of the first byte of the data set (inflated offsets follow it when deflated). */
    public long datasetOffset() {
        return datasetOffset;
    }

    /** Bytes consumed so far (for deflated syntaxes: counted in inflated bytes after the header). */
    public long position() {
        return in.position();
    }

    /** The element the handler stopped at, or null if the whole data set was read. */
    public StoppedElement stoppedAt() {
        return stopped;
    }

    /**
     * Reads the preamble and File Meta Information, if present, and settles the transfer
     * syntax. Returns the File Meta Information or null. Called by {@link #readDataset()}.
     */
    public Dataset readFileMetaInformation() throws IOException {
        if (headerDone) {
            return fileMeta;
        }
        headerDone = true;
        try {
            readHeader();
        } catch (EOFException e) {
            throw parseError(e, "unexpected end of data in the Part 10 header");
        }
        return fileMeta;
    }

    /**
     * Reads the data set until the end of the stream, or until the handler says stop.
     *
     * <p>Truncation: a stream that ends exactly after a top-level element of the data set reads
     * as a shorter data set (nothing tells the two apart; pass the source length, or compare
     * with an expected size, to know). A stream ending anywhere else - inside the preamble,
     * before the end announced by the File Meta Information group length, inside an element,
     * a sequence, an item or encapsulated Pixel Data - throws {@link DicomParseException}.
     * An empty stream is rejected unless a transfer syntax was given.
     *
     * <p>With a known source length, a value running past the end is rejected before it is read
     * or skipped; without one, values are read in bounded chunks and skips are confirmed by the
     * stream (a {@code FileInputStream} skips past its end silently: give its length).
     */
    public Dataset readDataset() throws IOException {
        readFileMetaInformation();
        Dataset dataset = new Dataset(bigEndian, null);
        try {
            readElements(dataset, -1, false, 0);
        } catch (EOFException e) {
            throw parseError(e, "unexpected end of data");
        } catch (ZipException e) {
            throw new DicomParseException(e.getMessage(), in.position(), currentTag, e);
        } finally {
            if (inflater != null) {
                inflater.end();
            }
        }
        return dataset;
    }

    private DicomParseException parseError(EOFException e, String message) {
        String detail = e.getMessage() != null ? message + ": " + e.getMessage() : message;
        return new DicomParseException(detail, in.position(), currentTag, e);
    }

    private void readHeader() throws IOException {
        if (ts != null) {
            startDataset();
            return;
        }
        int n = in.peek(132);
        byte[] b = in.buffer();
        int p = in.bufferPos();
        if (n >= 132 && b[p + 128] == 'D' && b[p + 129] == 'I' && b[p + 130] == 'C' && b[p + 131] == 'M') {
            preamble = java.util.Arrays.copyOfRange(b, p, p + 128);
            in.advance(132);
            readFileMeta();
        } else if (n >= 4 && b[p] == 'D' && b[p + 1] == 'I' && b[p + 2] == 'C' && b[p + 3] == 'M') {
            in.advance(4);
            readFileMeta();
        } else if (n >= 8 && b[p] == 2 && b[p + 1] == 0 && VR.ofCode(((b[p + 4] & 0xFF) << 8) | (b[p + 5] & 0xFF)) != null) {
            readFileMeta();
        }
        if (ts == null) {
            if (fileMeta != null) {
                throw new DicomParseException("File Meta Information without Transfer Syntax UID",
                        in.position(), 0x00020010);
            }
            ts = guessSyntax();
        }
        startDataset();
    }

    private void readFileMeta() throws IOException {
        fileMeta = new Dataset();
        explicit = true;
        bigEndian = false;
        inFileMeta = true;
        long start = in.position();
        while (!stopAtGroupEnd()) {
            readElement(fileMeta, -1, 0);
        }
        inFileMeta = false;
        // The group length is not trusted to find the end (some writers get it wrong), but a
        // stream ending before it is a truncated one.
        byte[] groupLength = fileMeta.bytes(0x00020000);
        if (groupLength != null && groupLength.length == 4
                && in.position() < start + 12 + (ByteOrder.i32(groupLength, 0, false) & 0xFFFFFFFFL) && in.atEnd()) {
            throw new DicomParseException("File Meta Information shorter than its group length",
                    in.position(), 0x00020000);
        }
        byte[] uid = fileMeta.bytes(0x00020010);
        if (uid != null) {
            String s = trimUid(uid);
            if (!s.isEmpty()) {
                ts = TransferSyntax.of(s);
            }
        }
    }

    /** True when the next element is not in group 0002 (or the stream ends). */
    private boolean stopAtGroupEnd() throws IOException {
        int n = in.peek(2);
        if (n < 2) {
            return true;
        }
        byte[] b = in.buffer();
        int p = in.bufferPos();
        return b[p] != 2 || b[p + 1] != 0;
    }

    private static String trimUid(byte[] uid) {
        int end = uid.length;
        while (end > 0 && (uid[end - 1] == 0 || uid[end - 1] == ' ')) {
            end--;
        }
        char[] c = new char[end];
        for (int i = 0; i < end; i++) {
            c[i] = (char) (uid[i] & 0xFF);
        }
        return new String(c).trim();
    }

    /**
     * Guesses the syntax of a data set from its first element: Explicit VR if bytes 4-5 are a
     * VR code, big endian if the group reads smaller that way (groups start low).
     */
    private TransferSyntax guessSyntax() throws IOException {
        int n = in.peek(8);
        if (n < 8) {
            throw new DicomParseException(n == 0 ? "empty stream" : "stream too short for a data set", 0, -1);
        }
        byte[] b = in.buffer();
        int p = in.bufferPos();
        if (ByteOrder.i32(b, p, false) == 0) {
            // Zeros: a preamble without DICM, or no DICOM at all; (0000,0000) is no data set element.
            throw new DicomParseException("no DICOM data set found (starts with zeros)", 0, 0);
        }
        boolean vrCode = VR.ofCode(((b[p + 4] & 0xFF) << 8) | (b[p + 5] & 0xFF)) != null;
        if (!vrCode) {
            return TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
        }
        int groupLE = ByteOrder.u16(b, p, false);
        int groupBE = ByteOrder.u16(b, p, true);
        return groupBE < groupLE ? TransferSyntax.EXPLICIT_VR_BIG_ENDIAN : TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
    }

    private void startDataset() {
        explicit = ts.explicitVR();
        bigEndian = ts.bigEndian();
        datasetOffset = in.position();
        if (ts.deflated()) {
            inflater = new BoundedInflaterInputStream(in.remaining(), maxInflated, maxRatio);
            in.switchTo(inflater);
        }
    }

    /**
     * Reads elements into {@code ds} until {@code end} (an absolute offset), or, if {@code end}
     * is -1, until an Item Delimitation Item ({@code undefinedItem}) or the end of the stream.
     */
    private void readElements(Dataset ds, long end, boolean undefinedItem, int depth) throws IOException {
        while (stopped == null) {
            if (end >= 0) {
                long pos = in.position();
                if (pos == end) {
                    return;
                }
                if (pos > end) {
                    throw new DicomParseException("element runs past the end of its item", pos, currentTag);
                }
            } else if (!undefinedItem && in.atEnd()) {
                return;
            }
            if (readElement(ds, end, depth)) {
                if (undefinedItem) {
                    return;
                }
                throw new DicomParseException("Item Delimitation Item outside an item of undefined length",
                        in.position() - 8, Tags.ITEM_DELIMITATION);
            }
        }
    }

    /** Reads one element; returns true if it was an Item Delimitation Item. */
    private boolean readElement(Dataset ds, long end, int depth) throws IOException {
        long headerOffset = in.position();
        in.require(8);
        byte[] b = in.buffer();
        int p = in.bufferPos();
        int tag = ByteOrder.tag(b, p, bigEndian);
        currentTag = tag;
        if (Tags.group(tag) == 0xFFFE) {
            long len = ByteOrder.i32(b, p + 4, bigEndian) & 0xFFFFFFFFL;
            in.advance(8);
            if (tag == Tags.ITEM_DELIMITATION) {
                checkZeroLength(len, headerOffset, tag);
                return true;
            }
            throw new DicomParseException(tag == Tags.ITEM ? "item outside a sequence"
                    : tag == Tags.SEQUENCE_DELIMITATION ? "Sequence Delimitation Item outside a sequence"
                    : "unexpected element in group FFFE", headerOffset, tag);
        }
        VR vr;
        long len;
        if (explicit) {
            vr = VR.ofCode(((b[p + 4] & 0xFF) << 8) | (b[p + 5] & 0xFF));
            if (vr == null) {
                throw new DicomParseException("invalid VR code 0x" + Integer.toHexString(
                        ((b[p + 4] & 0xFF) << 8) | (b[p + 5] & 0xFF)), headerOffset, tag);
            }
            if (vr.longHeader()) {
                in.require(12);
                b = in.buffer();
                p = in.bufferPos();
                len = ByteOrder.i32(b, p + 8, bigEndian) & 0xFFFFFFFFL;
                in.advance(12);
            } else {
                len = ByteOrder.u16(b, p + 6, bigEndian);
                in.advance(8);
            }
        } else {
            vr = implicitVR(tag);
            len = ByteOrder.i32(b, p + 4, false) & 0xFFFFFFFFL;
            in.advance(8);
        }
        long valueOffset = headerOffset + (explicit && vr.longHeader() ? 12 : 8);
        if (len == UNDEFINED) {
            if (tag == PIXEL_DATA && !inFileMeta) {
                readFragments(ds, tag, vr, end, valueOffset, depth);
            } else if (vr == VR.SQ || vr == VR.UN || !explicit) {
                readSequence(ds, tag, vr == VR.UN && explicit ? VR.UN : VR.SQ, -1, end, depth);
            } else {
                throw new DicomParseException("undefined length for VR " + vr, headerOffset, tag);
            }
            return false;
        }
        checkLength(len, valueOffset, end, tag);
        if (vr == VR.SQ) {
            readSequence(ds, tag, VR.SQ, len, end, depth);
            return false;
        }
        ElementHandler.Action action = inFileMeta ? ElementHandler.Action.READ
                : handler.onElement(ds, tag, vr, valueOffset, len);
        switch (action) {
            case BULK:
                in.skip(len);
                ds.set(tag, vr, new BulkData(valueOffset, len, bigEndian));
                break;
            case STOP:
                stopped = new StoppedElement(tag, vr, headerOffset, valueOffset, len, ds.parent() == null);
                break;
            default:
                ds.set(tag, vr, in.readBytes(len));
        }
        return false;
    }

    private static VR implicitVR(int tag) {
        if (Tags.isPrivate(tag)) {
            return Tags.isPrivateCreator(tag) ? VR.LO : VR.UN;
        }
        if (Tags.isGroupLength(tag)) {
            return VR.UL;
        }
        if (tag == PIXEL_DATA) {
            return VR.OW;
        }
        VR vr = ElementDictionary.vrOf(tag);
        return vr != null ? vr : VR.UN;
    }

    private void checkLength(long len, long valueOffset, long end, int tag) throws DicomParseException {
        if ((len & 1) != 0 && !allowOddLengths) {
            throw new DicomParseException("odd value length " + len, valueOffset, tag);
        }
        if (end >= 0 && valueOffset + len > end) {
            throw new DicomParseException("value length " + len + " runs past the end of its item",
                    valueOffset, tag);
        }
        if (sourceLength >= 0 && inflater == null && valueOffset + len > sourceLength) {
            throw new DicomParseException("value length " + len + " runs past the end of the stream",
                    valueOffset, tag);
        }
    }

    private static void checkZeroLength(long len, long offset, int tag) throws DicomParseException {
        if (len != 0) {
            throw new DicomParseException("delimiter with non-zero length " + len, offset, tag);
        }
    }

    /**
     * Reads the items of a sequence. A sequence of VR UN (Explicit VR, undefined length) holds
     * Implicit VR Little Endian items (PS3.5 §6.2.2, CP-246).
     */
    private void readSequence(Dataset ds, int tag, VR vr, long len, long end, int depth) throws IOException {
        if (depth >= maxDepth) {
            throw new DicomParseException("sequences nested deeper than " + maxDepth, in.position(), tag);
        }
        Sequence seq = ds.newSequence(tag);
        if (vr != VR.SQ) {
            ds.set(tag, vr, seq);
        }
        seq.setUndefinedLength(len < 0);
        boolean outerExplicit = explicit;
        boolean outerBigEndian = bigEndian;
        if (vr == VR.UN) {
            explicit = false;
            bigEndian = false;
        }
        long seqEnd = len < 0 ? -1 : in.position() + len;
        while (stopped == null) {
            long itemOffset = in.position();
            if (seqEnd >= 0) {
                if (itemOffset == seqEnd) {
                    break;
                }
            }
            in.require(8);
            byte[] b = in.buffer();
            int p = in.bufferPos();
            int itemTag = ByteOrder.tag(b, p, bigEndian);
            long itemLen = ByteOrder.i32(b, p + 4, bigEndian) & 0xFFFFFFFFL;
            in.advance(8);
            currentTag = itemTag;
            if (itemTag == Tags.ITEM) {
                Dataset item = seq.addItem();
                item.setBigEndian(bigEndian);
                if (itemLen == UNDEFINED) {
                    item.setUndefinedLength(true);
                    readElements(item, -1, true, depth + 1);
                } else {
                    long limit = seqEnd >= 0 ? seqEnd : end;
                    checkLength(itemLen, itemOffset + 8, limit, itemTag);
                    readElements(item, itemOffset + 8 + itemLen, false, depth + 1);
                }
            } else if (itemTag == Tags.SEQUENCE_DELIMITATION && seqEnd < 0) {
                checkZeroLength(itemLen, itemOffset, itemTag);
                break;
            } else {
                throw new DicomParseException("expected an item in sequence " + Tags.toString(tag) + ", found "
                        + Tags.toString(itemTag), itemOffset, itemTag);
            }
        }
        explicit = outerExplicit;
        bigEndian = outerBigEndian;
        currentTag = tag;
    }

    /** Reads encapsulated Pixel Data: Basic Offset Table item, fragment items, delimiter. */
    private void readFragments(Dataset ds, int tag, VR vr, long end, long valueOffset, int depth) throws IOException {
        ElementHandler.Action action = handler.onElement(ds, tag, vr, valueOffset, -1);
        if (action == ElementHandler.Action.STOP) {
            stopped = new StoppedElement(tag, vr, valueOffset - (explicit ? 12 : 8), valueOffset, -1,
                    ds.parent() == null);
            return;
        }
        Fragments fragments = new Fragments(vr);
        while (true) {
            long itemOffset = in.position();
            in.require(8);
            byte[] b = in.buffer();
            int p = in.bufferPos();
            int itemTag = ByteOrder.tag(b, p, bigEndian);
            long itemLen = ByteOrder.i32(b, p + 4, bigEndian) & 0xFFFFFFFFL;
            in.advance(8);
            if (itemTag == Tags.SEQUENCE_DELIMITATION) {
                checkZeroLength(itemLen, itemOffset, itemTag);
                if (fragments.size() == 0) {
                    throw new DicomParseException("encapsulated Pixel Data without Basic Offset Table item",
                            itemOffset, tag);
                }
                break;
            }
            if (itemTag != Tags.ITEM || itemLen == UNDEFINED) {
                throw new DicomParseException("expected a fragment item in encapsulated Pixel Data, found "
                        + Tags.toString(itemTag), itemOffset, tag);
            }
            checkLength(itemLen, itemOffset + 8, end, tag);
            if (action == ElementHandler.Action.BULK && fragments.size() > 0) {
                in.skip(itemLen);
                fragments.add(new BulkData(itemOffset + 8, itemLen, bigEndian));
            } else {
                fragments.add(in.readBytes(itemLen));
            }
        }
        ds.set(tag, vr, fragments);
    }
}
