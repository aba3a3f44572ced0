package org.hozon.dicomweb.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MediaTypeTest {

    @Test
    void quotedAndUnquotedValuesAreEqual() {
        MediaType a = MediaType.parse("multipart/related; type=\"application/dicom\"; transfer-syntax=\"1.2.840.10008.1.2.1\"");
        MediaType b = MediaType.parse("Multipart/Related;Type=application/dicom;TRANSFER-SYNTAX=1.2.840.10008.1.2.1");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals("application/dicom", b.parameter("type"));
        assertEquals("1.2.840.10008.1.2.1", b.parameter("Transfer-Syntax"));
        assertEquals("multipart", b.type());
        assertEquals("related", b.subtype());
    }

    @Test
    void whitespaceAroundSeparators() {
        MediaType m = MediaType.parse("  application/dicom ;  transfer-syntax = 1.2.840.10008.1.2.4.50 ; q = 0.5 ");
        assertEquals("application/dicom", m.essence());
        assertEquals("1.2.840.10008.1.2.4.50", m.parameter("transfer-syntax"));
        assertEquals(0.5, m.quality());
    }

    @Test
    void repeatedParametersKeepOrder() {
        MediaType m = MediaType.parse("multipart/related; type=\"image/jls\"; transfer-syntax=\"1.2.840.10008.1.2.4.80\"; transfer-syntax=\"*\"");
        assertEquals(List.of("1.2.840.10008.1.2.4.80", "*"), m.parameters("transfer-syntax"));
        assertEquals("1.2.840.10008.1.2.4.80", m.parameter("transfer-syntax"));
    }

    @Test
    void qEndsMediaParameters() {
        MediaType m = MediaType.parse("image/jpeg; q=0.8; level=1");
        assertEquals(0.8, m.quality());
        assertTrue(m.parameters().isEmpty());
        assertEquals(1.0, MediaType.parse("image/jpeg").quality());
        assertEquals(0.0, MediaType.parse("image/jpeg;q=0").quality());
        assertEquals(1.0, MediaType.parse("image/jpeg;Q=1.000").quality());
    }

    @Test
    void quotedStringsMayHoldSeparatorsAndEscapes() {
        MediaType m = MediaType.parse("multipart/related; boundary=\"a;b,c=\\\"d\\\"\"; type=x/y");
        assertEquals("a;b,c=\"d\"", m.parameter("boundary"));
        assertEquals("x/y", m.parameter("type"));
        assertEquals("multipart/related; boundary=\"a;b,c=\\\"d\\\"\"; type=\"x/y\"", m.toString());
        assertEquals(m, MediaType.parse(m.toString()));
    }

    @Test
    void formatQuotesOnlyWhatIsNotAToken() {
        MediaType m = MediaTypes.multipartRelated("application/dicom")
                .withParameter("transfer-syntax", "1.2.840.10008.1.2.1").withQuality(0.25);
        assertEquals("multipart/related; type=\"application/dicom\"; transfer-syntax=1.2.840.10008.1.2.1; q=0.25",
                m.toString());
        assertEquals("image/png; q=0.001", MediaType.parse("image/png;q=0.001").toString());
    }

    @Test
    void wildcards() {
        MediaType any = MediaType.parse("*/*");
        MediaType images = MediaType.parse("image/*");
        assertTrue(any.isWildcardType());
        assertTrue(images.isWildcardSubtype());
        assertFalse(images.isWildcardType());
        assertTrue(any.includes(MediaTypes.JPEG));
        assertTrue(images.includes(MediaTypes.JPEG));
        assertFalse(images.includes(MediaTypes.DICOM));
        assertTrue(MediaTypes.DICOM.includes(MediaType.parse("application/DICOM; transfer-syntax=*")));
        assertEquals("*/*", MediaType.parse("*").essence());
    }

    @Test
    void invalidMediaTypes() {
        assertThrows(IllegalArgumentException.class, () -> MediaType.parse("application"));
        assertThrows(IllegalArgumentException.class, () -> MediaType.parse("/json"));
        assertThrows(IllegalArgumentException.class, () -> MediaType.parse("*/json"));
        assertThrows(IllegalArgumentException.class, () -> MediaType.parse("image/jpeg; q=2"));
        assertThrows(IllegalArgumentException.class, () -> MediaType.parse("image/jpeg; q=high"));
        assertThrows(IllegalArgumentException.class, () -> MediaType.parse("ima ge/jpeg"));
    }

    @Test
    void parametersWithoutValueAreIgnored() {
        MediaType m = MediaType.parse("application/dicom; transfer-syntax; charset=utf-8");
        assertNull(m.parameter("transfer-syntax"));
        assertEquals("utf-8", m.parameter("charset"));
    }

    @Test
    void withAndWithoutParameter() {
        MediaType m = MediaType.parse("application/dicom; transfer-syntax=a; transfer-syntax=b");
        assertEquals(List.of("c"), m.withParameter("Transfer-Syntax", "c").parameters("transfer-syntax"));
        assertTrue(m.withoutParameter("TRANSFER-SYNTAX").parameters().isEmpty());
    }
}
