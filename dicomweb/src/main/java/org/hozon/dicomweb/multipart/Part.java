package org.hozon.dicomweb.multipart;

import java.io.InputStream;
import org.hozon.dicomweb.media.MediaType;
import org.hozon.dicomweb.media.MediaTypes;

/**
 * One body part read by {@link MultipartReader}: its header fields and a stream of its body that
 * ends exactly at the next boundary. The body stream is valid until the next call of
 * {@link MultipartReader#nextPart()}; whatever was not read is then skipped.
 */
public final class Part {
    private final int index;
    private final PartHeaders headers;
    private final InputStream body;
    private MediaType contentType;
    private boolean contentTypeParsed;

    Part(int index, PartHeaders headers, InputStream body) {
        this.index = index;
        this.headers = headers;
        this.body = body;
    }

    /** The position of this part in the body, from 0. */
    public int index() {
        return index;
    }

    public PartHeaders headers() {
        return headers;
    }

    /** The body, streamed; it ends at the boundary and throws {@link MultipartException} if the body is truncated. */
    public InputStream body() {
        return body;
    }

    /** The Content-Type field value, or null. */
    public String contentTypeValue() {
        return headers.get("Content-Type");
    }

    /** The parsed Content-Type, or null if absent or not a media type. */
    public MediaType contentType() {
        if (!contentTypeParsed) {
            contentTypeParsed = true;
            String v = contentTypeValue();
            if (v != null) {
                try {
                    contentType = MediaType.parse(v);
                } catch (IllegalArgumentException e) {
                    contentType = null;
                }
            }
        }
        return contentType;
    }

    /** The {@code transfer-syntax} parameter of the Content-Type, or null. */
    public String transferSyntax() {
        MediaType mt = contentType();
        return mt == null ? null : mt.parameter(MediaTypes.TRANSFER_SYNTAX);
    }

    /** The Content-Location field value, or null. */
    public String contentLocation() {
        return headers.get("Content-Location");
    }

    /** The Content-ID field value, or null. */
    public String contentId() {
        return headers.get("Content-ID");
    }

    /** The Content-Length field value, or -1 if absent or not a non-negative number. */
    public long contentLength() {
        String v = headers.get("Content-Length");
        if (v == null) {
            return -1;
        }
        try {
            long n = Long.parseLong(v.trim());
            return n >= 0 ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public String toString() {
        return "Part " + index + " " + headers;
    }
}
