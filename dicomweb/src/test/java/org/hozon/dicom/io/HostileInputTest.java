package org.hozon.dicom.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.zip.Deflater;

import org.hozon.dicom.ByteOrder;
import org.hozon.dicom.Dataset;
import org.hozon.dicom.TransferSyntax;
import org.hozon.dicom.VR;
import org.junit.jupiter.api.Test;

/** Each kind of malformed input ends in one DicomParseException naming offset and tag. */
class HostileInputTest {

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** (0010,0010) PN "AB" in Explicit VR LE. */
    private static final byte[] NAME = bytes(0x10, 0, 0x10, 0, 'P', 'N', 2, 0, 'A', 'B');

    private static DicomParseException fails(byte[] data, boolean knownLength) {
        return assertThrows(DicomParseException.class, () ->
                new DicomReader(new ByteArrayInputStream(data), knownLength ? data.length : -1).readDataset());
    }

    private static DicomParseException failsExplicit(byte[] data) {
        return assertThrows(DicomParseException.class, () ->
                new DicomReader(new ByteArrayInputStream(data), data.length)
                        .transferSyntax(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).readDataset());
    }

    @Test
    void lengthBeyondTheEndOfAKnownStreamFailsBeforeReading() {
        byte[] data = concat(NAME, bytes(0x09, 0, 0x10, 0x10, 'O', 'B', 0, 0, 0, 0, 0, 1), new byte[100]);
        DicomParseException e = fails(data, true);
        assertEquals(0x00091010, e.tag());
        assertEquals(22, e.offset());
        assertTrue(e.getMessage().contains("(0009,1010)") && e.getMessage().contains("0x16"), e.getMessage());
    }

    @Test
    void fourGiBLengthOnAShortStreamEndsAtEndOfStreamNotInOutOfMemory() {
        byte[] data = concat(NAME, bytes(0x09, 0, 0x10, 0x10, 'O', 'B', 0, 0, 0xF0, 0xFF, 0xFF, 0xFF), new byte[1000]);
        DicomParseException e = fails(data, false);
        assertEquals(0x00091010, e.tag());
        byte[] implicit = bytes(0x10, 0, 0x10, 0, 0xFE, 0xFF, 0xFF, 0x7F, 1, 2, 3, 4);
        assertEquals(0x00100010, fails(implicit, false).tag());
    }

    @Test
    void oddLengthsAreRejectedUnlessAllowed() throws Exception {
        byte[] data = concat(bytes(0x10, 0, 0x10, 0, 'P', 'N', 3, 0, 'A', 'B', 'C'), NAME.clone());
        data[13] = 0x20;    // make the second tag (0010,0020)
        DicomParseException e = fails(data, true);
        assertEquals(0x00100010, e.tag());
        assertTrue(e.getMessage().contains("odd"), e.getMessage());
        Dataset ds = new DicomReader(new ByteArrayInputStream(data)).allowOddLengths(true).readDataset();
        assertEquals(3, ds.bytes(0x00100010).length);
        assertEquals(2, ds.bytes(0x00100020).length);
    }

    @Test
    void badVrCode() {
        DicomParseException e = failsExplicit(concat(NAME, bytes(0x10, 0, 0x20, 0, 'Z', 'Z', 2, 0, 'A', 'B')));
        assertEquals(0x00100020, e.tag());
        assertEquals(10, e.offset());
    }

    @Test
    void itemAndDelimitersOutsideSequences() {
        assertEquals(0xFFFEE000, failsExplicit(concat(NAME, bytes(0xFE, 0xFF, 0, 0xE0, 0, 0, 0, 0))).tag());
        assertEquals(0xFFFEE0DD, failsExplicit(concat(NAME, bytes(0xFE, 0xFF, 0xDD, 0xE0, 0, 0, 0, 0))).tag());
        assertEquals(0xFFFEE00D, failsExplicit(concat(NAME, bytes(0xFE, 0xFF, 0x0D, 0xE0, 0, 0, 0, 0))).tag());
    }

    @Test
    void wrongContentInSequencesAndItems() {
        byte[] sq = bytes(0x08, 0, 0x40, 0x11, 'S', 'Q', 0, 0, 0xFF, 0xFF, 0xFF, 0xFF);
        // an element where an item should be
        assertEquals(0x00100010, failsExplicit(concat(sq, NAME)).tag());
        // item delimiter where an item should be
        assertEquals(0xFFFEE00D, failsExplicit(concat(sq, bytes(0xFE, 0xFF, 0x0D, 0xE0, 0, 0, 0, 0))).tag());
        // sequence delimiter inside a defined-length item
        byte[] item = bytes(0xFE, 0xFF, 0, 0xE0, 8, 0, 0, 0, 0xFE, 0xFF, 0xDD, 0xE0, 0, 0, 0, 0);
        assertEquals(0xFFFEE0DD, failsExplicit(concat(sq, item)).tag());
        // delimiter with a length
        assertEquals(0xFFFEE0DD, failsExplicit(concat(sq, bytes(0xFE, 0xFF, 0xDD, 0xE0, 4, 0, 0, 0))).tag());
        // element longer than its item
        byte[] shortItem = bytes(0xFE, 0xFF, 0, 0xE0, 6, 0, 0, 0);
        assertEquals(0x00100010, failsExplicit(concat(sq, shortItem, NAME)).tag());
        // sequence without its delimiter
        assertTrue(failsExplicit(concat(sq, bytes(0xFE, 0xFF, 0, 0xE0, 0, 0, 0, 0))).getMessage().contains("end"));
    }

