package org.hozon.dicomweb.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** PS3.18 Tables 8.7.3-2, 8.7.3-4 and 8.7.3-5. */
class TransferSyntaxTableTest {

    private static String def(String mediaType) {
        return TransferSyntaxTable.defaultFor(MediaType.parse(mediaType));
    }

    @Test
    void restfulDefaults() {
        assertEquals("1.2.840.10008.1.2.1", def("application/dicom"));
        assertEquals("1.2.840.10008.1.2.1", def("multipart/related; type=\"application/dicom\""));
        assertEquals("1.2.840.10008.1.2.1", def("application/octet-stream"));
        assertEquals("1.2.840.10008.1.2.4.70", def("image/jpeg"));
        assertEquals("1.2.840.10008.1.2.5", def("image/dicom-rle"));
        assertEquals("1.2.840.10008.1.2.4.80", def("multipart/related; type=image/jls"));
        assertEquals("1.2.840.10008.1.2.4.90", def("image/jp2"));
        assertEquals("1.2.840.10008.1.2.4.92", def("image/jpx"));
        assertEquals("1.2.840.10008.1.2.4.100", def("video/mpeg"));
        assertEquals("1.2.840.10008.1.2.4.102", def("video/mp4"));
        assertNull(def("application/dicom+json"));
        assertNull(def("multipart/related"));
    }

    @Test
    void optionalTransferSyntaxes() {
        assertEquals(List.of("1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51",
                "1.2.840.10008.1.2.4.57"), TransferSyntaxTable.allowedFor(MediaTypes.JPEG));
        assertEquals(List.of("1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81"),
                TransferSyntaxTable.allowedFor(MediaType.parse("image/jls")));
    }

    @Test
    void reverseLookupForFrames() {
        assertEquals("image/jls", TransferSyntaxTable.bulkMediaTypeFor("1.2.840.10008.1.2.4.81"));
        assertEquals("image/jpeg", TransferSyntaxTable.bulkMediaTypeFor("1.2.840.10008.1.2.4.50"));
        assertEquals("image/dicom-rle", TransferSyntaxTable.bulkMediaTypeFor("1.2.840.10008.1.2.5"));
        assertEquals("application/octet-stream", TransferSyntaxTable.bulkMediaTypeFor("1.2.840.10008.1.2.1"));
    }

    @Test
    void instancesNeverUseImplicitOrBigEndian() {
        assertFalse(TransferSyntaxTable.allowedForInstances("1.2.840.10008.1.2"));
        assertFalse(TransferSyntaxTable.allowedForInstances("1.2.840.10008.1.2.2"));
        assertTrue(TransferSyntaxTable.allowedForInstances("1.2.840.10008.1.2.1"));
        assertTrue(TransferSyntaxTable.allowedForInstances("1.2.840.10008.1.2.4.90"));
    }
}
