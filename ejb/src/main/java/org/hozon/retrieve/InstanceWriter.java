package org.hozon.retrieve;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;

import org.hozon.dicom.Dataset;
import org.hozon.dicom.TransferSyntax;
import org.hozon.dicom.io.BulkDataSource;
import org.hozon.dicom.io.DicomReader;
import org.hozon.dicom.io.DicomWriter;
import org.hozon.dicom.io.ElementHandler;
import org.hozon.dicom.io.FileMetaInformation;

/**
 * Writes a stored instance as a Part 10 stream in a requested transfer syntax: the stored bytes
 * unchanged when the syntax is the stored one (or {@code *}), else a streamed transcoding between
 * native syntaxes (Implicit VR Little Endian, Explicit VR Big Endian to Explicit VR Little
 * Endian): the header is parsed, values above 1 KiB stay in the file and are copied (byte-swapped
 * when needed) from it, so memory stays bounded whatever the size of Pixel Data.
 */
public final class InstanceWriter {
    /** The wildcard "as stored" transfer syntax of PS3.18 §8.7.3. */
    public static final String AS_STORED = "*";
    private static final long BULK_THRESHOLD = 1024;
    private static final int COPY_BUFFER = 1 << 16;

    private InstanceWriter() {
    }

    /** True if {@code instance} can be written in {@code uid} (stored, {@code *}, or a native transcoding). */
    public static boolean canWrite(StoredInstance instance, String uid) {
        if (uid == null || uid.equals(AS_STORED) || uid.equals(instance.transferSyntaxUid())) {
            return true;
        }
        return uid.equals(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid()) && isTranscodable(instance.transferSyntaxUid());
    }

    /** True for the native, non-deflated syntaxes this writer transcodes from. */
    public static boolean isTranscodable(String storedUid) {
        if (!TransferSyntax.isKnown(storedUid)) {
            return false;
        }
        TransferSyntax ts = TransferSyntax.of(storedUid);
        return !ts.encapsulated() && !ts.deflated();
    }

    /** The transfer syntax the instance is written in for the request {@code uid}. */
    public static String effectiveSyntax(StoredInstance instance, String uid) {
        return uid == null || uid.equals(AS_STORED) ? instance.transferSyntaxUid() : uid;
    }

    /**
     * Writes {@code instance} to {@code out} in {@code uid} ({@link #canWrite} must be true);
     * {@code out} is flushed, not closed.
     */
    public static void write(StoredInstance instance, String uid, OutputStream out) throws IOException {
        String target = effectiveSyntax(instance, uid);
        if (target.equals(instance.transferSyntaxUid())) {
            copy(instance, out);
            return;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(instance.file()), COPY_BUFFER)) {
            DicomReader reader = new DicomReader(in, instance.size()).handler(ElementHandler.bulkAbove(BULK_THRESHOLD));
            Dataset dataset = reader.readDataset();
            Dataset fmi = reader.fileMetaInformation() == null
                    ? FileMetaInformation.create(dataset, target)
                    : FileMetaInformation.withTransferSyntax(reader.fileMetaInformation(), target);
            DicomWriter writer = new DicomWriter(out).bulkDataSource(BulkDataSource.ofFile(instance.file()))
                    .omitGroupLengths(true);
            if (reader.preamble() != null) {
                writer.preamble(reader.preamble());
            }
            writer.writeFile(fmi, dataset);
        }
    }

    /**
     * Sends the stored file unchanged through {@code transfer}; fails if the file is not the size
     * the index gives (callers announce that size as Content-Length).
     */
    public static void transfer(StoredInstance instance, FileTransfer transfer) throws IOException {
        try (FileChannel ch = FileChannel.open(instance.file(), StandardOpenOption.READ)) {
            if (ch.size() != instance.size()) {
                throw new IOException("stored file " + instance.file() + " has " + ch.size()
                        + " bytes, the index says " + instance.size());
            }
            transfer.transfer(ch, 0, instance.size());
        }
    }

    /** Copies the stored file unchanged. */
    public static void copy(StoredInstance instance, OutputStream out) throws IOException {
        try (InputStream in = Files.newInputStream(instance.file())) {
            byte[] buf = new byte[COPY_BUFFER];
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
            }
        }
        out.flush();
    }
}
