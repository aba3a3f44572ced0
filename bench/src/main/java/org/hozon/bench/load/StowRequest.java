package org.hozon.bench.load;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Collections;
import java.util.List;

/**
 * One STOW-RS request body, ready to send: its Content-Type, its bytes as a list of segments
 * (headers built for this request, pixel arrays shared with the {@link SlicePool}) and the
 * identity of what it carries.
 */
public final class StowRequest {
    private final String contentType;
    private final List<byte[]> segments;
    private final long length;
    private final String studyUid;
    private final List<String> sopInstanceUids;

    StowRequest(String contentType, List<byte[]> segments, long length, String studyUid,
            List<String> sopInstanceUids) {
        this.contentType = contentType;
        this.segments = segments;
        this.length = length;
        this.studyUid = studyUid;
        this.sopInstanceUids = List.copyOf(sopInstanceUids);
    }

    /** {@code multipart/related; type="application/dicom"; boundary=...}. */
    public String contentType() {
        return contentType;
    }

    /** Body length in bytes. */
    public long length() {
        return length;
    }

    public String studyUid() {
        return studyUid;
    }

    public List<String> sopInstanceUids() {
        return sopInstanceUids;
    }

    public int instances() {
        return sopInstanceUids.size();
    }

    /** The body segments, in order; shared arrays, not to be modified. */
    List<byte[]> segments() {
        return segments;
    }

    /** The body as a stream (for tests and for clients that want one). */
    public InputStream openStream() {
        return new SequenceInputStream(Collections.enumeration(
                segments.stream().map(ByteArrayInputStream::new).toList()));
    }
}
