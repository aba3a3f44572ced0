package org.hozon.dicom.dict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.List;
import org.hozon.dicom.TransferSyntax;
import org.hozon.dicom.UID;
import org.junit.jupiter.api.Test;

class UidDictionaryTest {

    @Test
    void jpegBaseline() {
        assertEquals("1.2.840.10008.1.2.4.50", UID.JPEGBaseline8Bit);
        assertEquals("JPEG Baseline (Process 1)", UidDictionary.nameOf("1.2.840.10008.1.2.4.50"));
        assertEquals(UidType.TRANSFER_SYNTAX, UidDictionary.typeOf(UID.JPEGBaseline8Bit));
        assertTrue(UidDictionary.isTransferSyntax(UID.JPEGBaseline8Bit));
        assertFalse(UidDictionary.isSopClass(UID.JPEGBaseline8Bit));
        assertEquals("Default Transfer Syntax for Lossy JPEG 8 Bit Image Compression",
                UidDictionary.entry(UID.JPEGBaseline8Bit).info());
    }

    @Test
    void wellKnownUids() {
        assertEquals("1.2.840.10008.5.1.4.1.1.2", UID.CTImageStorage);
        assertEquals("CT Image Storage", UidDictionary.nameOf(UID.CTImageStorage));
        assertEquals(UidType.SOP_CLASS, UidDictionary.typeOf(UID.CTImageStorage));
        assertTrue(UidDictionary.isSopClass(UID.CTImageStorage));
        assertEquals("1.2.840.10008.1.2.1", UID.ExplicitVRLittleEndian);
        assertEquals("1.2.840.10008.1.2", UID.ImplicitVRLittleEndian);
        assertEquals("1.2.840.10008.1.1", UID.Verification);
        assertEquals(UidType.WELL_KNOWN_FRAME_OF_REFERENCE,
                UidDictionary.typeOf("1.2.840.10008.1.4.1.1"));
        assertEquals(UidType.APPLICATION_CONTEXT_NAME, UidDictionary.typeOf("1.2.840.10008.3.1.1.1"));
        assertEquals("CTImageStorage", UidDictionary.keywordOf(UID.CTImageStorage));
        assertEquals(UID.CTImageStorage, UidDictionary.uidOf("CTImageStorage"));
    }

    @Test
    void retiredTransferSyntax() {
        assertTrue(UidDictionary.isRetired(UID.ExplicitVRBigEndian));
        assertTrue(UidDictionary.isTransferSyntax(UID.ExplicitVRBigEndian));
        assertFalse(UidDictionary.isRetired(UID.ExplicitVRLittleEndian));
    }

    @Test
    void unknownUids() {
        assertNull(UidDictionary.nameOf("1.2.3.4"));
        assertNull(UidDictionary.typeOf("1.2.3.4"));
        assertNull(UidDictionary.entry(null));
        assertFalse(UidDictionary.isTransferSyntax("1.2.3.4"));
        assertFalse(UidDictionary.isKnown("1.2.3.4"));
        assertEquals("1.2.3.4", UidDictionary.describe("1.2.3.4"));
        assertNull(UidDictionary.uidOf("NoSuchUid"));
    }

    @Test
    void agreesWithTheCoreTransferSyntaxes() {
        for (TransferSyntax ts : List.of(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN,
                TransferSyntax.JPEG_BASELINE_8BIT, TransferSyntax.RLE_LOSSLESS)) {
            assertTrue(UidDictionary.isTransferSyntax(ts.uid()), ts.uid());
        }
    }

    @Test
    void wholeRegistry() {
        List<UidEntry> all = UidDictionary.entries();
        assertTrue(all.size() > 400, "uids: " + all.size());
        long transferSyntaxes = all.stream().filter(e -> e.type() == UidType.TRANSFER_SYNTAX).count();
        long sopClasses = all.stream().filter(e -> e.type() == UidType.SOP_CLASS).count();
        assertTrue(transferSyntaxes > 30, "transfer syntaxes: " + transferSyntaxes);
        assertTrue(sopClasses > 200, "SOP classes: " + sopClasses);
        for (UidEntry e : all) {
            assertTrue(e.uid().matches("[0-9]+(\\.[0-9]+)+"), e.uid());
            assertFalse(e.name().isEmpty(), e.uid());
            assertSame(e, UidDictionary.entry(e.uid()));
            assertSame(e, UidDictionary.entryOfKeyword(e.keyword()));
        }
    }

    @Test
    void everyUidConstantIsInTheRegistry() throws IllegalAccessException {
        Field[] fields = UID.class.getFields();
        for (Field f : fields) {
            String uid = (String) f.get(null);
            assertEquals(f.getName(), UidDictionary.keywordOf(uid), uid);
        }
        assertEquals(UidDictionary.entries().size(), fields.length);
    }
}
