package org.hozon.dicom.dict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hozon.dicom.Tag;
import org.hozon.dicom.VR;
import org.junit.jupiter.api.Test;

class ElementDictionaryTest {

    @Test
    void patientName() {
        DictionaryEntry e = ElementDictionary.entry(0x00100010);
        assertNotNull(e);
        assertEquals(0x00100010, Tag.PatientName);
        assertEquals(List.of(VR.PN), e.vrs());
        assertEquals("1", e.vm());
        assertEquals("PatientName", e.keyword());
        assertEquals("Patient's Name", e.name());
        assertFalse(e.retired());
        assertFalse(e.isRepeating());
        assertEquals("(0010,0010)", e.pattern());
        assertEquals(VR.PN, ElementDictionary.vrOf(Tag.PatientName));
        assertEquals("PatientName", ElementDictionary.keywordOf(0x00100010));
        assertEquals(0x00100010, ElementDictionary.tagOf("PatientName"));
    }

    @Test
    void multiVrElementsKeepEveryAlternative() {
        assertEquals(List.of(VR.OB, VR.OW), ElementDictionary.entry(Tag.PixelData).vrs());
        assertEquals(VR.OB, ElementDictionary.vrOf(Tag.PixelData));
        DictionaryEntry smallest = ElementDictionary.entry(0x00280106);
        assertEquals("SmallestImagePixelValue", smallest.keyword());
        assertEquals(List.of(VR.US, VR.SS), smallest.vrs());
        assertEquals(VR.US, ElementDictionary.vrOf(0x00280106));
        assertEquals(List.of(VR.US, VR.SS), ElementDictionary.entry(Tag.RedPaletteColorLookupTableDescriptor).vrs());
        assertEquals(List.of(VR.US, VR.OW), ElementDictionary.entry(Tag.LUTData).vrs());
        // (0028,1200) Gray Lookup Table Data (retired): "US or SS or OW".
        assertEquals(List.of(VR.US, VR.SS, VR.OW), ElementDictionary.entry(0x00281200).vrs());
    }

    @Test
    void valueMultiplicityIsKeptAsWritten() {
        assertEquals("2-n", ElementDictionary.entry(Tag.ImageType).vm());
        assertEquals("1-n", ElementDictionary.entry(Tag.OtherPatientIDs).vm());
        assertEquals("2-2n", ElementDictionary.entry(Tag.VerticesOfThePolygonalShutter).vm());
        assertEquals("3", ElementDictionary.entry(Tag.ImagePositionPatient).vm());
        assertEquals("6", ElementDictionary.entry(Tag.ImageOrientationPatient).vm());
    }

    @Test
    void retiredElement() {
        DictionaryEntry e = ElementDictionary.entry(0x00080040);
        assertEquals("DataSetType", e.keyword());
        assertTrue(e.retired());
        assertEquals(List.of(VR.US), e.vrs());
        assertFalse(ElementDictionary.entry(Tag.StudyInstanceUID).retired());
    }

    @Test
    void overlayGroupsRepeatOverEvenGroupsUpTo601E() {
        DictionaryEntry e = ElementDictionary.entry(0x60023000);
        assertNotNull(e);
        assertEquals("OverlayData", e.keyword());
        assertEquals(List.of(VR.OB, VR.OW), e.vrs());
        assertTrue(e.isRepeating());
        assertEquals("(60xx,3000)", e.pattern());
        assertEquals(0x60003000, Tag.OverlayData);
        assertEquals(0x60003000, ElementDictionary.tagOf("OverlayData"));
        assertSame(e, ElementDictionary.entry(0x601E3000));
        assertEquals(VR.US, ElementDictionary.vrOf(0x60120010)); // OverlayRows
        assertEquals("OverlayRows", ElementDictionary.keywordOf(0x60000010));
        // Odd groups are private; 6020 is beyond the repeating range.
        assertNull(ElementDictionary.entry(0x60013000));
        assertEquals(VR.UN, ElementDictionary.vrOf(0x60013000));
        assertNull(ElementDictionary.entry(0x60203000));
    }

    @Test
    void curveGroupsRepeat() {
        DictionaryEntry e = ElementDictionary.entry(0x50043000);
        assertEquals("CurveData", e.keyword());
        assertTrue(e.retired());
        assertEquals(List.of(VR.OB, VR.OW), e.vrs());
        assertEquals(VR.US, ElementDictionary.vrOf(0x50000005)); // CurveDimensions
        assertEquals("NumberOfPoints", ElementDictionary.keywordOf(0x501E0010));
        assertEquals(VR.UL, ElementDictionary.vrOf(0x50062006)); // NumberOfSamples
    }

    @Test
    void elementRanges() {
        assertEquals("SourceImageIDs", ElementDictionary.keywordOf(0x002031A7));
        assertEquals(VR.CS, ElementDictionary.vrOf(0x00203100));
        assertEquals("EscapeTriplet", ElementDictionary.keywordOf(0x10001230));
        assertEquals("ZonalMap", ElementDictionary.keywordOf(0x1010ABCD));
        assertEquals("RowsForNthOrderCoefficients", ElementDictionary.keywordOf(0x00280430));
        // A single element inside a range wins: (0028,0400) is Transform Label, not (0028,04x0).
        assertEquals("TransformLabel", ElementDictionary.keywordOf(0x00280400));
        assertEquals(0x00280410, Tag.RowsForNthOrderCoefficients);
        assertEquals(Tag.RowsForNthOrderCoefficients, ElementDictionary.tagOf("RowsForNthOrderCoefficients"));
        assertEquals("(0028,04x0)", ElementDictionary.entry(0x00280410).pattern());
        // Group lengths are never part of a range.
        assertEquals(VR.UL, ElementDictionary.vrOf(0x10000000));
        assertNull(ElementDictionary.entry(0x10100000));
        assertEquals(0x10000010, Tag.EscapeTriplet);
        assertEquals("VariablePixelData", ElementDictionary.keywordOf(0x7F200010));
        // (7FE0,0010) is Pixel Data itself, not Variable Pixel Data.
        assertEquals("PixelData", ElementDictionary.keywordOf(0x7FE00010));
    }

