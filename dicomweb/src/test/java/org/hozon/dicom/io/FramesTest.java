package org.hozon.dicom.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.hozon.dicom.BulkData;
import org.hozon.dicom.ByteOrder;
import org.hozon.dicom.Dataset;
import org.hozon.dicom.Fragments;
import org.hozon.dicom.VR;
import org.hozon.dicom.io.Frames.Frame;
import org.junit.jupiter.api.Test;

class FramesTest {

    /** Fragments of lengths 10, 20, 30, 40, 50 (the last two as bulk data) after the given BOT. */
    private static Fragments fragments(long... bot) {
        Fragments f = new Fragments(VR.OB);
        byte[] table = new byte[bot.length * 4];
        for (int i = 0; i < bot.length; i++) {
            ByteOrder.put32(table, i * 4, (int) bot[i], false);
        }
        f.add(table);
        f.add(new byte[10]);
        f.add(new byte[20]);
        f.add(new byte[30]);
        f.add(new BulkData(1000, 40, false));
        f.add(new BulkData(2000, 50, false));
        return f;
    }

    @Test
    void basicOffsetTableWithSeveralFragmentsPerFrame() throws Exception {
        // frame 0: fragments 1-2 (8+10 + 8+20 = 46 bytes), frame 1: 3, frame 2: 4-5
        assertEquals(List.of(new Frame(1, 2), new Frame(3, 1), new Frame(4, 2)),
                Frames.of(fragments(0, 46, 46 + 38), 3, null));
    }

    @Test
    void extendedOffsetTableTakesPrecedence() throws Exception {
        Dataset ds = new Dataset();
        ds.set(0x00280008, VR.IS, "2 ".getBytes());
        byte[] eot = new byte[16];
        ByteOrder.put64(eot, 8, 18 + 28 + 38, false);
        ds.set(0x7FE00001, VR.OV, eot);
        ds.set(0x7FE00010, VR.OB, fragments());
        assertEquals(List.of(new Frame(1, 3), new Frame(4, 2)), Frames.of(ds));
    }

    @Test
    void withoutTablesOneFragmentPerFrameOrOneFrame() throws Exception {
        assertEquals(5, Frames.of(fragments(), 5, null).size());
        assertEquals(List.of(new Frame(1, 5)), Frames.of(fragments(), 1, null));
        assertThrows(DicomParseException.class, () -> Frames.of(fragments(), 3, null));
    }

    @Test
    void inconsistentTablesAreRejected() {
        assertThrows(DicomParseException.class, () -> Frames.of(fragments(0, 47), 2, null));   // not a fragment start
        assertThrows(DicomParseException.class, () -> Frames.of(fragments(0, 46), 3, null));   // wrong count
        assertThrows(DicomParseException.class, () -> Frames.of(fragments(0, 9999), 2, null)); // past the end
        assertThrows(DicomParseException.class, () -> Frames.of(fragments(46, 0), 2, null));   // descending
    }
}
