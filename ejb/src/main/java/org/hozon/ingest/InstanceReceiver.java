package org.hozon.ingest;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.hozon.dicom.BulkData;
import org.hozon.dicom.Dataset;
import org.hozon.dicom.Fragments;
import org.hozon.dicom.Tag;
import org.hozon.dicom.Tags;
import org.hozon.dicom.TransferSyntax;
import org.hozon.dicom.io.DicomParseException;
import org.hozon.dicom.io.DicomReader;
import org.hozon.dicom.io.ElementHandler;
import org.hozon.dicomweb.multipart.MultipartException;

/**
 * Receives one instance: streams it into a temporary file while computing its SHA-256 and
 * parsing its header in the same pass, then validates it. Pixel Data and other large values are
 * not read into memory: the parser skips them (the tee still copies their bytes to the file) and
 * keeps {@link BulkData} references with their offsets in the file.
 */
public final class InstanceReceiver {
    /** Binary values longer than this are kept as references, not in the header. */
    static final int BULK_THRESHOLD = 1024;
    /** Any value longer than this is kept as a reference, whatever its VR: bounds the header's memory. */
    static final int MAX_INLINE_VALUE = 64 * 1024;
    private static final int BUFFER = 64 * 1024;

    private static final ElementHandler HANDLER = (dataset, tag, vr, valueOffset, length) ->
            length < 0 || Tags.isPixelData(tag) || length > MAX_INLINE_VALUE
                    || (length > BULK_THRESHOLD && vr.isBulkCandidate())
                    ? ElementHandler.Action.BULK : ElementHandler.Action.READ;

    private InstanceReceiver() {
    }

    /**
     * Streams {@code body} into {@code temp} (created), hashes, parses and validates it.
     *
     * @param body          the part's body
     * @param temp          the temporary file to write
     * @param expectedStudy the Study Instance UID the request requires, or null
     * @return the received instance; the file is fsynced
     * @throws MultipartException if the body itself is broken (truncated): the request is unreadable
     * @throws IngestException    if the instance must be refused (the caller deletes the file)
     */
    public static ReceivedInstance receive(InputStream body, Path temp, String expectedStudy)
            throws IngestException, MultipartException {
        MessageDigest sha256 = sha256();
        Dataset dataset;
        DicomReader reader;
        long size;
        try (FileChannel file = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            DigestingTee tee = new DigestingTee(body, file, sha256);
            reader = new DicomReader(tee, -1, BUFFER).handler(HANDLER);
            try {
                dataset = reader.readDataset();
                tee.drain();
            } catch (IOException e) {
                if (tee.sourceFailure() instanceof MultipartException m) {
                    throw m;
                }
                if (tee.sourceFailure() != null) {
                    throw new MultipartException("the request body could not be read: " + tee.sourceFailure().getMessage());
                }
                if (e instanceof DicomParseException) {
                    throw new IngestException(FailureReason.CANNOT_UNDERSTAND, "not readable DICOM: " + e.getMessage(), e);
                }
                throw new IngestException(FailureReason.OUT_OF_RESOURCES, "cannot write the local store: " + e.getMessage(), e);
            } catch (RuntimeException e) {
                // the parser's guard against nonsense it cannot classify: still "cannot understand"
                throw new IngestException(FailureReason.CANNOT_UNDERSTAND, "not readable DICOM: " + e, e);
            }
            size = tee.count();
            file.force(false); // fdatasync: the data and the size, all a reader needs
        } catch (IOException e) {
            if (e instanceof MultipartException m) {
                throw m;
            }
            throw new IngestException(FailureReason.OUT_OF_RESOURCES, "cannot write the local store: " + e.getMessage(), e);
        }
        return validate(temp, size, HexFormat.of().formatHex(sha256.digest()), reader, dataset, expectedStudy);
    }