    @Test
    void deepNestingIsLimitedWithoutStackOverflow() throws Exception {
        byte[] sq = bytes(0x08, 0, 0x40, 0x11, 'S', 'Q', 0, 0, 0xFF, 0xFF, 0xFF, 0xFF);
        byte[] item = bytes(0xFE, 0xFF, 0, 0xE0, 0xFF, 0xFF, 0xFF, 0xFF);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 100_000; i++) {
            out.writeBytes(sq);
            out.writeBytes(item);
        }
        byte[] data = out.toByteArray();
        DicomParseException e = failsExplicit(data);
        assertTrue(e.getMessage().contains("deeper than 64"), e.getMessage());
        DicomParseException three = assertThrows(DicomParseException.class, () ->
                new DicomReader(new ByteArrayInputStream(data)).maxDepth(3).readDataset());
        assertEquals(3 * 20 + 12, three.offset());    // the value of the fourth sequence
        // the same structure in implicit VR (UN of undefined length read as a sequence)
        byte[] implicitSq = bytes(0x09, 0, 0x10, 0x10, 0xFF, 0xFF, 0xFF, 0xFF);
        ByteArrayOutputStream imp = new ByteArrayOutputStream();
        for (int i = 0; i < 10_000; i++) {
            imp.writeBytes(implicitSq);
            imp.writeBytes(item);
        }
        byte[] implicitData = imp.toByteArray();
        assertThrows(DicomParseException.class, () -> new DicomReader(new ByteArrayInputStream(implicitData))
                .transferSyntax(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN).readDataset());
    }

    @Test
    void encapsulatedPixelDataErrors() {
        byte[] px = bytes(0xE0, 0x7F, 0x10, 0, 'O', 'B', 0, 0, 0xFF, 0xFF, 0xFF, 0xFF);
        byte[] end = bytes(0xFE, 0xFF, 0xDD, 0xE0, 0, 0, 0, 0);
        assertEquals(0x7FE00010, failsExplicit(concat(px, end)).tag());                       // no offset table
        assertEquals(0x7FE00010, failsExplicit(concat(px, bytes(0xFE, 0xFF, 0, 0xE0, 0xFF, 0xFF, 0xFF, 0xFF))).tag());
        assertEquals(0x7FE00010, failsExplicit(concat(px, NAME)).tag());
        assertEquals(0x7FE00010, failsExplicit(concat(px, bytes(0xFE, 0xFF, 0, 0xE0, 0, 0, 0, 0))).tag()); // no end
    }

    @Test
    void emptyStreamsZerosAndMissingSyntax() {
        fails(new byte[0], true);
        fails(new byte[5], true);
        fails(new byte[64], true);                            // a preamble without DICM
        byte[] noSyntax = concat(new byte[128], "DICM".getBytes(), bytes(2, 0, 1, 0, 'O', 'B', 0, 0, 2, 0, 0, 0, 0, 1));
        assertEquals(0x00020010, fails(noSyntax, true).tag());
    }

    private static byte[] deflatedFile(long zeros, int level) throws Exception {
        Dataset fmi = new Dataset();
        fmi.set(0x00020010, VR.UI, TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.uid().getBytes());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[128]);
        out.write("DICM".getBytes());
        new DicomWriter(out).writeDataset(FileMetaInformation.withGroupLength(fmi), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        byte[] header = bytes(0x09, 0, 0x10, 0x10, 'O', 'B', 0, 0, 0, 0, 0, 0);
        ByteOrder.put32(header, 8, (int) zeros, false);
        Deflater deflater = new Deflater(level, true);
        byte[] chunk = new byte[1 << 20];
        byte[] buf = new byte[1 << 16];
        deflater.setInput(header);
        for (long left = zeros; left > 0 || !deflater.finished(); ) {
            if (deflater.needsInput() && left > 0) {
                int n = (int) Math.min(left, chunk.length);
                deflater.setInput(chunk, 0, n);
                left -= n;
                if (left == 0) {
                    deflater.finish();
                }
            }
            int n = deflater.deflate(buf);
            out.write(buf, 0, n);
        }
        deflater.end();
        return out.toByteArray();
    }

    @Test
    void deflateBombsAreStopped() throws Exception {
        byte[] bomb = deflatedFile(64L << 20, 9);
        assertTrue(bomb.length < 200_000, "compressed " + bomb.length);
        DicomParseException bySize = assertThrows(DicomParseException.class, () ->
                new DicomReader(new ByteArrayInputStream(bomb)).inflationLimits(8 << 20, 2000).readDataset());
        assertTrue(bySize.getMessage().contains("exceeds the limit"), bySize.getMessage());
        DicomParseException byRatio = assertThrows(DicomParseException.class, () ->
                new DicomReader(new ByteArrayInputStream(bomb)).inflationLimits(1L << 40, 100).readDataset());
        assertTrue(byRatio.getMessage().contains("ratio"), byRatio.getMessage());
        // within the limits the same file reads
        Dataset ds = new DicomReader(new ByteArrayInputStream(bomb)).handler(ElementHandler.bulkAbove(1024))
                .readDataset();
        assertTrue(ds.contains(0x00091010));
    }

    @Test
    void truncatedAndCorruptDeflateData() throws Exception {
        byte[] file = deflatedFile(4096, 6);
        byte[] cut = java.util.Arrays.copyOf(file, file.length - 3);
        fails(cut, false);
        byte[] corrupt = file.clone();
        for (int i = 140; i < 160 && i < corrupt.length; i++) {
            corrupt[i] = (byte) 0xFF;
        }
        fails(corrupt, false);
    }
}
