package org.hozon.dicomweb.multipart;

import org.hozon.dicomweb.media.MediaType;

/**
 * The parameters of a {@code multipart/related} Content-Type (RFC 2387 §3): {@code boundary},
 * {@code type} (the root part's media type), {@code start} and {@code start-info}. Parameter
 * names are case-insensitive and values may be quoted or not.
 */
public final class MultipartContentType {
    /** Longest boundary RFC 2046 §5.1.1 allows. */
    public static final int MAX_BOUNDARY_LENGTH = 70;

    private final MediaType mediaType;
    private final String boundary;

    private MultipartContentType(MediaType mediaType, String boundary) {
        this.mediaType = mediaType;
        this.boundary = boundary;
    }

    /**
     * Parses a Content-Type header value of a multipart body.
     *
     * @throws MultipartException if it is not a multipart type or has no valid boundary
     */
    public static MultipartContentType parse(String contentType) throws MultipartException {
        if (contentType == null) {
            throw new MultipartException("No Content-Type");
        }
        MediaType mt;
        try {
            mt = MediaType.parse(contentType);
        } catch (IllegalArgumentException e) {
            throw new MultipartException("Bad Content-Type '" + contentType + "': " + e.getMessage());
        }
        if (!mt.type().equals("multipart")) {
            throw new MultipartException("Not a multipart Content-Type: " + contentType);
        }
        String boundary = mt.parameter("boundary");
        if (boundary == null) {
            throw new MultipartException("No boundary parameter in Content-Type: " + contentType);
        }
        checkBoundary(boundary);
        return new MultipartContentType(mt, boundary);
    }

    /**
     * Checks a boundary: 1 to 70 characters, printable ASCII, not ending in a space (RFC 2046
     * §5.1.1; we accept any printable character, not only bchars, as readers should be lenient).
     */
    static void checkBoundary(String boundary) throws MultipartException {
        if (boundary.isEmpty() || boundary.length() > MAX_BOUNDARY_LENGTH) {
            throw new MultipartException("Boundary must have 1 to " + MAX_BOUNDARY_LENGTH + " characters: '"
                    + boundary + "'");
        }
        for (int i = 0; i < boundary.length(); i++) {
            char c = boundary.charAt(i);
            if (c < 32 || c > 126) {
                throw new MultipartException("Boundary contains a character that is not printable ASCII");
            }
        }
        if (boundary.charAt(boundary.length() - 1) == ' ') {
            throw new MultipartException("Boundary ends with a space");
        }
    }

    /** The whole media type. */
    public MediaType mediaType() {
        return mediaType;
    }

    /** The boundary, unquoted. */
    public String boundary() {
        return boundary;
    }

    /** The {@code type} parameter (the root part's media type), or null. */
    public String type() {
        return mediaType.parameter("type");
    }

    /** The {@code start} parameter (Content-ID of the root part), or null. */
    public String start() {
        return mediaType.parameter("start");
    }

    /** The {@code start-info} parameter, or null. */
    public String startInfo() {
        return mediaType.parameter("start-info");
    }
}
