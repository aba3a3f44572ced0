package org.hozon.dicomweb.qido;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class QueryStringDecoderTest {

    @Test
    void decodesPercentEscapesAsUtf8() {
        assertEquals("Yamada^Tarou", QueryStringDecoder.percentDecode("Yamada%5ETarou"));
        assertEquals("山田*", QueryStringDecoder.percentDecode("%E5%B1%B1%E7%94%B0*"));
        assertEquals("1.2.3\\1.2.4", QueryStringDecoder.percentDecode("1.2.3%5C1.2.4"));
        assertEquals("1.2.3\\1.2.4", QueryStringDecoder.percentDecode("1.2.3%5c1.2.4"));
        assertEquals("a b", QueryStringDecoder.percentDecode("a%20b"));
        assertEquals("やまだ", QueryStringDecoder.percentDecode("%E3%82%84%E3%81%BE%E3%81%A0"));
    }

    @Test
    void plusStaysPlus() {
        assertEquals("20200101120000+0900", QueryStringDecoder.percentDecode("20200101120000+0900"));
        assertEquals("a+b", QueryStringDecoder.percentDecode("a%2Bb"));
    }

    @Test
    void rejectsMalformedEscapesAndInvalidUtf8() {
        assertThrows(QidoQueryException.class, () -> QueryStringDecoder.percentDecode("a%ZZ"));
        assertThrows(QidoQueryException.class, () -> QueryStringDecoder.percentDecode("a%4"));
        assertThrows(QidoQueryException.class, () -> QueryStringDecoder.percentDecode("%"));
        // a truncated three-byte sequence and a lone continuation byte
        assertThrows(QidoQueryException.class, () -> QueryStringDecoder.percentDecode("%E5%B1"));
        assertThrows(QidoQueryException.class, () -> QueryStringDecoder.percentDecode("%80"));
    }

    @Test
    void splitsParametersInOrderKeepingRepeats() {
        Map<String, List<String>> p = QueryStringDecoder.decode(
                "?includefield=00081030&PatientName=Yamada%5ETarou&&includefield=00080060&flag&limit=");
        assertEquals(List.of("includefield", "PatientName", "flag", "limit"), List.copyOf(p.keySet()));
        assertEquals(List.of("00081030", "00080060"), p.get("includefield"));
        assertEquals(List.of("Yamada^Tarou"), p.get("PatientName"));
        assertEquals(List.of(""), p.get("flag"));
        assertEquals(List.of(""), p.get("limit"));
    }

    @Test
    void valueMayContainEqualsSign() {
        Map<String, List<String>> p = QueryStringDecoder.decode("PatientName=Yamada^Tarou=%E5%B1%B1%E7%94%B0^%E5%A4%AA%E9%83%8E");
        assertEquals(List.of("Yamada^Tarou=山田^太郎"), p.get("PatientName"));
    }

    @Test
    void emptyAndNullQueries() {
        assertTrue(QueryStringDecoder.decode(null).isEmpty());
        assertTrue(QueryStringDecoder.decode("").isEmpty());
        assertTrue(QueryStringDecoder.decode("?").isEmpty());
    }
}
