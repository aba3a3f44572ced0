package org.hozon.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TagsTest {

    @Test
    void formatsAndParsesTags() {
        assertEquals("(0010,0010)", Tags.toString(0x00100010));
        assertEquals("(FFFE,E0DD)", Tags.toString(Tags.SEQUENCE_DELIMITATION));
        assertEquals("7FE00010", Tags.toHex(0x7FE00010));
        assertEquals(0x7FE00010, Tags.parseHex("7fe00010"));
        assertEquals(-1, Tags.parseHex("7FE0001"));
        assertEquals(-1, Tags.parseHex("7FE0001G"));
    }

    @Test
    void recognisesPrivateTagsAndTheirCreators() {
        assertTrue(Tags.isPrivate(0x00091010));
        assertFalse(Tags.isPrivate(0x00100010));
        assertFalse(Tags.isPrivate(0x00030010), "groups 0001-0007 are not private");
        assertTrue(Tags.isPrivateCreator(0x00290010));
        assertFalse(Tags.isPrivateCreator(0x00291010));
        assertEquals(0x00290010, Tags.privateCreatorOf(0x00291008));
        assertEquals(0x002900FF, Tags.privateCreatorOf(0x0029FF00));
        assertEquals(-1, Tags.privateCreatorOf(0x00290010));
    }

    @Test
    void vrCodesAndProperties() {
        assertSame(VR.OB, VR.ofCode(('O' << 8) | 'B'));
        assertNull(VR.ofCode(('Z' << 8) | 'Z'));
        assertTrue(VR.UN.longHeader());
        assertFalse(VR.US.longHeader());
        assertEquals(0x20, VR.PN.paddingByte());
        assertEquals(0, VR.UI.paddingByte());
        assertTrue(VR.OW.isBulkCandidate());
        assertFalse(VR.SQ.isBulkCandidate());
        assertFalse(VR.UV.isBulkCandidate(), "64-bit integers are numbers, not byte streams");
        assertTrue(VR.PN.characterSetSensitive());
        assertFalse(VR.CS.characterSetSensitive());
    }

    @Test
    void transferSyntaxes() {
        assertSame(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.of("1.2.840.10008.1.2"));
        TransferSyntax unknown = TransferSyntax.of("1.2.840.10008.1.2.4.201");
        assertTrue(unknown.explicitVR());
        assertTrue(unknown.encapsulated());
        assertFalse(unknown.bigEndian());
        assertTrue(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN.bigEndian());
        assertTrue(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.deflated());
    }
}
