package org.hozon.dicom.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

import org.hozon.dicom.BulkData;
import org.hozon.dicom.Dataset;
import org.hozon.dicom.Fragments;
import org.hozon.dicom.Sequence;
import org.hozon.dicom.Tags;

/** Access to the test files in src/test/resources/dicom and a listing in the form of their .txt. */
final class TestFiles {
    static final String[] ALL = {
        "ct-explicit-le.dcm", "ct-implicit-le.dcm", "ct-explicit-be.dcm", "ct-deflated.dcm",
        "ct-explicit-le-undefined.dcm", "ct-implicit-le-undefined.dcm", "ct-explicit-be-undefined.dcm", "ct-raw-implicit.dcm",
        "ct-raw-explicit.dcm", "mf-8bit.dcm", "mf-rle.dcm", "mf-jpeg.dcm", "sr-dcmtk.dcm",
        "sr-dcmtk-undefined.dcm",
    };

    private TestFiles() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = TestFiles.class.getResourceAsStream("/dicom/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test file " + name);
            }
            return in.readAllBytes(); // small test files, not a DICOM stream in production
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Writes a Part 10 file to bytes. */
    static byte[] write(Dataset fileMeta, Dataset ds, DicomWriter writer, java.io.ByteArrayOutputStream out)
            throws IOException {
        writer.writeFile(fileMeta, ds);
        return out.toByteArray();
    }

    static DicomReader reader(byte[] b) {
        return new DicomReader(new ByteArrayInputStream(b), b.length);
    }

    static Dataset read(byte[] b) throws IOException {
        return reader(b).readDataset();
    }

    /** One line per element: path, VR, length and CRC-32 of the value; sequences and fragments summarised. */
    static List<String> listing(Dataset ds) {
        List<String> out = new ArrayList<>();
        walk(ds, "", out);
        return out;
    }

    private static void walk(Dataset ds, String prefix, List<String> out) {
        for (int i = 0; i < ds.size(); i++) {
            String path = prefix + Tags.toHex(ds.tagAt(i));
            Object v = ds.valueAt(i);
            if (v instanceof Sequence) {
                Sequence seq = (Sequence) v;
                out.add(path + " SQ items=" + seq.size());
                for (int k = 0; k < seq.size(); k++) {
                    walk(seq.get(k), path + "/" + k + "/", out);
                }
            } else if (v instanceof Fragments) {
                StringBuilder lengths = new StringBuilder();
                CRC32 crc = new CRC32();
                for (Object f : (Fragments) v) {
                    byte[] b = (byte[]) f;
                    lengths.append(lengths.length() > 0 ? "," : "").append(b.length);
                    crc.update(b);
                }
                out.add(path + " " + ds.vrAt(i) + " frags=" + lengths + " " + String.format("%08x", crc.getValue()));
            } else if (v instanceof BulkData) {
                out.add(path + " " + ds.vrAt(i) + " bulk " + ((BulkData) v).length());
            } else {
                byte[] b = (byte[]) v;
                CRC32 crc = new CRC32();
                crc.update(b);
                out.add(path + " " + ds.vrAt(i) + " " + b.length + " " + String.format("%08x", crc.getValue()));
            }
        }
    }
}
