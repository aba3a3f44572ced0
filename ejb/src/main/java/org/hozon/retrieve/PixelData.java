package org.hozon.retrieve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.hozon.dicom.BulkData;
import org.hozon.dicom.ByteOrder;
import org.hozon.dicom.Dataset;
import org.hozon.dicom.Fragments;
import org.hozon.dicom.Tag;
import org.hozon.dicom.TransferSyntax;
import org.hozon.dicom.VR;
import org.hozon.dicom.io.DicomParseException;
import org.hozon.dicom.io.Frames;

/**
 * Where the frames of an instance's Pixel Data lie in its stored file. Native Pixel Data: frame
 * n is {@code rows*columns*samples*bitsAllocated/8} bytes at offset {@code (n-1)} times that.
 * Encapsulated Pixel Data: the item headers are read from the file (only 8 bytes per fragment,
 * plus the Basic Offset Table) and {@link Frames} tells which fragments make each frame; a frame
 * is delivered as its fragments' values concatenated, without item headers.
 */
public final class PixelData {
    private static final int ITEM = 0xFFFEE000;
    private static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;
    private static final int EXTENDED_OFFSET_TABLE = 0x7FE00001;
    private static final int MAX_BOT = 1 << 24;

    /** A byte range of the stored file. */
    public record Segment(long offset, long length) {
    }

    /** One frame: the file ranges whose concatenation is its bytes. */
    public record Frame(List<Segment> segments) {
        /** Total number of bytes. */
        public long length() {
            long n = 0;
            for (Segment s : segments) {
                n += s.length();
            }
            return n;
        }
    }

    private PixelData() {
    }

    /** The number of bytes of one native frame per the Image Pixel attributes of {@code header}. */
    public static long nativeFrameLength(Dataset header) {
        long bits = (long) header.getInt(Tag.Rows, 0) * header.getInt(Tag.Columns, 0)
                * header.getInt(Tag.SamplesPerPixel, 1) * header.getInt(Tag.BitsAllocated, 8);
        return (bits + 7) / 8;
    }

    /**
     * The frames of {@code instance}, whose decoded stored header is {@code header}.
     *
     * @throws IOException if the file cannot be read or its encapsulation is broken
     */
    public static List<Frame> frames(StoredInstance instance, Dataset header) throws IOException {
        if (!instance.hasPixelData()) {
            return List.of();
        }
        int count = Math.max(1, header.getInt(Tag.NumberOfFrames, 1));
        List<Frame> out = new ArrayList<>(count);
        if (!instance.encapsulated()) {
            long size = nativeFrameLength(header);
            if (size <= 0 || size * count > instance.pixelDataLength()) {
                throw new IOException("Pixel Data of " + instance.pixelDataLength() + " bytes holds no " + count
                        + " frames of " + size + " bytes");
            }
            for (int i = 0; i < count; i++) {
                out.add(new Frame(List.of(new Segment(instance.pixelDataOffset() + i * size, size))));
            }
            return out;
        }
        Fragments fragments = readFragments(instance);
        byte[] eot = header.bytes(EXTENDED_OFFSET_TABLE);
        long[] offsets = null;
        if (eot != null && eot.length >= 8) {
            offsets = new long[eot.length / 8];
            for (int i = 0; i < offsets.length; i++) {
                offsets[i] = ByteOrder.i64(eot, i * 8, false);
            }
        }
        try {
            for (Frames.Frame f : Frames.of(fragments, count, offsets)) {
                List<Segment> segments = new ArrayList<>(f.fragmentCount());
                for (int k = 0; k < f.fragmentCount(); k++) {
                    BulkData b = (BulkData) fragments.get(f.firstFragment() + k);
                    segments.add(new Segment(b.offset(), b.length()));
                }
                out.add(new Frame(segments));
            }
        } catch (DicomParseException e) {
            throw new IOException(e.getMessage(), e);
        }
        return out;
    }

