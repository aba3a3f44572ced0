package org.hozon.bench.data;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hozon.dicom.Dataset;
import org.hozon.dicom.TransferSyntax;
import org.hozon.dicom.io.DicomWriter;
import org.hozon.dicom.io.FileMetaInformation;

/** Writes generated CT instances as Part 10 files (Explicit VR Little Endian). */
public final class CtFiles {
    private CtFiles() {
    }

    /** Writes one instance to {@code out}. */
    public static void write(Dataset instance, OutputStream out) throws IOException {
        new DicomWriter(out).writeFile(
                FileMetaInformation.create(instance, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid()), instance);
    }

    /** Writes one instance to {@code file} and returns the file. */
    public static Path write(Dataset instance, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            write(instance, out);
        }
        return file;
    }
}
