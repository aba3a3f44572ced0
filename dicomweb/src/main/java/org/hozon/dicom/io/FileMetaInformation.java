package org.hozon.dicom.io;

import java.nio.charset.StandardCharsets;

import org.hozon.dicom.ByteOrder;
import org.hozon.dicom.Dataset;
import org.hozon.dicom.Tag;
import org.hozon.dicom.VR;

/** Builds the File Meta Information (group 0002, PS3.10 §7.1) of the files Hozon writes. */
public final class FileMetaInformation {
    private static final int VERSION = 0x00020001;
    private static final int MEDIA_SOP_CLASS = 0x00020002;
    private static final int MEDIA_SOP_INSTANCE = 0x00020003;
    private static final int IMPLEMENTATION_CLASS = 0x00020012;
    private static final int IMPLEMENTATION_VERSION = 0x00020013;

    private FileMetaInformation() {
    }

    /**
     * New File Meta Information for {@code dataset}: version 00\01, Media Storage SOP Class and
     * Instance from its SOP Class and Instance UIDs, the transfer syntax, Hozon's implementation
     * UID and version name, and the group length.
     */
    public static Dataset create(Dataset dataset, String transferSyntaxUid) {
        Dataset fmi = new Dataset();
        fmi.set(VERSION, VR.OB, new byte[] {0, 1});
        fmi.set(MEDIA_SOP_CLASS, VR.UI, uid(dataset.getString(Tag.SOPClassUID, "")));
        fmi.set(MEDIA_SOP_INSTANCE, VR.UI, uid(dataset.getString(Tag.SOPInstanceUID, "")));
        return withTransferSyntax(fmi, transferSyntaxUid);
    }

    /**
     * A copy of {@code fileMeta} for a file rewritten in another transfer syntax: new Transfer
     * Syntax UID, Hozon's implementation UID and version name (we wrote the file), other
     * elements (source AE title, ...) kept, group length recomputed.
     */
    public static Dataset withTransferSyntax(Dataset fileMeta, String transferSyntaxUid) {
        Dataset fmi = new Dataset();
        for (int i = 0; i < fileMeta.size(); i++) {
            fmi.set(fileMeta.tagAt(i), fileMeta.vrAt(i), fileMeta.valueAt(i));
        }
        fmi.set(Tag.TransferSyntaxUID, VR.UI, uid(transferSyntaxUid));
        fmi.set(IMPLEMENTATION_CLASS, VR.UI, uid(Implementation.CLASS_UID));
        byte[] name = Implementation.VERSION_NAME.getBytes(StandardCharsets.US_ASCII);
        fmi.set(IMPLEMENTATION_VERSION, VR.SH, pad(name, ' '));
        return withGroupLength(fmi);
    }

    /** Sets (0002,0000) to the encoded length of the other elements (Explicit VR Little Endian). */
    public static Dataset withGroupLength(Dataset fmi) {
        fmi.remove(Tag.FileMetaInformationGroupLength);
        long length = 0;
        for (int i = 0; i < fmi.size(); i++) {
            Object v = fmi.valueAt(i);
            if (!(v instanceof byte[])) {
                throw new IllegalArgumentException("File Meta Information holds only plain values");
            }
            length += (fmi.vrAt(i).longHeader() ? 12 : 8) + ((byte[]) v).length;
        }
        byte[] b = new byte[4];
        ByteOrder.put32(b, 0, (int) length, false);
        fmi.set(Tag.FileMetaInformationGroupLength, VR.UL, b);
        return fmi;
    }

    private static byte[] uid(String uid) {
        return pad(uid.getBytes(StandardCharsets.US_ASCII), '\0');
    }

    private static byte[] pad(byte[] b, char padding) {
        if ((b.length & 1) == 0) {
            return b;
        }
        byte[] p = java.util.Arrays.copyOf(b, b.length + 1);
        p[b.length] = (byte) padding;
        return p;
    }
}
