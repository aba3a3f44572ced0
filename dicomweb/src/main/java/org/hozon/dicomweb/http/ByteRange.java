package org.hozon.dicomweb.http;

/**
 * One byte range of an HTTP {@code Range} header (RFC 9110 §14.1.2), resolved against the length
 * of the representation: {@code bytes=10-19}, {@code bytes=10-}, {@code bytes=-20}.
 *
 * @param first first byte, inclusive
 * @param last  last byte, inclusive
 */
public record ByteRange(long first, long last) {

    /** The outcome of reading a Range header. */
    public enum Kind {
        /** No Range header, or one to ignore (not bytes, several ranges, malformed): send it all. */
        WHOLE,
        /** One satisfiable range: 206. */
        PARTIAL,
        /** A well-formed range beyond the end: 416. */
        UNSATISFIABLE
    }

    /** The result of {@link #parse}: its kind and, for {@link Kind#PARTIAL}, the range. */
    public record Result(Kind kind, ByteRange range) {
    }

    /** Number of bytes in the range. */
    public long length() {
        return last - first + 1;
    }

    /** The {@code Content-Range} value for a representation of {@code total} bytes. */
    public String contentRange(long total) {
        return "bytes " + first + "-" + last + "/" + total;
    }

    /**
     * Reads a {@code Range} header for a representation of {@code total} bytes. Several ranges
     * are answered with the whole representation, which RFC 9110 allows.
     */
    public static Result parse(String header, long total) {
        if (header == null) {
            return new Result(Kind.WHOLE, null);
        }
        String h = header.strip();
        if (!h.regionMatches(true, 0, "bytes=", 0, 6) || h.indexOf(',') >= 0) {
            return new Result(Kind.WHOLE, null);
        }
        String spec = h.substring(6).strip();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return new Result(Kind.WHOLE, null);
        }
        try {
            String a = spec.substring(0, dash).strip();
            String b = spec.substring(dash + 1).strip();
            if (a.isEmpty()) {
                if (b.isEmpty()) {
                    return new Result(Kind.WHOLE, null);
                }
                long suffix = Long.parseLong(b);
                if (suffix <= 0 || total == 0) {
                    return new Result(Kind.UNSATISFIABLE, null);
                }
                return new Result(Kind.PARTIAL, new ByteRange(Math.max(0, total - suffix), total - 1));
            }
            long first = Long.parseLong(a);
            long last = b.isEmpty() ? Long.MAX_VALUE : Long.parseLong(b);
            if (first < 0 || last < first) {
                return new Result(Kind.WHOLE, null);
            }
            if (first >= total) {
                return new Result(Kind.UNSATISFIABLE, null);
            }
            return new Result(Kind.PARTIAL, new ByteRange(first, Math.min(last, total - 1)));
        } catch (NumberFormatException e) {
            return new Result(Kind.WHOLE, null);
        }
    }
}