    /** The Basic Offset Table in memory, then one {@link BulkData} per fragment. */
    static Fragments readFragments(StoredInstance instance) throws IOException {
        Fragments fragments = new Fragments(VR.OB);
        try (FileChannel ch = FileChannel.open(instance.file(), StandardOpenOption.READ)) {
            long pos = instance.pixelDataOffset();
            long end = ch.size();
            ByteBuffer head = ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            while (pos + 8 <= end) {
                head.clear();
                readFully(ch, head, pos);
                int tag = (head.getShort(0) & 0xFFFF) << 16 | (head.getShort(2) & 0xFFFF);
                long length = head.getInt(4) & 0xFFFFFFFFL;
                if (tag == SEQUENCE_DELIMITATION) {
                    return fragments;
                }
                if (tag != ITEM || pos + 8 + length > end) {
                    throw new IOException("broken encapsulated Pixel Data at offset " + pos);
                }
                if (fragments.size() == 0) {
                    if (length > MAX_BOT) {
                        throw new IOException("Basic Offset Table of " + length + " bytes");
                    }
                    ByteBuffer bot = ByteBuffer.allocate((int) length);
                    readFully(ch, bot, pos + 8);
                    fragments.add(bot.array());
                } else {
                    fragments.add(new BulkData(pos + 8, length, false));
                }
                pos += 8 + length;
            }
        }
        throw new IOException("encapsulated Pixel Data without Sequence Delimitation Item");
    }

    /**
     * Copies {@code frame} to {@code out}; {@code swap16} swaps byte pairs (native big endian
     * data with 16-bit samples delivered little endian).
     */
    public static void copy(StoredInstance instance, Frame frame, boolean swap16, OutputStream out) throws IOException {
        copy(instance, frame.segments(), swap16, out);
    }

    /** Copies file ranges to {@code out}. */
    public static void copy(StoredInstance instance, List<Segment> segments, boolean swap16, OutputStream out)
            throws IOException {
        byte[] buf = new byte[1 << 16];
        ByteBuffer bb = ByteBuffer.wrap(buf);
        try (FileChannel ch = FileChannel.open(instance.file(), StandardOpenOption.READ)) {
            for (Segment s : segments) {
                long pos = s.offset();
                long left = s.length();
                while (left > 0) {
                    bb.clear().limit((int) Math.min(buf.length, left));
                    int n = ch.read(bb, pos);
                    if (n <= 0) {
                        throw new IOException("stored file ends before offset " + (pos + left));
                    }
                    if (swap16) {
                        for (int i = 0; i + 1 < n; i += 2) {
                            byte t = buf[i];
                            buf[i] = buf[i + 1];
                            buf[i + 1] = t;
                        }
                    }
                    out.write(buf, 0, n);
                    pos += n;
                    left -= n;
                }
            }
        }
    }

    /** Sends {@code frame} unchanged (no byte swapping) through {@code transfer}. */
    public static void transfer(StoredInstance instance, Frame frame, FileTransfer transfer) throws IOException {
        try (FileChannel ch = FileChannel.open(instance.file(), StandardOpenOption.READ)) {
            for (Segment s : frame.segments()) {
                transfer.transfer(ch, s.offset(), s.length());
            }
        }
    }

    /** The bytes of {@code frame} in memory (one frame, for rendering). */
    public static byte[] read(StoredInstance instance, Frame frame, boolean swap16) throws IOException {
        if (frame.length() > Integer.MAX_VALUE - 16) {
            throw new IOException("frame too large to render");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) frame.length());
        copy(instance, frame, swap16, out);
        return out.toByteArray();
    }

    /** True if native frames of this instance must be byte-swapped to be little endian. */
    public static boolean needsSwap(StoredInstance instance, Dataset header) {
        return !instance.encapsulated() && TransferSyntax.isKnown(instance.transferSyntaxUid())
                && TransferSyntax.of(instance.transferSyntaxUid()).bigEndian()
                && header.getInt(Tag.BitsAllocated, 8) == 16;
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        while (b.hasRemaining()) {
            int n = ch.read(b, pos + b.position());
            if (n < 0) {
                throw new IOException("stored file ends early");
            }
        }
    }
}
