package org.hozon.web.dicomweb;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerationException;
import jakarta.json.stream.JsonGenerator;

/**
 * A compact JSON-P generator that encodes straight to UTF-8 bytes in its own buffer: for the
 * large metadata responses, where Parsson's generator (chars, then a charset encoder) was half of
 * the server's time. Same output as Parsson's without pretty printing: no whitespace, {@code "},
 * {@code \} and control characters escaped (the usual short forms, else {@code \}{@code u00XX}),
 * everything else as UTF-8 (an unpaired surrogate becomes {@code ?}). Checks only what keeps the
 * document well formed (a name where an object needs one, no value after the root). One thread.
 */
final class Utf8JsonGenerator implements JsonGenerator {
    private static final int BUFFER = 64 * 1024;
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** ASCII chars written as they are inside a string. */
    private static final boolean[] PLAIN = new boolean[128];

    static {
        for (int c = 0x20; c < 0x80; c++) {
            PLAIN[c] = c != '"' && c != '\\';
        }
    }

    private final OutputStream out;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    /** Per open level: true for an object; and whether it holds a value yet. */
    private boolean[] object = new boolean[32];
    private boolean[] nonEmpty = new boolean[32];
    private int depth; // 0: before the root value
    private boolean rootDone;
    private boolean keyPending;

    Utf8JsonGenerator(OutputStream out) {
        this.out = out;
    }

    // ---- structure

    @Override
    public JsonGenerator writeStartObject() {
        beforeValue();
        push(true);
        return raw('{');
    }

    @Override
    public JsonGenerator writeStartObject(String name) {
        writeKey(name);
        return writeStartObject();
    }

    @Override
    public JsonGenerator writeKey(String name) {
        if (depth == 0 || !object[depth] || keyPending) {
            throw new JsonGenerationException("a name is allowed only in an object, before its value: " + name);
        }
        comma();
        string(name);
        raw(':');
        keyPending = true;
        return this;
    }

    @Override
    public JsonGenerator writeStartArray() {
        beforeValue();
        push(false);
        return raw('[');
    }

    @Override
    public JsonGenerator writeStartArray(String name) {
        writeKey(name);
        return writeStartArray();
    }

    @Override
    public JsonGenerator writeEnd() {
        if (depth == 0 || keyPending) {
            throw new JsonGenerationException("writeEnd with no open object or array, or after a name");
        }
        raw(object[depth] ? '}' : ']');
        depth--;
        return this;
    }

    // ---- values with a name

    @Override
    public JsonGenerator write(String name, JsonValue value) {
        return writeKey(name).write(value);
    }

    @Override
    public JsonGenerator write(String name, String value) {
        return writeKey(name).write(value);
    }

    @Override
    public JsonGenerator write(String name, BigInteger value) {
        return writeKey(name).write(value);
    }

    @Override
    public JsonGenerator write(String name, BigDecimal value) {
        return writeKey(name).write(value);
    }

    @Override
    public JsonGenerator write(String name, int value) {
        return writeKey(name).write(value);
    }

    @Override
    public JsonGenerator write(String name, long value) {
        return writeKey(name).write(value);
    }

    @Override
    public JsonGenerator write(String name, double value) {
        return writeKey(name).write(value);
    }

    @Override
    public JsonGenerator write(String name, boolean value) {
        return writeKey(name).write(value);
    }

    @Override
    public JsonGenerator writeNull(String name) {
        return writeKey(name).writeNull();
    }

    // ---- values

    @Override
    public JsonGenerator write(JsonValue value) {
        switch (value.getValueType()) {
            case OBJECT -> {
                writeStartObject();
                for (Map.Entry<String, JsonValue> e : ((JsonObject) value).entrySet()) {
                    write(e.getKey(), e.getValue());
                }
                return writeEnd();
            }
            case ARRAY -> {
                writeStartArray();
                for (JsonValue v : (JsonArray) value) {
                    write(v);
                }
                return writeEnd();
            }
            case STRING -> {
                return write(((JsonString) value).getString());
            }
            case NUMBER -> {
                return literal(((JsonNumber) value).toString());
            }
            case TRUE -> {
                return literal("true");
            }
            case FALSE -> {
                return literal("false");
            }
            default -> {
                return literal("null");
            }
        }
    }

    @Override
    public JsonGenerator write(String value) {
        beforeValue();
        string(value);
        return this;
    }

    @Override
    public JsonGenerator write(BigDecimal value) {
        return literal(value.toString());
    }

    @Override
    public JsonGenerator write(BigInteger value) {
        return literal(value.toString());
    }

    @Override
    public JsonGenerator write(int value) {
        return literal(Integer.toString(value));
    }

