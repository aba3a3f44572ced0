package org.hozon.dicomweb.media;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The media ranges of one or more Accept header fields, or of the {@code accept} query parameter
 * (PS3.18 §8.7.7, §8.3.3.1): comma-separated lists, quoted or unquoted parameter values, q
 * values, wildcards, repeated {@code transfer-syntax} parameters. Entries that do not parse are
 * left out and kept in {@link #ignored()}, since PS3.18 says invalid values are ignored.
 */
public final class AcceptHeader {
    private static final AcceptHeader ANY = new AcceptHeader(List.of(MediaType.parse("*/*")), List.of(), true);

    private final List<MediaType> ranges;
    private final List<String> ignored;
    private final boolean implicit;

    private AcceptHeader(List<MediaType> ranges, List<String> ignored, boolean implicit) {
        this.ranges = ranges;
        this.ignored = ignored;
        this.implicit = implicit;
    }

    /**
     * Parses Accept header field values (one per header line; each may be a comma list). No
     * values, or only blank ones, mean {@code *}{@code /*} (RFC 9110 §12.5.1), see {@link #isImplicit()}.
     */
    public static AcceptHeader parse(String... fieldValues) {
        return parse(fieldValues == null ? List.of() : List.of(nonNull(fieldValues)));
    }

    /** As {@link #parse(String...)}, for a list of field values (e.g. from JAX-RS headers). */
    public static AcceptHeader parse(List<String> fieldValues) {
        AcceptHeader h = parseList(fieldValues);
        return h.ranges.isEmpty() && h.ignored.isEmpty() ? ANY : h;
    }

    /**
     * Parses the values of the {@code accept} query parameter (repeated or comma-separated).
     * Unlike the header, no values give an empty list: the header is then used.
     */
    public static AcceptHeader fromQueryParameter(List<String> values) {
        return parseList(values == null ? List.of() : values);
    }

    private static String[] nonNull(String[] values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v != null) {
                out.add(v);
            }
        }
        return out.toArray(new String[0]);
    }

    private static AcceptHeader parseList(List<String> fieldValues) {
        List<MediaType> ranges = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (String field : fieldValues) {
            if (field == null) {
                continue;
            }
            for (String entry : HeaderSyntax.split(field, ',')) {
                if (entry.isBlank()) {
                    continue;
                }
                try {
                    ranges.add(MediaType.parse(entry));
                } catch (IllegalArgumentException e) {
                    ignored.add(entry.trim());
                }
            }
        }
        return new AcceptHeader(Collections.unmodifiableList(ranges), Collections.unmodifiableList(ignored),
                false);
    }

    /** The media ranges in the order given, including those with q=0. */
    public List<MediaType> ranges() {
        return ranges;
    }

    /** Entries that could not be parsed and were left out. */
    public List<String> ignored() {
        return ignored;
    }

    /** True if no media range was given (no or blank field values) and {@code *}{@code /*} is assumed. */
    public boolean isImplicit() {
        return implicit;
    }

    /** True if there is no usable media range. */
    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (MediaType m : ranges) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(m);
        }
        return sb.toString();
    }
}