    /**
     * Parses and validates an instance that the caller already wrote to {@code file} and fsynced,
     * computing its SHA-256 and size while writing (a restore from an archive copy). Only the
     * header is read: bulk values are skipped by position, so the cost does not grow with Pixel
     * Data. The checks and the {@link BulkData} offsets are those of {@link #receive}.
     *
     * @param file   the written file
     * @param size   its length
     * @param sha256 SHA-256 of its bytes, lower-case hex
     * @return the received instance (its file is {@code file})
     * @throws IngestException if the instance must be refused (the caller deletes the file)
     */
    public static ReceivedInstance inspect(Path file, long size, String sha256) throws IngestException {
        Dataset dataset;
        DicomReader reader;
        try (InputStream in = new FileInputStream(file.toFile())) {
            reader = new DicomReader(in, size, BUFFER).handler(HANDLER);
            dataset = reader.readDataset();
        } catch (DicomParseException e) {
            throw new IngestException(FailureReason.CANNOT_UNDERSTAND, "not readable DICOM: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IngestException(FailureReason.OUT_OF_RESOURCES, "cannot read the local store: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IngestException(FailureReason.CANNOT_UNDERSTAND, "not readable DICOM: " + e, e);
        }
        return validate(file, size, sha256, reader, dataset, null);
    }

    private static ReceivedInstance validate(Path temp, long size, String sha256, DicomReader reader, Dataset ds,
            String expectedStudy) throws IngestException {
        if (reader.fileMetaInformation() == null) {
            throw new IngestException(FailureReason.CANNOT_UNDERSTAND, "not a DICOM Part 10 object (no File Meta Information)");
        }
        String sopClass = ds.getString(Tag.SOPClassUID);
        if (!Uids.isValid(sopClass)) {
            throw new IngestException(FailureReason.SOP_CLASS_NOT_SUPPORTED, "SOP Class UID missing or invalid: "
                    + quote(sopClass)).of(null, Uids.isValid(ds.getString(Tag.SOPInstanceUID)) ? ds.getString(Tag.SOPInstanceUID) : null);
        }
        String sopInstance = ds.getString(Tag.SOPInstanceUID);
        if (!Uids.isValid(sopInstance)) {
            throw new IngestException(FailureReason.CANNOT_UNDERSTAND, "SOP Instance UID missing or invalid: "
                    + quote(sopInstance)).of(sopClass, null);
        }
        String study = requireUid(ds, Tag.StudyInstanceUID, "Study Instance UID", sopClass, sopInstance);
        String series = requireUid(ds, Tag.SeriesInstanceUID, "Series Instance UID", sopClass, sopInstance);
        if (expectedStudy != null && !expectedStudy.equals(study)) {
            throw new IngestException(FailureReason.STUDY_UID_MISMATCH,
                    "Study Instance UID " + study + " differs from " + expectedStudy + " in the request")
                    .of(sopClass, sopInstance);
        }
        TransferSyntax ts = reader.transferSyntax();
        Long pixelOffset = null;
        Long pixelLength = null;
        Object pixels = ds.value(Tag.PixelData);
        if (!ts.deflated()) { // offsets of a deflated data set are not file offsets
            if (pixels instanceof BulkData b) {
                pixelOffset = b.offset();
                pixelLength = b.length();
            } else if (pixels instanceof Fragments f && f.size() > 1
                    && f.get(0) instanceof byte[] bot && f.get(1) instanceof BulkData first
                    && f.get(f.size() - 1) instanceof BulkData last) {
                // the Basic Offset Table is read into memory: its item precedes the first fragment's
                pixelOffset = first.offset() - 8 - bot.length - 8;
                pixelLength = last.offset() + last.length() + 8 - pixelOffset;
            }
        }
        return new ReceivedInstance(temp, size, sha256, ds, ts.uid(), sopClass, sopInstance, study, series,
                pixelOffset, pixelLength);
    }

    private static String requireUid(Dataset ds, int tag, String name, String sopClass, String sopInstance)
            throws IngestException {
        String uid = ds.getString(tag);
        if (!Uids.isValid(uid)) {
            throw new IngestException(FailureReason.CANNOT_UNDERSTAND, name + " missing or invalid: " + quote(uid))
                    .of(sopClass, sopInstance);
        }
        return uid;
    }

    private static String quote(String s) {
        if (s == null) {
            return "(absent)";
        }
        return "\"" + (s.length() > 80 ? s.substring(0, 80) + "..." : s) + "\"";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
