package org.hozon.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class DatasetTest {

    @Test
    void keepsElementsInAscendingUnsignedTagOrderWhateverTheInsertionOrder() {
        Dataset ds = new Dataset();
        ds.set(0x7FE00010, VR.OB, new byte[2]);
        ds.set(0x00100010, VR.PN, "A^B ".getBytes(StandardCharsets.US_ASCII));
        ds.set(0xFFFAFFFA, VR.SQ, null); // Digital Signatures Sequence: sorts last as unsigned
        ds.set(0x00080018, VR.UI, "1.2\0".getBytes(StandardCharsets.US_ASCII));
        ds.set(0x00090010, VR.LO, "CREATOR ".getBytes(StandardCharsets.US_ASCII));

        assertEquals(5, ds.size());
        int[] expected = {0x00080018, 0x00090010, 0x00100010, 0x7FE00010, 0xFFFAFFFA};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], ds.tagAt(i), "index " + i);
        }
        assertTrue(ds.value(0xFFFAFFFA) instanceof Sequence);
    }

    @Test
    void replacesAndRemovesElements() {
        Dataset ds = new Dataset();
        ds.setString(Tag.PatientName, VR.PN, "Doe^John");
        ds.setString(Tag.PatientName, VR.PN, "Roe^Jane");
        assertEquals(1, ds.size());
        assertEquals("Roe^Jane", ds.getString(Tag.PatientName));
        assertTrue(ds.remove(Tag.PatientName));
        assertFalse(ds.remove(Tag.PatientName));
        assertTrue(ds.isEmpty());
        assertNull(ds.getString(Tag.PatientName));
    }

    @Test
    void stringValuesArePaddedToEvenLengthWithTheVrsPaddingByte() {
        Dataset ds = new Dataset();
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3");
        ds.setString(Tag.PatientName, VR.PN, "Doe");
        assertArrayEquals("1.2.3\0".getBytes(StandardCharsets.US_ASCII), ds.bytes(Tag.SOPInstanceUID));
        assertArrayEquals("Doe ".getBytes(StandardCharsets.US_ASCII), ds.bytes(Tag.PatientName));
        assertEquals("1.2.3", ds.getString(Tag.SOPInstanceUID));
        assertEquals("Doe", ds.getString(Tag.PatientName));
    }

    @Test
    void multiValuedStringsSplitOnBackslashAndLoseInsignificantSpaces() {
        Dataset ds = new Dataset();
        ds.set(0x00080008, VR.CS, "ORIGINAL\\PRIMARY\\AXIAL ".getBytes(StandardCharsets.US_ASCII));
        ds.set(0x00280030, VR.DS, " 0.5\\0.5 ".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(new String[] {"ORIGINAL", "PRIMARY", "AXIAL"}, ds.getStrings(0x00080008));
        assertArrayEquals(new String[] {"0.5", "0.5"}, ds.getStrings(0x00280030));
    }

    @Test
    void textVrsAreOneValueWithBackslashesKept() {
        Dataset ds = new Dataset();
        ds.set(0x00324000, VR.LT, "a\\b  ".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(new String[] {"a\\b"}, ds.getStrings(0x00324000));
    }

    @Test
    void integersInEitherByteOrderAndAsStrings() {
        Dataset le = new Dataset();
        le.setInt(0x00280010, VR.US, 512);
        le.setInt(0x00280106, VR.SS, -2000);
        le.setInt(0x00081160, VR.UL, -1);
        le.setInt(0x00200013, VR.IS, 42);
        assertArrayEquals(new byte[] {0x00, 0x02}, le.bytes(0x00280010));
        assertEquals(512, le.getInt(0x00280010, 0));
        assertEquals(-2000, le.getInt(0x00280106, 0));
        assertEquals(0xFFFFFFFFL, le.getLong(0x00081160, 0));
        assertEquals(42, le.getInt(0x00200013, 0));
        assertEquals(7, le.getInt(0x00200011, 7), "absent gives the default");

        Dataset be = new Dataset(true, null);
        be.setInt(0x00280010, VR.US, 512);
        assertArrayEquals(new byte[] {0x02, 0x00}, be.bytes(0x00280010));
        assertEquals(512, be.getInt(0x00280010, 0));
    }

    @Test
    void changingByteOrderSwapsBinaryValuesDeeply() {
        Dataset ds = new Dataset();
        ds.setInt(0x00280010, VR.US, 0x0102);
        ds.setInt(0x00209165, VR.AT, 0x00100020);
        ds.setString(Tag.PatientName, VR.PN, "AB");
        Dataset item = ds.newSequence(0x00081140).addItem();
        item.setInt(0x00280011, VR.US, 0x0304);

        ds.setBigEndian(true);
        assertArrayEquals(new byte[] {0x01, 0x02}, ds.bytes(0x00280010));
        assertArrayEquals(new byte[] {0x00, 0x10, 0x00, 0x20}, ds.bytes(0x00209165));
        assertArrayEquals("AB".getBytes(StandardCharsets.US_ASCII), ds.bytes(Tag.PatientName));
        assertArrayEquals(new byte[] {0x03, 0x04}, item.bytes(0x00280011));
        assertEquals(0x0304, item.getInt(0x00280011, 0));
    }

    @Test
    void itemsInheritTheCharacterSetOfTheirParentUnlessTheyHaveTheirOwn() {
        Dataset ds = new Dataset();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        Sequence seq = ds.newSequence(0x00081140);
        Dataset inheriting = seq.addItem();
        Dataset own = seq.addItem();
        own.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");

        assertSame(ds, seq.parent());
        assertSame(ds, inheriting.parent());
        assertArrayEquals(new String[] {"ISO_IR 100"}, inheriting.charset().definedTerms());
        assertArrayEquals(new String[] {"ISO_IR 192"}, own.charset().definedTerms());
    }

    @Test
    void equalityIsDeep() {
        Dataset a = new Dataset();
        Dataset b = new Dataset();
        for (Dataset ds : new Dataset[] {a, b}) {
            ds.setString(Tag.PatientName, VR.PN, "Doe^John");
            ds.newSequence(0x00081140).addItem().setString(Tag.SOPInstanceUID, VR.UI, "1.2.3");
        }
        assertEquals(a, b);
        b.sequence(0x00081140).get(0).setString(Tag.SOPInstanceUID, VR.UI, "1.2.4");
        assertNotEquals(a, b);
    }

    @Test
    void rejectsValuesOfUnsupportedTypes() {
        Dataset ds = new Dataset();
        assertThrows(IllegalArgumentException.class, () -> ds.set(Tag.PatientName, VR.PN, "a string"));
        assertThrows(IllegalArgumentException.class, () -> ds.setString(0x00280010, VR.US, "1"));
    }
}
