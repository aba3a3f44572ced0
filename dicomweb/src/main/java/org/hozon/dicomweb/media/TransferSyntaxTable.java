package org.hozon.dicomweb.media;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hozon.dicom.UID;

/**
 * Which Transfer Syntaxes go with which DICOMweb media type, and the RESTful default of each
 * (PS3.18 Table 8.7.3-2 for {@code application/dicom}, Table 8.7.3-4 for uncompressed bulk data,
 * Table 8.7.3-5 for compressed bulk data). The first UID of every list is the default ("D"); the
 * others are optional ("O").
 *
 * <p>Note that for {@code image/jpeg} bulk data the default is JPEG Lossless SV1
 * (…4.70), not JPEG Baseline: the "default" in the Transfer Syntax names is about DIMSE.
 * Video rows follow the 2019e–2024 editions; HTJ2K ({@code image/jphc}) is from later editions.
 */
public final class TransferSyntaxTable {
    private TransferSyntaxTable() {
    }

    private static final Map<String, List<String>> BULK = new LinkedHashMap<>();
    private static final Map<String, String> MEDIA_TYPE_OF = new LinkedHashMap<>();

    static {
        // Table 8.7.3-4: uncompressed bulk data, all resource categories.
        bulk(MediaTypes.APPLICATION_OCTET_STREAM, UID.ExplicitVRLittleEndian);
        // Table 8.7.3-5: compressed bulk data (single-frame and multi-frame image categories).
        bulk(MediaTypes.IMAGE_JPEG, "1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.4.50",
                "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.57");
        bulk(MediaTypes.IMAGE_DICOM_RLE, "1.2.840.10008.1.2.5");
        bulk(MediaTypes.IMAGE_JLS, "1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81");
        bulk(MediaTypes.IMAGE_JP2, "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91");
        bulk(MediaTypes.IMAGE_JPX, "1.2.840.10008.1.2.4.92", "1.2.840.10008.1.2.4.93");
        bulk(MediaTypes.IMAGE_JPHC, "1.2.840.10008.1.2.4.201", "1.2.840.10008.1.2.4.202",
                "1.2.840.10008.1.2.4.203");
        // Table 8.7.3-5: video category.
        bulk(MediaTypes.VIDEO_MPEG, "1.2.840.10008.1.2.4.100", "1.2.840.10008.1.2.4.101");
        bulk(MediaTypes.VIDEO_MP4, "1.2.840.10008.1.2.4.102", "1.2.840.10008.1.2.4.103",
                "1.2.840.10008.1.2.4.104", "1.2.840.10008.1.2.4.105", "1.2.840.10008.1.2.4.106",
                "1.2.840.10008.1.2.4.107", "1.2.840.10008.1.2.4.108");
    }

    private static void bulk(String mediaType, String... uids) {
        BULK.put(mediaType, List.of(uids));
        for (String uid : uids) {
            MEDIA_TYPE_OF.putIfAbsent(uid, mediaType);
        }
    }

    /**
     * The RESTful default Transfer Syntax for a media type: Explicit VR Little Endian for
     * {@code application/dicom} and {@code application/octet-stream}, the "D" row of Table
     * 8.7.3-5 for compressed bulk data, null for media types without Transfer Syntax (JSON, XML,
     * rendered types). For {@code multipart/related} the {@code type} parameter is looked up.
     */
    public static String defaultFor(MediaType mediaType) {
        List<String> uids = allowedFor(mediaType);
        if (bulkEssence(mediaType).equals(MediaTypes.APPLICATION_DICOM)) {
            return UID.ExplicitVRLittleEndian;
        }
        return uids.isEmpty() ? null : uids.get(0);
    }

    /**
     * The Transfer Syntaxes the tables list for a bulk-data media type (default first), empty for
     * {@code application/dicom} (any but the two below, see {@link #allowedForInstances}) and for
     * media types without Transfer Syntax.
     */
    public static List<String> allowedFor(MediaType mediaType) {
        return BULK.getOrDefault(bulkEssence(mediaType), List.of());
    }

    /**
     * True if {@code uid} may be used for PS3.10 instances in DICOMweb: every Transfer Syntax but
     * Implicit VR Little Endian and Explicit VR Big Endian (PS3.18 §8.7.3).
     */
    public static boolean allowedForInstances(String uid) {
        return !uid.equals(UID.ImplicitVRLittleEndian) && !uid.equals(UID.ExplicitVRBigEndian);
    }

    /**
     * The bulk-data media type for frames stored in {@code uid} (e.g. JPEG-LS → image/jls), or
     * {@code application/octet-stream} for native (uncompressed) Transfer Syntaxes and for
     * UIDs Table 8.7.3-5 does not list.
     */
    public static String bulkMediaTypeFor(String uid) {
        return MEDIA_TYPE_OF.getOrDefault(uid, MediaTypes.APPLICATION_OCTET_STREAM);
    }

    /** The essence that decides Transfer Syntaxes: the {@code type} parameter of multipart/related. */
    static String bulkEssence(MediaType mediaType) {
        if (mediaType.is(MediaTypes.MULTIPART_RELATED)) {
            String root = mediaType.parameter(MediaTypes.TYPE);
            if (root == null) {
                return "";
            }
            try {
                return MediaType.parse(root).essence();
            } catch (IllegalArgumentException e) {
                return root.toLowerCase(Locale.ROOT);
            }
        }
        return mediaType.essence();
    }
}
