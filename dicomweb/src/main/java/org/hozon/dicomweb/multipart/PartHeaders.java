package org.hozon.dicomweb.multipart;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The header fields of one body part, immutable, in order; names are case-insensitive
 * (RFC 2045 §3, RFC 9110 §5.1) and may repeat.
 */
public final class PartHeaders implements Iterable<Map.Entry<String, String>> {
    private static final PartHeaders EMPTY = new PartHeaders(List.of());

    private final List<Map.Entry<String, String>> fields;

    private PartHeaders(List<Map.Entry<String, String>> fields) {
        this.fields = fields;
    }

    /** No header fields. */
    public static PartHeaders empty() {
        return EMPTY;
    }

    /** Header fields from name/value pairs: {@code of("Content-Type", "application/dicom", ...)}. */
    public static PartHeaders of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Names and values must come in pairs");
        }
        PartHeaders h = EMPTY;
        for (int i = 0; i < namesAndValues.length; i += 2) {
            h = h.with(namesAndValues[i], namesAndValues[i + 1]);
        }
        return h;
    }

    /**
     * A copy with one more field. Names must be tokens and values must not contain CR or LF, so a
     * caller's value cannot inject header lines.
     */
    public PartHeaders with(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        checkName(name);
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("Header value contains CR or LF: " + name);
        }
        List<Map.Entry<String, String>> copy = new ArrayList<>(fields.size() + 1);
        copy.addAll(fields);
        copy.add(Map.entry(name, value));
        return new PartHeaders(Collections.unmodifiableList(copy));
    }

    static PartHeaders ofParsed(List<Map.Entry<String, String>> fields) {
        return new PartHeaders(Collections.unmodifiableList(fields));
    }

    private static void checkName(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("Empty header name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 32 || c >= 127 || c == ':') {
                throw new IllegalArgumentException("Bad header name: " + name);
            }
        }
    }

    /** The first value of field {@code name} (case-insensitive), or null. */
    public String get(String name) {
        for (Map.Entry<String, String> f : fields) {
            if (f.getKey().equalsIgnoreCase(name)) {
                return f.getValue();
            }
        }
        return null;
    }

    /** All values of field {@code name} (case-insensitive), in order. */
    public List<String> getAll(String name) {
        List<String> out = new ArrayList<>(1);
        for (Map.Entry<String, String> f : fields) {
            if (f.getKey().equalsIgnoreCase(name)) {
                out.add(f.getValue());
            }
        }
        return out;
    }

    public int size() {
        return fields.size();
    }

    @Override
    public Iterator<Map.Entry<String, String>> iterator() {
        return fields.iterator();
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
