package org.hozon.dicom.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.hozon.dicom.BulkData;
import org.hozon.dicom.ByteOrder;
import org.hozon.dicom.Dataset;
import org.hozon.dicom.Fragments;
import org.hozon.dicom.Sequence;
import org.hozon.dicom.TransferSyntax;
import org.hozon.dicom.VR;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DicomWriterTest {

    /** Read then write: the same bytes, File Meta Information and preamble kept as read. */
    @ParameterizedTest
    @ValueSource(strings = {
        "ct-explicit-le.dcm", "ct-explicit-le-undefined.dcm", "ct-implicit-le.dcm", "ct-implicit-le-undefined.dcm",
        "ct-explicit-be.dcm", "ct-explicit-be-undefined.dcm", "mf-8bit.dcm", "mf-rle.dcm", "mf-jpeg.dcm",
        "sr-dcmtk.dcm", "sr-dcmtk-undefined.dcm",
    })
    void roundTripIsByteExact(String name) throws Exception {
        byte[] original = TestFiles.bytes(name);
        DicomReader reader = TestFiles.reader(original);
        Dataset ds = reader.readDataset();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomWriter(out).preamble(reader.preamble()).writeFile(reader.fileMetaInformation(), ds);
        assertArrayEquals(original, out.toByteArray());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ct-raw-implicit.dcm", "ct-raw-explicit.dcm"})
    void bareDataSetRoundTrip(String name) throws Exception {
        byte[] original = TestFiles.bytes(name);
        DicomReader reader = TestFiles.reader(original);
        Dataset ds = reader.readDataset();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomWriter(out).writeDataset(ds, reader.transferSyntax());
        assertArrayEquals(original, out.toByteArray());
    }

    /** Bulk values are skipped on reading and streamed from the file on writing. */
    @Test
    void roundTripWithBulkDataFromFile(@TempDir Path dir) throws Exception {
        for (String name : new String[] {"ct-explicit-le.dcm", "mf-rle.dcm", "ct-explicit-be.dcm"}) {
            Path file = dir.resolve(name);
            Files.write(file, TestFiles.bytes(name));
            DicomReader reader;
            Dataset ds;
            try (var in = Files.newInputStream(file)) {
                reader = new DicomReader(in, Files.size(file)).handler(ElementHandler.bulkAbove(64));
                ds = reader.readDataset();
            }
            Object pixels = ds.value(0x7FE00010);
            assertTrue(pixels instanceof BulkData || ((Fragments) pixels).get(1) instanceof BulkData, name);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new DicomWriter(out).bulkDataSource(BulkDataSource.ofFile(file))
                    .writeFile(reader.fileMetaInformation(), ds);
            assertArrayEquals(Files.readAllBytes(file), out.toByteArray(), name);
        }
    }

    /**
     * Transcoding gives the data set bytes dcmtk wrote for the same syntax (all lengths undefined
     * in these files, so the length encoding is the same), with regenerated File Meta Information.
     */
    @ParameterizedTest
    @CsvSource({
        "ct-explicit-le-undefined.dcm, ct-implicit-le-undefined.dcm, 1.2.840.10008.1.2",
        "ct-explicit-le-undefined.dcm, ct-explicit-be-undefined.dcm, 1.2.840.10008.1.2.2",
        "ct-explicit-be-undefined.dcm, ct-explicit-le-undefined.dcm, 1.2.840.10008.1.2.1",
    })
    void transcodesLikeDcmtk(String from, String expectedFile, String tsUid) throws Exception {
        DicomReader reader = TestFiles.reader(TestFiles.bytes(from));
        Dataset ds = reader.readDataset();
        Dataset fmi = FileMetaInformation.withTransferSyntax(reader.fileMetaInformation(), tsUid);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomWriter(out).omitGroupLengths(true).writeFile(fmi, ds);
        byte[] written = out.toByteArray();

        DicomReader check = TestFiles.reader(written);
        check.readDataset();
        assertFileMeta(check, written, tsUid);
        byte[] expected = TestFiles.bytes(expectedFile);
        DicomReader dcmtk = TestFiles.reader(expected);
        dcmtk.readFileMetaInformation();
        assertArrayEquals(Arrays.copyOfRange(expected, (int) dcmtk.datasetOffset(), expected.length),
                Arrays.copyOfRange(written, (int) check.datasetOffset(), written.length));
    }

    /** Implicit to explicit: VRs come from the dictionary; values unchanged. */
    @Test
    void transcodesImplicitToExplicit() throws Exception {
        DicomReader reader = TestFiles.reader(TestFiles.bytes("ct-implicit-le.dcm"));
        Dataset ds = reader.readDataset();
        String uid = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomWriter(out).writeFile(FileMetaInformation.withTransferSyntax(reader.fileMetaInformation(), uid), ds);
        byte[] written = out.toByteArray();
        DicomReader check = TestFiles.reader(written);
        Dataset back = check.readDataset();
        assertFileMeta(check, written, uid);
        assertEquals(ds, back);
        assertEquals(ds.getString(0x00100010), back.getString(0x00100010));
    }

    /** Every syntax, Deflated included: what is written reads back equal. */
    @ParameterizedTest
    @ValueSource(strings = {"1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2", "1.2.840.10008.1.2.1.99"})
    void writesEverySyntax(String uid) throws Exception {
        DicomReader reader = TestFiles.reader(TestFiles.bytes("ct-explicit-le.dcm"));
        Dataset ds = reader.readDataset();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomWriter(out).writeFile(FileMetaInformation.create(ds, uid), ds);
        byte[] written = out.toByteArray();
        DicomReader check = TestFiles.reader(written);
        Dataset back = check.readDataset();
        assertFileMeta(check, written, uid);
        assertEquals(normalized(ds, uid), normalized(back, uid));
    }

    /** The listing in little endian; without VRs for Implicit VR, which does not keep private ones. */
    private static List<String> normalized(Dataset ds, String uid) {
        ds.setBigEndian(false);
        List<String> lines = TestFiles.listing(ds);
        if (uid.equals(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid())) {
            lines.replaceAll(line -> line.replaceFirst(" [A-Z][A-Z] ", " - "));
        }
        return lines;
    }

    @Test
    void deflatedFileOfDcmtkReadsLikeItsSource() throws Exception {
        Dataset deflated = TestFiles.read(TestFiles.bytes("ct-deflated.dcm"));
        Dataset plain = TestFiles.read(TestFiles.bytes("ct-explicit-le.dcm"));
        assertEquals(TestFiles.listing(plain).size(), TestFiles.listing(deflated).size());
        assertEquals(plain, deflated);
    }

    @Test
    void longValueWithShortHeaderVrIsWrittenAsUn() throws Exception {
        Dataset ds = new Dataset();
        byte[] big = new byte[70000];
        Arrays.fill(big, (byte) 'A');
        ds.set(0x00081030, VR.LO, big);
        ds.set(0x00100010, VR.PN, "Short^Name".getBytes());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomWriter(out).writeDataset(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Dataset back = new DicomReader(new java.io.ByteArrayInputStream(out.toByteArray()))
                .transferSyntax(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).readDataset();
        assertEquals(VR.UN, back.vr(0x00081030));
        assertArrayEquals(big, back.bytes(0x00081030));
        assertEquals(VR.PN, back.vr(0x00100010));
    }

    /** CP-246: an Explicit VR UN of undefined length holds Implicit VR Little Endian items. */
    @Test
    void unknownSequenceInExplicitVrRoundTrips() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {0x09, 0, 0x10, 0, 'L', 'O', 4, 0, 'A', 'B', 'C', ' '});
        b.writeBytes(new byte[] {0x09, 0, 0x01, 0x10, 'U', 'N', 0, 0, -1, -1, -1, -1});
        b.writeBytes(new byte[] {-2, -1, 0, -32, -1, -1, -1, -1});          // item, undefined length
        b.writeBytes(new byte[] {0x08, 0, 0x00, 0x01, 2, 0, 0, 0, 'X', '1'});  // (0008,0100) implicit
        b.writeBytes(new byte[] {-2, -1, 0x0D, -32, 0, 0, 0, 0});             // item delimiter
        b.writeBytes(new byte[] {-2, -1, -35, -32, 0, 0, 0, 0});              // sequence delimiter
        b.writeBytes(new byte[] {0x10, 0, 0x10, 0, 'P', 'N', 2, 0, 'A', ' '});
        byte[] bytes = b.toByteArray();
        Dataset ds = new DicomReader(new java.io.ByteArrayInputStream(bytes)).readDataset();
        assertEquals(VR.UN, ds.vr(0x00091001));
        Sequence seq = ds.sequence(0x00091001);
        assertNotNull(seq);
        assertArrayEquals("X1".getBytes(), seq.get(0).bytes(0x00080100));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomWriter(out).writeDataset(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertArrayEquals(bytes, out.toByteArray());
    }

    @Test
    void fileMetaInformationIsHozons() {
        Dataset ds = new Dataset();
        ds.set(0x00080016, VR.UI, "1.2.840.10008.5.1.4.1.1.2\0".getBytes());
        ds.set(0x00080018, VR.UI, "1.2.3.4".getBytes());
        Dataset fmi = FileMetaInformation.create(ds, "1.2.840.10008.1.2.1");
        assertArrayEquals(new byte[] {0, 1}, fmi.bytes(0x00020001));
        assertEquals("1.2.840.10008.5.1.4.1.1.2", fmi.getString(0x00020002));
        assertEquals("1.2.3.4", fmi.getString(0x00020003));
        assertEquals(Implementation.CLASS_UID, fmi.getString(0x00020012));
        assertEquals("HOZON_0.1", fmi.getString(0x00020013));
        assertTrue(Implementation.CLASS_UID.length() <= 64 && Implementation.CLASS_UID.startsWith("2.25."));
    }

    @Test
    void writesFragmentsAndFindsFrames() throws Exception {
        Dataset ds = TestFiles.read(TestFiles.bytes("mf-jpeg.dcm"));
        List<Frames.Frame> frames = Frames.of(ds);
        assertEquals(List.of(new Frames.Frame(1, 1), new Frames.Frame(2, 1)), frames);
        Dataset rle = TestFiles.read(TestFiles.bytes("mf-rle.dcm"));
        assertEquals(0, ((byte[]) ((Fragments) rle.value(0x7FE00010)).get(0)).length);
        assertEquals(List.of(new Frames.Frame(1, 1), new Frames.Frame(2, 1)), Frames.of(rle));
    }

    /** The File Meta Information has the right syntax and a group length matching its bytes. */
    private static void assertFileMeta(DicomReader reader, byte[] written, String tsUid) {
        Dataset fmi = reader.fileMetaInformation();
        assertEquals(tsUid, fmi.getString(0x00020010));
        assertEquals(Implementation.CLASS_UID, fmi.getString(0x00020012));
        long groupLength = ByteOrder.i32(fmi.bytes(0x00020000), 0, false);
        assertEquals(reader.datasetOffset() - 132 - 12, groupLength);
        assertEquals("DICM", new String(written, 128, 4));
        assertInstanceOf(byte[].class, fmi.value(0x00020001));
    }
}