    @Override
    public JsonGenerator write(long value) {
        return literal(Long.toString(value));
    }

    @Override
    public JsonGenerator write(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new NumberFormatException("JSON has no " + value);
        }
        return literal(Double.toString(value));
    }

    @Override
    public JsonGenerator write(boolean value) {
        return literal(value ? "true" : "false");
    }

    @Override
    public JsonGenerator writeNull() {
        return literal("null");
    }

    @Override
    public void flush() {
        try {
            drain();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes what is buffered and closes the stream. */
    @Override
    public void close() {
        try {
            drain();
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- encoding

    /** An ASCII literal (number, true, false, null) as the next value. */
    private JsonGenerator literal(String text) {
        beforeValue();
        int n = text.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[pos++] = (byte) text.charAt(i);
        }
        return this;
    }

    private void beforeValue() {
        if (depth == 0) {
            if (rootDone) {
                throw new JsonGenerationException("a JSON document has one root value");
            }
            rootDone = true; // a scalar root is complete; an object or array root ends at depth 0 again
            return;
        }
        if (object[depth]) {
            if (!keyPending) {
                throw new JsonGenerationException("a value in an object needs a name");
            }
            keyPending = false;
            nonEmpty[depth] = true;
        } else {
            comma();
        }
    }

    private void comma() {
        if (nonEmpty[depth]) {
            raw(',');
        } else if (!object[depth]) {
            nonEmpty[depth] = true;
        }
    }

    private void push(boolean isObject) {
        depth++;
        if (depth == object.length) {
            object = Arrays.copyOf(object, depth * 2);
            nonEmpty = Arrays.copyOf(nonEmpty, depth * 2);
        }
        object[depth] = isObject;
        nonEmpty[depth] = false;
    }

    private JsonGenerator raw(char c) {
        ensure(1);
        buf[pos++] = (byte) c;
        return this;
    }

    /** A quoted, escaped string; at most 6 bytes per char, written in slices that fit the buffer. */
    @SuppressWarnings("deprecation")
    private void string(String s) {
        int n = s.length();
        if (n + 2 <= buf.length && isPlainAscii(s, n)) {
            // the common case (UIDs, codes, numbers, names in ASCII): one bulk copy of the chars
            ensure(n + 2);
            buf[pos++] = '"';
            s.getBytes(0, n, buf, pos); // exact for ASCII; intrinsic copy
            pos += n;
            buf[pos++] = '"';
            return;
        }
        ensure(1);
        buf[pos++] = '"';
        int i = 0;
        while (i < n) {
            ensure(Math.min(BUFFER, (n - i) * 6));
            int end = Math.min(n, i + (buf.length - pos) / 6);
            for (; i < end; i++) {
                char c = s.charAt(i);
                if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                    buf[pos++] = (byte) c;
                } else if (c < 0x80) {
                    escape(c);
                } else if (c < 0x800) {
                    buf[pos++] = (byte) (0xC0 | c >> 6);
                    buf[pos++] = (byte) (0x80 | c & 0x3F);
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    buf[pos++] = (byte) (0xF0 | cp >> 18);
                    buf[pos++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    buf[pos++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    buf[pos++] = (byte) (0x80 | cp & 0x3F);
                } else if (Character.isSurrogate(c)) {
                    buf[pos++] = '?';
                } else {
                    buf[pos++] = (byte) (0xE0 | c >> 12);
                    buf[pos++] = (byte) (0x80 | c >> 6 & 0x3F);
                    buf[pos++] = (byte) (0x80 | c & 0x3F);
                }
            }
        }
        ensure(1);
        buf[pos++] = '"';
    }

    /** True if every char is printable ASCII other than {@code "} and {@code \}. */
    private static boolean isPlainAscii(String s, int n) {
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || !PLAIN[c]) {
                return false;
            }
        }
        return true;
    }

    private void escape(char c) {
        buf[pos++] = '\\';
        switch (c) {
            case '"' -> buf[pos++] = '"';
            case '\\' -> buf[pos++] = '\\';
            case '\b' -> buf[pos++] = 'b';
            case '\f' -> buf[pos++] = 'f';
            case '\n' -> buf[pos++] = 'n';
            case '\r' -> buf[pos++] = 'r';
            case '\t' -> buf[pos++] = 't';
            default -> {
                buf[pos++] = 'u';
                buf[pos++] = '0';
                buf[pos++] = '0';
                buf[pos++] = HEX[c >> 4];
                buf[pos++] = HEX[c & 0xF];
            }
        }
    }

    /** Room for {@code n} more bytes (n at most the buffer size). */
    private void ensure(int n) {
        if (buf.length - pos < n) {
            try {
                drain();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void drain() throws IOException {
        if (pos > 0) {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }
}
