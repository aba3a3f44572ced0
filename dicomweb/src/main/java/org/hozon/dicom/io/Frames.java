package org.hozon.dicom.io;

import java.util.ArrayList;
import java.util.List;

import org.hozon.dicom.BulkData;
import org.hozon.dicom.ByteOrder;
import org.hozon.dicom.Dataset;
import org.hozon.dicom.Fragments;

/**
 * Frame boundaries in encapsulated Pixel Data (PS3.5 §A.4): which fragments make up each frame,
 * from the Extended Offset Table (7FE0,0001), else the Basic Offset Table, else one fragment per
 * frame when there are as many fragments as frames (or all fragments for a single frame).
 */
public final class Frames {
    private static final int PIXEL_DATA = 0x7FE00010;
    private static final int EXTENDED_OFFSET_TABLE = 0x7FE00001;
    private static final int NUMBER_OF_FRAMES = 0x00280008;

    /**
     * One frame: {@code fragmentCount} fragments starting at index {@code firstFragment} of the
     * {@link Fragments} (index 0 is the Basic Offset Table, so the first fragment is 1).
     */
    public record Frame(int firstFragment, int fragmentCount) {
    }

    private Frames() {
    }

    /** The frames of the Pixel Data of {@code dataset}, using its Number of Frames and offset tables. */
    public static List<Frame> of(Dataset dataset) throws DicomParseException {
        Object pixels = dataset.value(PIXEL_DATA);
        if (!(pixels instanceof Fragments)) {
            throw new DicomParseException("Pixel Data is not encapsulated", 0, PIXEL_DATA);
        }
        byte[] eot = dataset.bytes(EXTENDED_OFFSET_TABLE);
        long[] offsets = null;
        if (eot != null && eot.length > 0) {
            offsets = new long[eot.length / 8];
            for (int i = 0; i < offsets.length; i++) {
                offsets[i] = ByteOrder.i64(eot, i * 8, dataset.bigEndian());
            }
        }
        return of((Fragments) pixels, dataset.getInt(NUMBER_OF_FRAMES, 1), offsets);
    }

    /**
     * The frames of {@code fragments}.
     *
     * @param numberOfFrames  Number of Frames (0028,0008), 1 if absent
     * @param extendedOffsets the Extended Offset Table, or null
     * @throws DicomParseException if the tables do not match the fragments, or the frames cannot be told apart
     */
    public static List<Frame> of(Fragments fragments, int numberOfFrames, long[] extendedOffsets)
            throws DicomParseException {
        int n = fragments.size() - 1;
        if (n < 1 || numberOfFrames < 1) {
            throw error("no fragments or no frames");
        }
        long[] offsets = extendedOffsets;
        if (offsets == null) {
            offsets = basicOffsets(fragments.get(0));
        }
        List<Frame> frames = new ArrayList<>(numberOfFrames);
        if (offsets.length == 0) {
            if (numberOfFrames == n) {
                for (int i = 1; i <= n; i++) {
                    frames.add(new Frame(i, 1));
                }
            } else if (numberOfFrames == 1) {
                frames.add(new Frame(1, n));
            } else {
                throw error(numberOfFrames + " frames in " + n + " fragments without an offset table");
            }
            return frames;
        }
        if (offsets.length != numberOfFrames) {
            throw error("offset table has " + offsets.length + " entries for " + numberOfFrames + " frames");
        }
        if (offsets[0] != 0) {
            throw error("the first frame does not start at the first fragment");
        }
        int first = -1;
        long position = 0;
        int f = 0;
        for (int i = 1; i <= n && f < offsets.length; i++) {
            if (position == offsets[f]) {
                if (first > 0) {
                    frames.add(new Frame(first, i - first));
                }
                first = i;
                f++;
            } else if (position > offsets[f]) {
                throw error("offset " + offsets[f] + " is not at the start of a fragment");
            }
            position += 8 + length(fragments.get(i));
        }
        if (f != offsets.length || first < 0) {
            throw error("offset table points past the last fragment");
        }
        frames.add(new Frame(first, n + 1 - first));
        return frames;
    }

    private static long[] basicOffsets(Object bot) throws DicomParseException {
        if (!(bot instanceof byte[])) {
            throw error("Basic Offset Table not in memory");
        }
        byte[] b = (byte[]) bot;
        if (b.length % 4 != 0) {
            throw error("Basic Offset Table length " + b.length + " is not a multiple of 4");
        }
        long[] offsets = new long[b.length / 4];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = ByteOrder.i32(b, i * 4, false) & 0xFFFFFFFFL;
        }
        return offsets;
    }

    private static long length(Object fragment) {
        return fragment instanceof byte[] ? ((byte[]) fragment).length : ((BulkData) fragment).length();
    }

    private static DicomParseException error(String message) {
        return new DicomParseException("cannot find frames: " + message, 0, PIXEL_DATA);
    }
}
