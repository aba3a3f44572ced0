package org.hozon.dicomweb.media;

/**
 * The media types DICOMweb uses (PS3.18 §8.7.3, §8.7.4), as parsed constants and as strings.
 */
public final class MediaTypes {
    private MediaTypes() {
    }

    public static final String APPLICATION_DICOM = "application/dicom";
    public static final String APPLICATION_DICOM_JSON = "application/dicom+json";
    public static final String APPLICATION_DICOM_XML = "application/dicom+xml";
    public static final String APPLICATION_JSON = "application/json";
    public static final String APPLICATION_OCTET_STREAM = "application/octet-stream";
    public static final String APPLICATION_PDF = "application/pdf";
    public static final String MULTIPART_RELATED = "multipart/related";
    public static final String IMAGE_JPEG = "image/jpeg";
    public static final String IMAGE_PNG = "image/png";
    public static final String IMAGE_GIF = "image/gif";
    public static final String IMAGE_JLS = "image/jls";
    public static final String IMAGE_JP2 = "image/jp2";
    public static final String IMAGE_JPX = "image/jpx";
    public static final String IMAGE_JPHC = "image/jphc";
    public static final String IMAGE_DICOM_RLE = "image/dicom-rle";
    public static final String VIDEO_MPEG = "video/mpeg";
    public static final String VIDEO_MP4 = "video/mp4";
    public static final String TEXT_HTML = "text/html";
    public static final String TEXT_PLAIN = "text/plain";
    public static final String TEXT_XML = "text/xml";

    /** Name of the media-type parameter carrying a Transfer Syntax UID (PS3.18 §8.7.3.5.2). */
    public static final String TRANSFER_SYNTAX = "transfer-syntax";
    /** Name of the multipart/related parameter naming the root part's media type (RFC 2387). */
    public static final String TYPE = "type";
    /** Value of {@code transfer-syntax} meaning "as stored, no transcoding". */
    public static final String ANY_TRANSFER_SYNTAX = "*";

    public static final MediaType DICOM = MediaType.parse(APPLICATION_DICOM);
    public static final MediaType DICOM_JSON = MediaType.parse(APPLICATION_DICOM_JSON);
    public static final MediaType DICOM_XML = MediaType.parse(APPLICATION_DICOM_XML);
    public static final MediaType JSON = MediaType.parse(APPLICATION_JSON);
    public static final MediaType OCTET_STREAM = MediaType.parse(APPLICATION_OCTET_STREAM);
    public static final MediaType JPEG = MediaType.parse(IMAGE_JPEG);
    public static final MediaType PNG = MediaType.parse(IMAGE_PNG);

    /** {@code multipart/related; type="<rootType>"}, e.g. for {@code application/dicom}. */
    public static MediaType multipartRelated(String rootType) {
        return MediaType.parse(MULTIPART_RELATED).withParameter(TYPE, rootType);
    }
}
