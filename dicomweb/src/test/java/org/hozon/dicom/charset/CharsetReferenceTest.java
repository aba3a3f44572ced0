package org.hozon.dicom.charset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Text encoded by pydicom, an independent implementation (pydicom-reference.tsv, written by the
 * committed pydicom_reference.py): we decode its bytes to the same text, and for the sets
 * without code extensions we encode the text to the same bytes. (Escape placement is a free
 * choice under ISO 2022, so there we check that our own bytes read back.)
 */
class CharsetReferenceTest {

    static Stream<String[]> cases() throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                CharsetReferenceTest.class.getResourceAsStream("pydicom-reference.tsv"), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank()) {
                    rows.add(line.split("\t", -1));
                }
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void matchesPydicom(String terms, String text, String hex) {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf(terms.split("\\\\", -1));
        byte[] bytes = HexFormat.of().parseHex(hex);
        assertEquals(text, cs.decode(bytes, 0, bytes.length));
        byte[] ours = cs.encode(text);
        if (terms.contains("ISO 2022")) {
            assertEquals(text, cs.decode(ours, 0, ours.length));
        } else {
            assertEquals(hex, HexFormat.of().formatHex(ours));
        }
    }
}
