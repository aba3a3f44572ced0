package org.hozon.dicom.json;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.hozon.dicom.Dataset;
import org.hozon.dicom.Sequence;
import org.hozon.dicom.VR;

/** Data sets for the JSON tests: one element of every VR, sequences, empty and null values. */
final class TestDatasets {
    static final int PRIVATE_CREATOR = 0x00190010;

    private TestDatasets() {
    }

    /** Little-endian bytes of the given numbers, {@code width} bytes each. */
    static byte[] le(int width, long... values) {
        ByteBuffer b = ByteBuffer.allocate(width * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            switch (width) {
                case 2: b.putShort((short) v); break;
                case 4: b.putInt((int) v); break;
                default: b.putLong(v);
            }
        }
        return b.array();
    }

    static byte[] floats(float... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    static byte[] doubles(double... values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            b.putDouble(v);
        }
        return b.array();
    }

    /** A private element (0019,10xx) in the block reserved by {@link #PRIVATE_CREATOR}. */
    static int priv(int element) {
        return 0x00191000 | element;
    }

    /** Every VR, UTF-8 text, nested sequences, empty values and empty values among several. */
    static Dataset everyVr() {
        Dataset ds = new Dataset();
        ds.setString(0x00080005, VR.CS, "ISO_IR 192");
        ds.setString(0x00080008, VR.CS, "ORIGINAL", "", "AXIAL");           // null in the middle
        ds.setString(0x00080020, VR.DA, "20240102");
        ds.setString(0x0008002A, VR.DT, "20240102120000.000000+0100");
        ds.setString(0x00080030, VR.TM, "101010.123");
        ds.setString(0x00080050, VR.SH, "ACC-1");
        ds.setString(0x00080060, VR.CS, "CT");
        ds.setString(0x00080081, VR.ST, "Main Street 1\r\nTokyo \\ Japan");
        ds.set(0x00080090, VR.PN, null);                                   // empty
        ds.setString(0x00081190, VR.UR, "http://example.org/studies/1.2.3");
        Sequence referenced = ds.newSequence(0x00081115);
        Dataset first = referenced.addItem();
        first.setString(0x00081150, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
        first.setString(0x00081155, VR.UI, "1.2.3.4.5");
        Sequence nested = first.newSequence(0x00081199);
        nested.addItem().setString(0x00081160, VR.IS, "1", "2");
        nested.addItem();                                                   // empty item
        referenced.addItem();                                               // empty item
        ds.newSequence(0x00081140);                                         // empty sequence
        ds.setString(0x00100010, VR.PN, "Yamada^Tarou=山田^太郎=やまだ^たろう", "", "Doe^John");
        ds.setString(0x00100020, VR.LO, "PID-1");
        ds.set(0x00100021, VR.LO, null);                                    // empty
        ds.setString(0x00101010, VR.AS, "030Y");
        ds.setString(0x00104000, VR.LT, "line one\r\n  line two, indented");
        ds.setString(PRIVATE_CREATOR, VR.LO, "HOZON TEST");
        ds.set(priv(0x10), VR.OB, new byte[] {1, 2, (byte) 0xFE, (byte) 0xFF});
        ds.set(priv(0x11), VR.OD, doubles(1.5, -2.25));
        ds.set(priv(0x12), VR.OF, floats(0.1f, -3.5f));
        ds.set(priv(0x13), VR.OL, le(4, 1, -1));
        ds.set(priv(0x14), VR.OV, le(8, Long.MAX_VALUE, -2));
        ds.set(priv(0x15), VR.OW, le(2, 0x1234, 0xFFFF));
        ds.set(priv(0x16), VR.SL, le(4, -5, Integer.MIN_VALUE, Integer.MAX_VALUE));
        ds.set(priv(0x17), VR.SS, le(2, -3, Short.MIN_VALUE, Short.MAX_VALUE));
        ds.set(priv(0x18), VR.SV, le(8, Long.MIN_VALUE, 42, Long.MAX_VALUE));
        ds.setString(priv(0x19), VR.UC, "unlimited characters", "second");
        ds.set(priv(0x1A), VR.UL, le(4, 0xFFFFFFFFL, 0, 7));
        ds.set(priv(0x1B), VR.UN, new byte[] {(byte) 0xCF, 0x4C, 0x7D, 0x73, (byte) 0xCB, (byte) 0xFB});
        ds.setString(priv(0x1C), VR.UT, "Unlimited text with \\ backslash and ünïcödé");
        ds.set(priv(0x1D), VR.UV, le(8, -1L, 1, Long.MIN_VALUE));
        ds.set(priv(0x1E), VR.FL, floats(0.1f, -0.0f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NaN,
                Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY));
        ds.set(priv(0x1F), VR.FD, doubles(1000.5, -0.0, 1e300, Double.MIN_VALUE, Double.NaN,
                Double.NEGATIVE_INFINITY));
        ds.set(priv(0x20), VR.US, null);                                    // empty binary
        ds.setString(0x00181050, VR.DS, "0.50", "-1.25E-3", "", "1234567890123456"); // null inside
        ds.setString(0x00200013, VR.IS, "7", "-2147483648", "", "2147483647");
        ds.setString(0x0020000D, VR.UI, "1.2.392.200036.9116.2.2.2.1762893313.1029997326.945873");
        ds.setInt(0x00209165, VR.AT, 0x00100010, 0x7FE00010, 0x00191010);
        ds.set(0x00280010, VR.US, le(2, 512, 65535));
        ds.setString(0x00400241, VR.AE, "STORESCP");
        return ds;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String toHex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02X", x));
        }
        return sb.toString();
    }
}
