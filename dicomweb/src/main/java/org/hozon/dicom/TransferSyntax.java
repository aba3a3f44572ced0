package org.hozon.dicom;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a dataset is encoded: VR explicit or implicit, byte order, deflate, and whether Pixel Data
 * is encapsulated (compressed). Unknown UIDs are taken as Explicit VR Little Endian with
 * encapsulated Pixel Data, which is what every compressed transfer syntax of PS3.5 §10 is.
 */
public final class TransferSyntax {
    /** 1.2.840.10008.1.2, the default transfer syntax of DICOM. */
    public static final TransferSyntax IMPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax("1.2.840.10008.1.2", "Implicit VR Little Endian", false, false, false, false);
    /** 1.2.840.10008.1.2.1. */
    public static final TransferSyntax EXPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax("1.2.840.10008.1.2.1", "Explicit VR Little Endian", true, false, false, false);
    /** 1.2.840.10008.1.2.1.99: Explicit VR Little Endian compressed with deflate. */
    public static final TransferSyntax DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian", true, false, true, false);
    /** 1.2.840.10008.1.2.2, retired but still received. */
    public static final TransferSyntax EXPLICIT_VR_BIG_ENDIAN =
            new TransferSyntax("1.2.840.10008.1.2.2", "Explicit VR Big Endian (Retired)", true, true, false, false);
    /** 1.2.840.10008.1.2.1.98: native pixels in fragments, one per frame. */
    public static final TransferSyntax ENCAPSULATED_UNCOMPRESSED_EXPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax("1.2.840.10008.1.2.1.98", "Encapsulated Uncompressed Explicit VR Little Endian",
                    true, false, false, true);
    /** 1.2.840.10008.1.2.4.50. */
    public static final TransferSyntax JPEG_BASELINE_8BIT =
            new TransferSyntax("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)", true, false, false, true);
    /** 1.2.840.10008.1.2.4.70, the default for {@code image/jpeg} bulk data. */
    public static final TransferSyntax JPEG_LOSSLESS_SV1 =
            new TransferSyntax("1.2.840.10008.1.2.4.70", "JPEG Lossless, Non-Hierarchical, First-Order Prediction",
                    true, false, false, true);
    /** 1.2.840.10008.1.2.4.80. */
    public static final TransferSyntax JPEG_LS_LOSSLESS =
            new TransferSyntax("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless Image Compression", true, false, false, true);
    /** 1.2.840.10008.1.2.4.90. */
    public static final TransferSyntax JPEG_2000_LOSSLESS =
            new TransferSyntax("1.2.840.10008.1.2.4.90", "JPEG 2000 Image Compression (Lossless Only)",
                    true, false, false, true);
    /** 1.2.840.10008.1.2.5. */
    public static final TransferSyntax RLE_LOSSLESS =
            new TransferSyntax("1.2.840.10008.1.2.5", "RLE Lossless", true, false, false, true);

    private static final Map<String, TransferSyntax> KNOWN = new ConcurrentHashMap<>();

    static {
        for (TransferSyntax ts : new TransferSyntax[] {IMPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_LITTLE_ENDIAN,
                DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_BIG_ENDIAN,
                ENCAPSULATED_UNCOMPRESSED_EXPLICIT_VR_LITTLE_ENDIAN, JPEG_BASELINE_8BIT, JPEG_LOSSLESS_SV1,
                JPEG_LS_LOSSLESS, JPEG_2000_LOSSLESS, RLE_LOSSLESS}) {
            KNOWN.put(ts.uid, ts);
        }
    }

    private final String uid;
    private final String name;
    private final boolean explicitVR;
    private final boolean bigEndian;
    private final boolean deflated;
    private final boolean encapsulated;

    private TransferSyntax(String uid, String name, boolean explicitVR, boolean bigEndian, boolean deflated,
            boolean encapsulated) {
        this.uid = uid;
        this.name = name;
        this.explicitVR = explicitVR;
        this.bigEndian = bigEndian;
        this.deflated = deflated;
        this.encapsulated = encapsulated;
    }

    /**
     * The transfer syntax with this UID. UIDs not listed here are taken as Explicit VR Little
     * Endian with encapsulated Pixel Data, as every compressed transfer syntax is.
     */
    public static TransferSyntax of(String uid) {
        Objects.requireNonNull(uid, "uid");
        TransferSyntax known = KNOWN.get(uid);
        return known != null ? known : new TransferSyntax(uid, uid, true, false, false, true);
    }

    /** True if {@code uid} is one of the transfer syntaxes described by this class. */
    public static boolean isKnown(String uid) {
        return KNOWN.containsKey(uid);
    }

    /** The transfer syntax UID. */
    public String uid() {
        return uid;
    }

    /** The name from PS3.6, or the UID for syntaxes not described here. */
    public String name() {
        return name;
    }

    /** True if element headers carry their VR. */
    public boolean explicitVR() {
        return explicitVR;
    }

    /** True for the retired Explicit VR Big Endian. */
    public boolean bigEndian() {
        return bigEndian;
    }

    /** True if the data set after the File Meta Information is deflated. */
    public boolean deflated() {
        return deflated;
    }

    /** True if Pixel Data is encapsulated in fragments (compressed transfer syntaxes). */
    public boolean encapsulated() {
        return encapsulated;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransferSyntax && ((TransferSyntax) o).uid.equals(uid);
    }

    @Override
    public int hashCode() {
        return uid.hashCode();
    }

    @Override
    public String toString() {
        return uid + " (" + name + ")";
    }
}
