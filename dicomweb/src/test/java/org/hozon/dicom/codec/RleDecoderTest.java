package org.hozon.dicom.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class RleDecoderTest {

    /** The PackBits example of Apple Technical Note TN1023, which PS3.5 G.3.1 follows. */
    @Test
    void decodesThePackBitsExample() {
        byte[] segment = hex("FEAA0280002AFDAA0380002A22F7AA");
        byte[] expected = hex("AAAAAA80002AAAAAAAAA80002A22AAAAAAAAAAAAAAAAAAAA");
        assertArrayEquals(expected, RleDecoder.decode(frame(segment), 4, 6, 1, 8));
    }

    @Test
    void puts16BitSegmentsMostSignificantFirstIntoLittleEndian() {
        byte[] high = {3, 0x01, 0x02, 0x03, 0x04}; // literal run of 4
        byte[] low = {(byte) -3, 0x7F};           // 0x7F four times
        byte[] expected = {0x7F, 0x01, 0x7F, 0x02, 0x7F, 0x03, 0x7F, 0x04};
        assertArrayEquals(expected, RleDecoder.decode(frame(high, low), 2, 2, 1, 16));
    }

    @Test
    void interleavesColourSamples() {
        byte[] r = {(byte) -1, 10};
        byte[] g = {1, 20, 21};
        byte[] b = {(byte) -128, (byte) -1, 30}; // a no-op header first
        byte[] expected = {10, 20, 30, 10, 21, 30};
        assertArrayEquals(expected, RleDecoder.decode(frame(r, g, b), 1, 2, 3, 8));
    }

    @Test
    void rejectsTruncatedAndMismatchedData() {
        assertThrows(IllegalArgumentException.class, () -> RleDecoder.decode(frame(new byte[] {5, 1, 2}), 2, 3, 1, 8));
        assertThrows(IllegalArgumentException.class, () -> RleDecoder.decode(frame(new byte[] {0, 1}), 1, 1, 1, 16));
        assertThrows(IllegalArgumentException.class, () -> RleDecoder.decode(new byte[10], 1, 1, 1, 8));
        assertThrows(IllegalArgumentException.class, () -> RleDecoder.decode(frame(new byte[] {(byte) -9, 1}), 1, 2, 1, 8));
    }

    /** An RLE frame: the 64-byte header, then the segments (padded to even length). */
    static byte[] frame(byte[]... segments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] header = new byte[64];
        put32(header, 0, segments.length);
        int offset = 64;
        for (int i = 0; i < segments.length; i++) {
            put32(header, 4 + 4 * i, offset);
            offset += segments[i].length + (segments[i].length & 1);
        }
        out.writeBytes(header);
        for (byte[] s : segments) {
            out.writeBytes(s);
            if ((s.length & 1) == 1) {
                out.write(-128); // padding byte: a no-op header
            }
        }
        return out.toByteArray();
    }

    private static void put32(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >> 8);
        b[off + 2] = (byte) (v >> 16);
        b[off + 3] = (byte) (v >> 24);
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }
}
