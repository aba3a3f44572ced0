package org.hozon.dicomweb.qido;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a raw URI query component into decoded parameters (PS3.18 §8.3.1; RFC 3986 §3.4).
 *
 * <p>Percent-encoded octets are decoded as UTF-8 ({@code %5C} is a backslash,
 * {@code %E5%B1%B1} is 山); malformed escapes or invalid UTF-8 are an error, not silently
 * replaced. A {@code +} is kept as a plus sign: DICOMweb URIs follow RFC 3986 and RFC 6570,
 * where {@code +} is not a space (that is HTML form encoding), and DT values need {@code +}
 * for UTC offsets; clients send spaces as {@code %20}. (Where a form-decoding layer has already
 * turned {@code +} into a space, DT parsing accepts a space before the offset digits.)
 */
public final class QueryStringDecoder {
    private QueryStringDecoder() {
    }

    /**
     * Decodes {@code rawQuery} (with or without the leading {@code ?}; null or empty gives an
     * empty map) into names and their values in order of appearance. A parameter without
     * {@code =} has the empty value; empty segments ({@code a=1&&b=2}) are skipped.
     *
     * @throws QidoQueryException for a malformed percent escape or invalid UTF-8
     */
    public static Map<String, List<String>> decode(String rawQuery) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (rawQuery == null) {
            return out;
        }
        String q = rawQuery.startsWith("?") ? rawQuery.substring(1) : rawQuery;
        for (String segment : q.split("&", -1)) {
            if (segment.isEmpty()) {
                continue;
            }
            int eq = segment.indexOf('=');
            String name = percentDecode(eq < 0 ? segment : segment.substring(0, eq));
            String value = eq < 0 ? "" : percentDecode(segment.substring(eq + 1));
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    /**
     * Decodes percent escapes in {@code s} as UTF-8; {@code +} stays a plus sign.
     *
     * @throws QidoQueryException for a malformed escape or invalid UTF-8
     */
    public static String percentDecode(String s) {
        int first = s.indexOf('%');
        if (first < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        byte[] head = s.substring(0, first).getBytes(StandardCharsets.UTF_8);
        bytes.write(head, 0, head.length);
        for (int i = first; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == '%') {
                int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
                int lo = hi >= 0 ? Character.digit(s.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    throw new QidoQueryException(null, "malformed percent escape at position " + i
                            + " of '" + s + "'");
                }
                bytes.write((hi << 4) | lo);
                i += 3;
            } else {
                int end = i;
                while (end < s.length() && s.charAt(end) != '%') {
                    end++;
                }
                byte[] b = s.substring(i, end).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
                i = end;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new QidoQueryException(null, "percent-encoded value is not UTF-8: '" + s + "'", e);
        }
    }
}