    @Test
    void commandAndFileMetaGroups() {
        assertEquals(VR.UL, ElementDictionary.vrOf(0x00000000));
        assertEquals("CommandGroupLength", ElementDictionary.keywordOf(0x00000000));
        assertEquals("AffectedSOPClassUID", ElementDictionary.keywordOf(0x00000002));
        assertEquals(VR.US, ElementDictionary.vrOf(0x00000100)); // CommandField
        assertEquals("FileMetaInformationGroupLength", ElementDictionary.keywordOf(Tag.FileMetaInformationGroupLength));
        assertEquals(List.of(VR.OB), ElementDictionary.entry(Tag.FileMetaInformationVersion).vrs());
        assertEquals(VR.UI, ElementDictionary.vrOf(Tag.TransferSyntaxUID));
    }

    @Test
    void privateGroupLengthAndUnknownTags() {
        assertEquals(VR.UL, ElementDictionary.vrOf(0x00090000));
        assertEquals(VR.UL, ElementDictionary.vrOf(0x00080000));
        assertEquals(VR.LO, ElementDictionary.vrOf(0x00290010));
        assertEquals(VR.LO, ElementDictionary.vrOf(0x001900FF));
        assertEquals(VR.UN, ElementDictionary.vrOf(0x00291010));
        assertEquals(VR.UN, ElementDictionary.vrOf(0x00290100));
        assertEquals(VR.UN, ElementDictionary.vrOf(0x0010FFFE));
        assertNull(ElementDictionary.keywordOf(0x00291010));
        assertNull(ElementDictionary.entry(0x00290010));
        assertEquals(-1, ElementDictionary.tagOf("NoSuchKeyword"));
    }

    @Test
    void itemsAndDelimitersHaveNoVr() {
        DictionaryEntry item = ElementDictionary.entry(0xFFFEE000);
        assertEquals("Item", item.keyword());
        assertTrue(item.vrs().isEmpty());
        assertEquals(VR.UN, ElementDictionary.vrOf(0xFFFEE0DD));
        assertEquals("SequenceDelimitationItem", ElementDictionary.keywordOf(0xFFFEE0DD));
    }

    @Test
    void elementsTakenFromDcmtkWherePydicomLacksThem() {
        assertEquals(VR.UI, ElementDictionary.vrOf(Tag.PyramidUID));
        assertEquals("Pyramid UID", ElementDictionary.entry(0x00080019).name());
    }

    @Test
    void resolveKeywordOrHex() {
        assertEquals(0x00100010, ElementDictionary.resolve("PatientName"));
        assertEquals(0x00100010, ElementDictionary.resolve("00100010"));
        assertEquals(0x00291010, ElementDictionary.resolve("00291010"));
        assertEquals(-1, ElementDictionary.resolve("Patient Name"));
    }

    @Test
    void keywordTagRoundTripOverTheWholeTable() {
        List<DictionaryEntry> all = ElementDictionary.entries();
        assertTrue(all.size() > 4000, "entries: " + all.size());
        Set<String> keywords = new HashSet<>();
        int repeating = 0;
        for (DictionaryEntry e : all) {
            assertTrue(e.matches(e.tag()), e.pattern());
            assertSame(e, ElementDictionary.entry(e.tag()), e.pattern());
            assertEquals(e.vr(), ElementDictionary.vrOf(e.tag()), e.pattern());
            if (e.isRepeating()) {
                repeating++;
            }
            if (e.keyword() != null) {
                assertTrue(keywords.add(e.keyword()), e.keyword());
                assertEquals(e.tag(), ElementDictionary.tagOf(e.keyword()), e.keyword());
                assertEquals(e.keyword(), ElementDictionary.keywordOf(e.tag()));
                assertSame(e, ElementDictionary.entry(e.keyword()));
                assertFalse(e.name().isEmpty(), e.pattern());
            }
            assertFalse(e.vm().isEmpty(), e.pattern());
        }
        assertTrue(keywords.size() > 4000, "keywords: " + keywords.size());
        assertTrue(repeating > 80, "repeating: " + repeating);
    }

    @Test
    void everyTagConstantIsItsKeywordsTag() throws IllegalAccessException {
        int n = 0;
        for (Field f : Tag.class.getFields()) {
            assertTrue(Modifier.isStatic(f.getModifiers()) && f.getType() == int.class, f.getName());
            int tag = f.getInt(null);
            assertEquals(tag, ElementDictionary.tagOf(f.getName()), f.getName());
            assertEquals(f.getName(), ElementDictionary.keywordOf(tag), f.getName());
            n++;
        }
        assertEquals(ElementDictionary.entries().stream().filter(e -> e.keyword() != null).count(), n);
    }
}
