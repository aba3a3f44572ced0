package org.hozon.dicomweb.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AcceptHeaderTest {

    @Test
    void commaListsWithQuotedCommas() {
        AcceptHeader h = AcceptHeader.parse("application/dicom+json, multipart/related; type=\"application/dicom\"; "
                + "boundary=\"a,b\";q=0.5 ,application/json");
        assertEquals(3, h.ranges().size());
        assertEquals("application/dicom+json", h.ranges().get(0).essence());
        assertEquals("a,b", h.ranges().get(1).parameter("boundary"));
        assertEquals(0.5, h.ranges().get(1).quality());
        assertEquals("application/json", h.ranges().get(2).essence());
    }

    @Test
    void severalHeaderLinesAreOneList() {
        AcceptHeader h = AcceptHeader.parse("image/jpeg", "image/png;q=0.3");
        assertEquals(2, h.ranges().size());
        assertEquals(List.of("image/jpeg", "image/png; q=0.3"), h.ranges().stream().map(MediaType::toString).toList());
    }

    @Test
    void missingOrBlankHeaderMeansAnything() {
        assertTrue(AcceptHeader.parse().isImplicit());
        assertTrue(AcceptHeader.parse((String) null).isImplicit());
        assertTrue(AcceptHeader.parse("  ").isImplicit());
        assertEquals("*/*", AcceptHeader.parse().ranges().get(0).essence());
        assertFalse(AcceptHeader.parse("*/*").isImplicit());
    }

    @Test
    void invalidEntriesAreIgnoredAndReported() {
        AcceptHeader h = AcceptHeader.parse("text, image/jpeg;q=5, application/dicom, ,");
        assertEquals(1, h.ranges().size());
        assertEquals(List.of("text", "image/jpeg;q=5"), h.ignored());
        AcceptHeader none = AcceptHeader.parse("garbage");
        assertTrue(none.isEmpty());
        assertFalse(none.isImplicit());
    }

    @Test
    void queryParameterValues() {
        AcceptHeader q = AcceptHeader.fromQueryParameter(List.of("application/dicom+json,application/json", "image/png"));
        assertEquals(3, q.ranges().size());
        assertTrue(AcceptHeader.fromQueryParameter(List.of()).isEmpty());
        assertTrue(AcceptHeader.fromQueryParameter(null).isEmpty());
    }
}
