package org.hozon.dicom.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;

import org.hozon.dicom.BulkData;
import org.hozon.dicom.ByteOrder;
import org.hozon.dicom.Dataset;
import org.hozon.dicom.Fragments;
import org.hozon.dicom.TransferSyntax;
import org.hozon.dicom.VR;
import org.junit.jupiter.api.Test;

/** Header-only parsing, bulk data by reference and stop points, measured in bytes read. */
class ElementHandlerTest {
    private static final long PIXELS = 500L << 20;

    /** The header of the CT test file followed by a 500 MiB Pixel Data header, Explicit VR LE. */
    private static byte[] bigCtHead() throws Exception {
        DicomReader reader = TestFiles.reader(TestFiles.bytes("ct-explicit-le.dcm"));
        Dataset ds = reader.readDataset();
        ds.remove(0x7FE00010);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomWriter(out).writeFile(reader.fileMetaInformation(), ds);
        byte[] pixelHeader = {(byte) 0xE0, 0x7F, 0x10, 0, 'O', 'W', 0, 0, 0, 0, 0, 0};
        ByteOrder.put32(pixelHeader, 8, (int) PIXELS, false);
        out.writeBytes(pixelHeader);
        return out.toByteArray();
    }

    @Test
    void headerOfA500MiBObjectIsParsedWithAFewKiBOfReads() throws Exception {
        byte[] head = bigCtHead();
        SyntheticStream in = new SyntheticStream(head, PIXELS);
        DicomReader reader = new DicomReader(in, in.length()).handler(ElementHandler.stopAtPixelData(1 << 20));
        Dataset ds = reader.readDataset();
        StoppedElement stop = reader.stoppedAt();
        assertNotNull(stop);
        assertEquals(0x7FE00010, stop.tag());
        assertEquals(VR.OW, stop.vr());
        assertEquals(head.length - 12, stop.headerOffset());
        assertEquals(head.length, stop.valueOffset());
        assertEquals(PIXELS, stop.length());
        assertTrue(stop.topLevel());
        assertEquals(head.length, reader.position());
        assertEquals("M\u00fcller^Hans".length(), ds.getString(0x00100010).length());
        assertFalse(ds.contains(0x7FE00010));
        assertTrue(in.bytesRead <= 16 * 1024, "read " + in.bytesRead + " bytes");
        assertEquals(0, in.bytesSkipped);
    }

    @Test
    void bulkValuesAreSkippedNotRead() throws Exception {
        byte[] head = bigCtHead();
        SyntheticStream in = new SyntheticStream(head, PIXELS);
        DicomReader reader = new DicomReader(in, in.length()).handler(ElementHandler.bulkAbove(256));
        Dataset ds = reader.readDataset();
        assertNull(reader.stoppedAt());
        assertEquals(new BulkData(head.length, PIXELS, false), ds.value(0x7FE00010));
        assertEquals(512, ((BulkData) ds.value(0x00091004)).length());
        assertTrue(in.bytesRead <= 16 * 1024, "read " + in.bytesRead + " bytes");
        assertTrue(in.bytesSkipped >= PIXELS - 8192);
    }

    @Test
    void stopsAtLargeElementAndAtEncapsulatedPixelData() throws Exception {
        DicomReader reader = TestFiles.reader(TestFiles.bytes("ct-explicit-le.dcm"))
                .handler(ElementHandler.stopAtPixelData(300));
        Dataset ds = reader.readDataset();
        assertEquals(0x00091004, reader.stoppedAt().tag());     // the 512-byte private OB
        assertEquals(512, reader.stoppedAt().length());
        assertTrue(ds.contains(0x00091003) && !ds.contains(0x00100010));

        reader = TestFiles.reader(TestFiles.bytes("mf-jpeg.dcm")).handler(ElementHandler.stopAtPixelData(1 << 20));
        reader.readDataset();
        assertEquals(0x7FE00010, reader.stoppedAt().tag());
        assertEquals(-1, reader.stoppedAt().length());
    }

    @Test
    void bulkFragmentsKeepTheirOffsets() throws Exception {
        byte[] file = TestFiles.bytes("mf-rle.dcm");
        Dataset ds = TestFiles.reader(file).handler(ElementHandler.bulkAbove(0)).readDataset();
        Fragments fragments = (Fragments) ds.value(0x7FE00010);
        Fragments read = (Fragments) TestFiles.read(file).value(0x7FE00010);
        for (int i = 1; i < fragments.size(); i++) {
            BulkData bulk = (BulkData) fragments.get(i);
            byte[] expected = (byte[]) read.get(i);
            assertEquals(expected.length, bulk.length());
            assertEquals(java.nio.ByteBuffer.wrap(expected),
                    java.nio.ByteBuffer.wrap(file, (int) bulk.offset(), (int) bulk.length()));
        }
    }

    @Test
    void bareDataSetWithGivenSyntax() throws Exception {
        byte[] raw = TestFiles.bytes("ct-raw-implicit.dcm");
        DicomReader reader = TestFiles.reader(raw).transferSyntax(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        Dataset ds = reader.readDataset();
        assertEquals(TestFiles.read(TestFiles.bytes("ct-implicit-le.dcm")), ds);
    }
}
