package org.hozon.dicomweb.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void readsTheThreeFormsOfOneRange() {
        assertEquals(new ByteRange(10, 19), ByteRange.parse("bytes=10-19", 100).range());
        assertEquals(new ByteRange(90, 99), ByteRange.parse("bytes=90-", 100).range());
        assertEquals(new ByteRange(80, 99), ByteRange.parse("bytes=-20", 100).range());
        assertEquals(new ByteRange(95, 99), ByteRange.parse("Bytes=95-500", 100).range());
        assertEquals("bytes 10-19/100", new ByteRange(10, 19).contentRange(100));
        assertEquals(10, new ByteRange(10, 19).length());
    }

    @Test
    void answersUnsatisfiableAndIgnoredRanges() {
        assertEquals(ByteRange.Kind.UNSATISFIABLE, ByteRange.parse("bytes=100-", 100).kind());
        assertEquals(ByteRange.Kind.UNSATISFIABLE, ByteRange.parse("bytes=-0", 100).kind());
        assertEquals(ByteRange.Kind.WHOLE, ByteRange.parse(null, 100).kind());
        assertEquals(ByteRange.Kind.WHOLE, ByteRange.parse("bytes=0-1,5-6", 100).kind());
        assertEquals(ByteRange.Kind.WHOLE, ByteRange.parse("items=0-1", 100).kind());
        assertEquals(ByteRange.Kind.WHOLE, ByteRange.parse("bytes=5-2", 100).kind());
        assertEquals(ByteRange.Kind.WHOLE, ByteRange.parse("bytes=x-2", 100).kind());
        assertEquals(ByteRange.Kind.WHOLE, ByteRange.parse("bytes=-", 100).kind());
    }
}
