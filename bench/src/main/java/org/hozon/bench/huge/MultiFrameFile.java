package org.hozon.bench.huge;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.hozon.bench.data.CtStudyGenerator;
import org.hozon.bench.data.SyntheticCt;
import org.hozon.dicom.Dataset;
import org.hozon.dicom.Tag;
import org.hozon.dicom.TransferSyntax;
import org.hozon.dicom.UID;
import org.hozon.dicom.VR;
import org.hozon.dicom.io.DicomWriter;
import org.hozon.dicom.io.FileMetaInformation;

/**
 * Writes one very large multi-frame instance straight to disk: a Multi-frame Grayscale Word
 * Secondary Capture header (the CT header of the synthetic studies, with Number of Frames), then
 * Pixel Data (OW, explicit length) written frame by frame from a few pooled synthetic CT slices.
 * Memory is the slice pool, whatever the number of frames; 4096 frames of 512×512×16 bits are
 * exactly 2 GiB of Pixel Data (a value length of 2^31, beyond a signed int).
 */
public final class MultiFrameFile {
    private static final int POOL = 32;

    private MultiFrameFile() {
    }

    /**
     * What was written.
     *
     * @param sopInstanceUid the instance's UID
     * @param size           the file's length
     * @param sha256         its SHA-256, hex
     */
    public record Written(String sopInstanceUid, long size, String sha256) {
    }

    /** @return the SOP Instance UID the file of this seed has */
    public static String sopInstanceUid(long seed) {
        return new CtStudyGenerator(seed).instanceUid(0, 0, 0);
    }

    /**
     * @param file   where to write (replaced)
     * @param seed   data seed (UIDs and pixels)
     * @param frames number of frames
     * @return the UID, length and SHA-256
     * @throws IOException if writing fails
     */
    public static Written write(Path file, long seed, int frames) throws IOException {
        CtStudyGenerator generator = new CtStudyGenerator(seed);
        Dataset ds = generator.header(0, 0, 0);
        ds.setString(Tag.SOPClassUID, VR.UI, UID.MultiFrameGrayscaleWordSecondaryCaptureImageStorage);
        ds.setString(Tag.NumberOfFrames, VR.IS, Integer.toString(frames));
        byte[][] slices = new byte[POOL][];
        for (int i = 0; i < POOL; i++) {
            slices[i] = SyntheticCt.slice(seed, i);
        }
        long pixelLength = (long) frames * slices[0].length;
        if (pixelLength > 0xFFFF_FFFEL) {
            throw new IllegalArgumentException("Pixel Data of " + pixelLength + " bytes does not fit a 32-bit length");
        }
        MessageDigest sha = sha256();
        try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 20), sha)) {
            new DicomWriter(out).writeFile(
                    FileMetaInformation.create(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid()), ds);
            // (7FE0,0010) OW, two reserved bytes, 32-bit length: the element header, then the frames
            out.write(new byte[] {(byte) 0xE0, 0x7F, 0x10, 0x00, 'O', 'W', 0, 0});
            out.write(new byte[] {(byte) pixelLength, (byte) (pixelLength >>> 8), (byte) (pixelLength >>> 16),
                    (byte) (pixelLength >>> 24)});
            for (int f = 0; f < frames; f++) {
                out.write(slices[f % POOL]);
            }
        }
        return new Written(ds.getString(Tag.SOPInstanceUID), Files.size(file), HexFormat.of().formatHex(sha.digest()));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
