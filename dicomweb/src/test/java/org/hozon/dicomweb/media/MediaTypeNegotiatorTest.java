package org.hozon.dicomweb.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MediaTypeNegotiatorTest {
    private static final String ELE = "1.2.840.10008.1.2.1";
    private static final String JPEG_LOSSLESS = "1.2.840.10008.1.2.4.70";
    private static final String JPEG_BASELINE = "1.2.840.10008.1.2.4.50";
    private static final String JLS = "1.2.840.10008.1.2.4.80";

    /** Metadata resource: JSON is the default. */
    private static final MediaTypeNegotiator METADATA = new MediaTypeNegotiator(
            Offer.withoutTransferSyntax("application/dicom+json"),
            Offer.withoutTransferSyntax("application/json"),
            Offer.withoutTransferSyntax("multipart/related; type=\"application/dicom+xml\""));

    /** Instance retrieve, stored JPEG-LS, transcoding to Explicit VR LE possible. */
    private static final MediaTypeNegotiator INSTANCES = new MediaTypeNegotiator(
            Offer.of("multipart/related; type=\"application/dicom\"", JLS, ELE),
            Offer.of("application/dicom", JLS, ELE));

    /** Frames of a JPEG-LS instance: compressed as stored, or decompressed. */
    private static final MediaTypeNegotiator FRAMES = new MediaTypeNegotiator(
            Offer.of("multipart/related; type=\"application/octet-stream\"", ELE),
            Offer.of("multipart/related; type=\"image/jls\"", JLS),
            Offer.of("application/octet-stream", ELE));

    private static Negotiation accept(MediaTypeNegotiator n, String... header) {
        return n.negotiate(AcceptHeader.parse(header));
    }

    @Test
    void ohifMetadataAccept() {
        Negotiation n = accept(METADATA, "application/dicom+json, application/json");
        assertEquals("application/dicom+json", n.contentType());
        assertNull(n.transferSyntax());
        assertEquals(Negotiation.Source.ACCEPT_HEADER, n.source());
    }

    @Test
    void listIsReadPastUnsupportedEntries() {
        // OHIF #3726: a list whose first entry is not producible must still succeed
        Negotiation n = accept(METADATA, "multipart/related; type=application/octet-stream, application/dicom+json");
        assertEquals("application/dicom+json", n.contentType());
    }

    @Test
    void ohifFramesDefaultAcceptQuotedAndUnquoted() {
        for (String h : List.of("multipart/related; type=\"application/octet-stream\"; transfer-syntax=\"*\"",
                "multipart/related; type=application/octet-stream; transfer-syntax=*")) {
            Negotiation n = accept(FRAMES, h);
            assertEquals("multipart/related; type=\"application/octet-stream\"", n.contentType());
            assertEquals(ELE, n.transferSyntax());
            assertEquals("application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1", n.partContentType());
        }
    }

    @Test
    void ohifCompressedFramesWithTwoTransferSyntaxParameters() {
        Negotiation n = accept(FRAMES,
                "multipart/related; type=\"image/jls\"; transfer-syntax=\"1.2.840.10008.1.2.4.80\"; transfer-syntax=\"*\"");
        assertEquals("multipart/related; type=\"image/jls\"", n.contentType());
        assertEquals(JLS, n.transferSyntax());
        assertEquals("image/jls; transfer-syntax=1.2.840.10008.1.2.4.80", n.partContentType());
        n = accept(FRAMES, "multipart/related; type=\"image/jls\"; transfer-syntax=1.2.840.10008.1.2.4.80");
        assertEquals(JLS, n.transferSyntax());
    }

    @Test
    void repeatedTransferSyntaxesAreAlternativesInOrder() {
        MediaTypeNegotiator n = new MediaTypeNegotiator(Offer.of("application/dicom", JPEG_BASELINE, ELE));
        assertEquals(ELE, accept(n, "application/dicom; transfer-syntax=1.2.3; transfer-syntax=" + ELE
                + "; transfer-syntax=" + JPEG_BASELINE).transferSyntax());
        assertEquals(JPEG_BASELINE, accept(n, "application/dicom; transfer-syntax=1.2.3; transfer-syntax=*")
                .transferSyntax());
    }

    @Test
    void ohifAcceptHeaderArrayWithQ() {
        Negotiation n = accept(FRAMES, "multipart/related; type=image/jls; q=1",
                "multipart/related; type=application/octet-stream; q=0.1");
        assertEquals(JLS, n.transferSyntax());
        assertEquals("multipart/related; type=\"image/jls\"", n.contentType());
    }

    @Test
    void transferSyntaxStarMeansAsStored() {
        Negotiation n = accept(INSTANCES, "multipart/related; type=\"application/dicom\"; transfer-syntax=*");
        assertEquals(JLS, n.transferSyntax());
        assertEquals("application/dicom; transfer-syntax=1.2.840.10008.1.2.4.80", n.partContentType());
    }

    @Test
    void noTransferSyntaxMeansTheDefaultExplicitVrLittleEndian() {
        Negotiation n = accept(INSTANCES, "multipart/related; type=application/dicom");
        assertEquals(ELE, n.transferSyntax());
        n = accept(INSTANCES, "application/dicom");
        assertEquals("application/dicom; transfer-syntax=1.2.840.10008.1.2.1", n.contentType());
        assertEquals(n.contentType(), n.partContentType());
    }

    @Test
    void lossyOnlyDataIsSentAsStoredWhenNoTransferSyntaxIsAsked() {
        MediaTypeNegotiator n = new MediaTypeNegotiator(Offer.of("multipart/related; type=image/jpeg", JPEG_BASELINE));
        assertEquals(JPEG_BASELINE, accept(n, "multipart/related; type=image/jpeg").transferSyntax());
    }

    @Test
    void imageJpegBulkDefaultIsJpegLossless() {
        Offer o = Offer.of("multipart/related; type=\"image/jpeg\"");
        assertEquals(List.of(JPEG_LOSSLESS), o.transferSyntaxes());
        MediaTypeNegotiator n = new MediaTypeNegotiator(Offer.of("image/jpeg", JPEG_BASELINE, JPEG_LOSSLESS));
        assertEquals(JPEG_LOSSLESS, accept(n, "image/jpeg").transferSyntax());
    }

    @Test
    void unavailableTransferSyntaxIs406WithReason() {
        Negotiation n = accept(FRAMES, "multipart/related; type=\"application/octet-stream\"; transfer-syntax="
                + JPEG_BASELINE);
        assertFalse(n.isAcceptable());
        assertTrue(n.reason().contains(JPEG_BASELINE), n.reason());
        assertTrue(n.reason().contains("not available"), n.reason());
        assertThrows(IllegalStateException.class, n::contentType);
    }

    @Test
    void unsupportedMediaTypeIs406WithReason() {
        Negotiation n = accept(METADATA, "image/png, text/html;q=0.5");
        assertFalse(n.isAcceptable());
        assertTrue(n.reason().contains("image/png"), n.reason());
        assertTrue(n.reason().contains("available: [application/dicom+json"), n.reason());
        Negotiation bad = accept(METADATA, "garbage");
        assertFalse(bad.isAcceptable());
        assertTrue(bad.reason().contains("ignored invalid entries: [garbage]"), bad.reason());
    }

    @Test
    void singlePartAndMultipartAreDistinct() {
        MediaTypeNegotiator multipartOnly = new MediaTypeNegotiator(
                Offer.of("multipart/related; type=\"application/dicom\""));
        assertFalse(accept(multipartOnly, "application/dicom").isAcceptable());
        assertFalse(accept(multipartOnly, "multipart/related; type=\"application/dicom+xml\"").isAcceptable());
        assertTrue(accept(multipartOnly, "multipart/related").isAcceptable());
    }

    @Test
    void highestQWins() {
        Negotiation n = accept(METADATA, "application/json;q=0.9, application/dicom+json;q=0.2");
        assertEquals("application/json", n.contentType());
        n = accept(METADATA, "multipart/related; type=application/dicom+xml; q=1.0, application/dicom+json; q=0.999");
        assertEquals("multipart/related; type=\"application/dicom+xml\"", n.contentType());
    }

    @Test
    void equalQPrefersSpecificRangesThenOrder() {
        MediaTypeNegotiator rendered = new MediaTypeNegotiator(Offer.withoutTransferSyntax("image/jpeg"),
                Offer.withoutTransferSyntax("image/png"), Offer.withoutTransferSyntax("image/gif"));
        assertEquals("image/png", accept(rendered, "*/*, image/*, image/png").contentType());
        assertEquals("image/gif", accept(rendered, "image/gif, image/png").contentType());
        assertEquals("image/jpeg", accept(rendered, "*/*").contentType(), "*/* gets the default, listed first");
        assertEquals("image/jpeg", accept(rendered, "image/*").contentType());
        assertTrue(accept(rendered).isAcceptable(), "no Accept header means anything");
    }

    @Test
    void qZeroExcludes() {
        MediaTypeNegotiator rendered = new MediaTypeNegotiator(Offer.withoutTransferSyntax("image/jpeg"),
                Offer.withoutTransferSyntax("image/png"));
        assertEquals("image/png", accept(rendered, "image/*, image/jpeg;q=0").contentType());
        assertFalse(accept(rendered, "image/jpeg;q=0, image/png;q=0").isAcceptable());
        Negotiation n = accept(rendered, "image/jpeg;q=0");
        assertFalse(n.isAcceptable());
        // a more specific positive range beats a less specific exclusion
        assertEquals("image/jpeg", accept(rendered, "image/*;q=0, image/jpeg;q=0.5").contentType());
    }

    @Test
    void qZeroOnOneTransferSyntaxOnlyExcludesThatOne() {
        MediaTypeNegotiator n = new MediaTypeNegotiator(Offer.of("application/dicom", JLS, ELE));
        Negotiation r = accept(n, "application/dicom; transfer-syntax=" + ELE + "; q=0, application/dicom; transfer-syntax=*");
        assertEquals(JLS, r.transferSyntax());
        assertFalse(accept(n, "application/dicom; transfer-syntax=" + JLS + "; q=0, application/dicom; transfer-syntax="
                + JLS).isAcceptable());
    }

    @Test
    void acceptQueryParameterTakesPrecedence() {
        AcceptHeader query = AcceptHeader.fromQueryParameter(List.of("application/json"));
        Negotiation n = METADATA.negotiate(query, AcceptHeader.parse("application/dicom+json"), null);
        assertEquals("application/json", n.contentType());
        assertEquals(Negotiation.Source.QUERY_PARAMETER, n.source());
        // unsupported query values fall back to the header
        n = METADATA.negotiate(AcceptHeader.fromQueryParameter(List.of("image/png")),
                AcceptHeader.parse("application/dicom+json"), null);
        assertEquals("application/dicom+json", n.contentType());
        assertEquals(Negotiation.Source.ACCEPT_HEADER, n.source());
        Negotiation none = METADATA.negotiate(AcceptHeader.fromQueryParameter(List.of("image/png")),
                AcceptHeader.parse("text/html"), null);
        assertTrue(none.reason().contains("accept query parameter: image/png"), none.reason());
    }

    @Test
    void transferSyntaxQueryParameterAppliesWhenTheMediaTypeHasNone() {
        AcceptHeader none = AcceptHeader.fromQueryParameter(List.of());
        Negotiation n = INSTANCES.negotiate(none, AcceptHeader.parse("multipart/related; type=\"application/dicom\""), JLS);
        assertEquals(JLS, n.transferSyntax());
        n = INSTANCES.negotiate(none, AcceptHeader.parse("multipart/related; type=\"application/dicom\"; transfer-syntax="
                + ELE), JLS);
        assertEquals(ELE, n.transferSyntax(), "the media-type parameter wins over the query parameter");
        n = INSTANCES.negotiate(none, AcceptHeader.parse("application/dicom"), JPEG_BASELINE);
        assertFalse(n.isAcceptable());
    }

    @Test
    void transferSyntaxParametersOnTypesWithoutTransferSyntaxAreIgnored() {
        Negotiation n = accept(METADATA, "application/dicom+json; transfer-syntax=" + ELE);
        assertTrue(n.isAcceptable());
        assertNull(n.transferSyntax());
    }

    @Test
    void multipartTypeParameterWildcard() {
        Negotiation n = accept(FRAMES, "multipart/related; type=\"image/*\"");
        assertEquals(JLS, n.transferSyntax());
    }

    @Test
    void offersMustBeConcrete() {
        assertThrows(IllegalArgumentException.class, () -> Offer.of("image/*"));
        assertThrows(IllegalArgumentException.class, () -> new MediaTypeNegotiator(List.of()));
    }
}
