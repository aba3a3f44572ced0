package org.hozon.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.hozon.dicom.Dataset;
import org.hozon.dicom.Tag;
import org.hozon.dicom.TransferSyntax;
import org.hozon.dicom.VR;
import org.hozon.dicom.io.DicomWriter;
import org.hozon.dicom.io.FileMetaInformation;

/** Small DICOM instances made with the toolkit, and STOW-RS request bodies holding them. */
final class TestInstances {
    /** UIDs under this root make the server's test hook fail the index transaction (see ear/pom.xml). */
    static final String FAILING_ROOT = "1.2.826.0.1.3680043.9.7599.666.";
    static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    static final String MR = "1.2.840.10008.5.1.4.1.1.4";
    static final String BOUNDARY = "hozon-it-boundary-0123456789";

    private TestInstances() {
    }

    /** A fresh UID (2.25 form, from a random UUID). */
    static String uid() {
        return "2.25." + new java.math.BigInteger(1, uuidBytes());
    }

    private static byte[] uuidBytes() {
        UUID u = UUID.randomUUID();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16);
        b.putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
        return b.array();
    }

    /** A data set with patient, study, series and instance attributes, without Pixel Data. */
    static Dataset header(String patientId, String patientName, String birthDate, String study, String series,
            String sop, String sopClass, String modality) {
        Dataset ds = new Dataset();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        ds.setString(Tag.SOPClassUID, VR.UI, sopClass);
        ds.setString(Tag.SOPInstanceUID, VR.UI, sop);
        ds.setString(Tag.StudyDate, VR.DA, "20240115");
        ds.setString(Tag.StudyTime, VR.TM, "1030");
        ds.setString(Tag.AccessionNumber, VR.SH, "ACC" + Math.abs(study.hashCode() % 100000));
        ds.setString(Tag.Modality, VR.CS, modality);
        ds.setString(Tag.ReferringPhysicianName, VR.PN, "Suzuki^Ichiro=鈴木^一郎=すずき^いちろう");
        ds.setString(Tag.PatientName, VR.PN, patientName);
        ds.setString(Tag.PatientID, VR.LO, patientId);
        ds.setString(Tag.PatientBirthDate, VR.DA, birthDate);
        ds.setString(Tag.PatientSex, VR.CS, "M");
        ds.setString(Tag.StudyInstanceUID, VR.UI, study);
        ds.setString(Tag.SeriesInstanceUID, VR.UI, series);
        ds.setString(Tag.StudyID, VR.SH, "1");
        ds.setString(Tag.SeriesNumber, VR.IS, "1");
        ds.setString(Tag.InstanceNumber, VR.IS, "1");
        Dataset request = ds.newSequence(Tag.RequestAttributesSequence).addItem();
        request.setString(Tag.RequestedProcedureID, VR.SH, "RP1");
        request.setString(Tag.ScheduledProcedureStepID, VR.SH, "SPS1");
        ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        ds.setInt(Tag.Rows, VR.US, 16);
        ds.setInt(Tag.Columns, VR.US, 16);
        ds.setInt(Tag.BitsAllocated, VR.US, 16);
        ds.setInt(Tag.BitsStored, VR.US, 12);
        ds.setInt(Tag.HighBit, VR.US, 11);
        ds.setInt(Tag.PixelRepresentation, VR.US, 0);
        return ds;
    }

    /** A Part 10 file of {@code ds} with a 16x16 16-bit image whose pixels depend on {@code seed}. */
    static byte[] file(Dataset ds, int seed) {
        byte[] pixels = new byte[16 * 16 * 2];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 7 + seed);
        }
        ds.set(Tag.PixelData, VR.OW, pixels);
        return part10(ds);
    }

    /**
     * {@code ds} as a Part 10 file in Explicit VR Little Endian; without Pixel Data it is just a
     * header (preamble to where Pixel Data would start).
     */
    static byte[] part10(Dataset ds) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new DicomWriter(out).writeFile(FileMetaInformation.create(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid()), ds);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A complete multipart/related body with one application/dicom part per entry. */
    static byte[] multipart(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(partHeader());
            out.writeBytes(part);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    static byte[] partHeader() {
        return ("--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] closeDelimiter() {
        return ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The Content-Type of the bodies made here. */
    static String contentType() {
        return "multipart/related; type=\"application/dicom\"; boundary=" + BOUNDARY;
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    /** Concatenates streams. */
    static InputStream concat(InputStream... streams) {
        List<InputStream> list = new ArrayList<>();
        Collections.addAll(list, streams);
        return new SequenceInputStream(Collections.enumeration(list));
    }
}
