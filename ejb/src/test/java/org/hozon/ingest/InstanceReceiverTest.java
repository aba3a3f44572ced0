package org.hozon.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

import org.hozon.dicom.BulkData;
import org.hozon.dicom.Dataset;
import org.hozon.dicom.Tag;
import org.hozon.dicom.TransferSyntax;
import org.hozon.dicom.VR;
import org.hozon.dicom.io.DicomWriter;
import org.hozon.dicom.io.FileMetaInformation;
import org.hozon.dicomweb.multipart.MultipartException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceReceiverTest {
    @TempDir
    Path dir;

    @Test
    void copiesHashesAndParsesInOnePass() throws Exception {
        byte[] file = file(dataset("1.2.3.4", "1.2.3"), 4096);
        ReceivedInstance r = InstanceReceiver.receive(new ByteArrayInputStream(file), dir.resolve("a.part"), null);
        assertArrayEquals(file, Files.readAllBytes(r.file()));
        assertEquals(file.length, r.size());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)), r.sha256());
        assertEquals("1.2.3.4", r.sopInstanceUid());
        assertEquals(file.length - 4096, r.pixelDataOffset());
        assertEquals(4096L, r.pixelDataLength());
        assertTrue(r.dataset().value(Tag.PixelData) instanceof BulkData, "Pixel Data not in memory");
        assertEquals("1.2.840.10008.1.2.1", r.transferSyntaxUid());
    }

    @Test
    void inspectsAWrittenFileAsReceptionParsesIt() throws Exception {
        byte[] file = file(dataset("1.2.3.5", "1.2.3"), 70_000);
        ReceivedInstance streamed = InstanceReceiver.receive(new ByteArrayInputStream(file), dir.resolve("c.part"), null);
        Path written = Files.write(dir.resolve("d.part"), file);
        ReceivedInstance inspected = InstanceReceiver.inspect(written, file.length, streamed.sha256());
        assertEquals(written, inspected.file());
        assertEquals(streamed.withoutFile().sopInstanceUid(), inspected.sopInstanceUid());
        assertEquals(streamed.pixelDataOffset(), inspected.pixelDataOffset());
        assertEquals(streamed.pixelDataLength(), inspected.pixelDataLength());
        assertEquals(streamed.transferSyntaxUid(), inspected.transferSyntaxUid());
        assertEquals(streamed.size(), inspected.size());
        assertTrue(inspected.dataset().value(Tag.PixelData) instanceof BulkData, "Pixel Data not in memory");

        Path notDicom = Files.write(dir.resolve("e.part"), new byte[300]);
        IngestException e = assertThrows(IngestException.class, () -> InstanceReceiver.inspect(notDicom, 300, "00"));
        assertEquals(FailureReason.CANNOT_UNDERSTAND, e.failureReason());
    }

    @Test
    void refusesStudyMismatchWithA900() throws Exception {
        byte[] file = file(dataset("1.2.3.4", "1.2.3"), 16);
        IngestException e = assertThrows(IngestException.class,
                () -> InstanceReceiver.receive(new ByteArrayInputStream(file), dir.resolve("b.part"), "1.2.99"));
        assertEquals(FailureReason.STUDY_UID_MISMATCH, e.failureReason());
        assertEquals("1.2.3.4", e.sopInstanceUid());
    }

    @Test
    void refusesBadUidsAndNonDicom() throws Exception {
        IngestException badUid = assertThrows(IngestException.class, () -> InstanceReceiver.receive(
                new ByteArrayInputStream(file(dataset("1.02.3", "1.2.3"), 16)), dir.resolve("c.part"), null));
        assertEquals(FailureReason.CANNOT_UNDERSTAND, badUid.failureReason());
        IngestException text = assertThrows(IngestException.class, () -> InstanceReceiver.receive(
                new ByteArrayInputStream("hello, this is not DICOM".repeat(20).getBytes()), dir.resolve("d.part"), null));
        assertEquals(FailureReason.CANNOT_UNDERSTAND, text.failureReason());
    }

    @Test
    void valueLongerThanThePartIsNotUnderstood() throws Exception {
        byte[] file = file(dataset("1.2.3.4", "1.2.3"), 16);
        byte[] cut = Arrays.copyOf(file, file.length - 8); // Pixel Data claims more than remains
        IngestException e = assertThrows(IngestException.class,
                () -> InstanceReceiver.receive(new ByteArrayInputStream(cut), dir.resolve("e.part"), null));
        assertEquals(FailureReason.CANNOT_UNDERSTAND, e.failureReason());
    }

    @Test
    void brokenBodyIsAMultipartError() throws Exception {
        byte[] file = file(dataset("1.2.3.4", "1.2.3"), 100_000);
        InputStream failing = new InputStream() {
            int pos;

            @Override
            public int read() throws IOException {
                if (pos == 50_000) {
                    throw new MultipartException("body ends before the close delimiter");
                }
                return file[pos++] & 0xFF;
            }
        };
        assertThrows(MultipartException.class, () -> InstanceReceiver.receive(failing, dir.resolve("f.part"), null));
    }

    @Test
    void uidSyntax() {
        assertTrue(Uids.isValid("1.2.840.10008.1.2.1"));
        assertTrue(Uids.isValid("2.25.0"));
        assertFalse(Uids.isValid("1.02"));
        assertFalse(Uids.isValid("1..2"));
        assertFalse(Uids.isValid("1.2."));
        assertFalse(Uids.isValid("../etc"));
        assertFalse(Uids.isValid("1".repeat(65)));
        assertFalse(Uids.isValid(null));
    }

    @Test
    void pendingNamesRoundTripAndRejectStrangers() {
        String path = StorePaths.storagePath("1.2.3", "1.2.3.4", "1.2.3.4.5");
        assertTrue(path.matches("[0-9a-f]{2}/[0-9a-f]{32}/[0-9a-f]{16}/[0-9a-f]{24}-[0-9a-f]{12}\\.dcm"), path);
        String[] parsed = StorePaths.parsePending(StorePaths.pendingName("1.2.3.4.5", path));
        assertEquals("1.2.3.4.5", parsed[0]);
        assertEquals(path, parsed[1]);
        assertNull(StorePaths.parsePending("1.2~..+..+etc+passwd.pending"));
    }

    @Test
    void timesAreNormalized() {
        assertEquals("103000.000000", DicomText.time("1030"));
        assertEquals("103045.500000", DicomText.time("10:30:45.5"));
        assertNull(DicomText.time("10a"));
    }

    private static Dataset dataset(String sop, String study) {
        Dataset ds = new Dataset();
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
        ds.setString(Tag.SOPInstanceUID, VR.UI, sop);
        ds.setString(Tag.StudyInstanceUID, VR.UI, study);
        ds.setString(Tag.SeriesInstanceUID, VR.UI, study + ".1");
        return ds;
    }

    private static byte[] file(Dataset ds, int pixelBytes) throws IOException {
        ds.set(Tag.PixelData, VR.OB, new byte[pixelBytes]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomWriter(out).writeFile(FileMetaInformation.create(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid()), ds);
        return out.toByteArray();
    }
}
