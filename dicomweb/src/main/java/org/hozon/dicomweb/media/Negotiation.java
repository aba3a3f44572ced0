package org.hozon.dicomweb.media;

import java.util.Objects;

/**
 * The outcome of media-type negotiation: the Selected Media Type and Selected Transfer Syntax
 * (PS3.18 §8.7.8), or, when nothing acceptable can be produced, the reason for a 406 response.
 */
public final class Negotiation {
    /** Where the Selected Media Type came from. */
    public enum Source {
        /** The {@code accept} query parameter. */
        QUERY_PARAMETER,
        /** The Accept header field. */
        ACCEPT_HEADER
    }

    private final Offer offer;
    private final MediaType range;
    private final String transferSyntax;
    private final Source source;
    private final String reason;

    private Negotiation(Offer offer, MediaType range, String transferSyntax, Source source, String reason) {
        this.offer = offer;
        this.range = range;
        this.transferSyntax = transferSyntax;
        this.source = source;
        this.reason = reason;
    }

    static Negotiation selected(Offer offer, MediaType range, String transferSyntax, Source source) {
        return new Negotiation(Objects.requireNonNull(offer), range, transferSyntax, source, null);
    }

    static Negotiation notAcceptable(String reason) {
        return new Negotiation(null, null, null, null, Objects.requireNonNull(reason));
    }

    /** True if a representation was selected; false means answer 406 with {@link #reason()}. */
    public boolean isAcceptable() {
        return offer != null;
    }

    /** The selected offer. @throws IllegalStateException if not acceptable */
    public Offer offer() {
        check();
        return offer;
    }

    /** The Selected Media Type (for multipart, with its {@code type} parameter). */
    public MediaType mediaType() {
        check();
        return offer.mediaType();
    }

    /** The Selected Transfer Syntax UID, or null if the media type has none (JSON, rendered). */
    public String transferSyntax() {
        check();
        return transferSyntax;
    }

    /** The media range of the request that matched. */
    public MediaType matchedRange() {
        check();
        return range;
    }

    /** Whether the query parameter or the header decided. */
    public Source source() {
        check();
        return source;
    }

    /**
     * The Content-Type of the response: the selected media type, for a single part with
     * {@code transfer-syntax} when there is one (multipart responses carry it per part).
     */
    public String contentType() {
        check();
        MediaType mt = offer.mediaType();
        if (transferSyntax != null && !offer.isMultipart()) {
            mt = mt.withParameter(MediaTypes.TRANSFER_SYNTAX, transferSyntax);
        }
        return mt.toString();
    }

    /**
     * The Content-Type of each part of a multipart response: the root type with
     * {@code transfer-syntax} when there is one; for single-part responses the same as
     * {@link #contentType()}.
     */
    public String partContentType() {
        check();
        String rootType = offer.mediaType().parameter(MediaTypes.TYPE);
        if (!offer.isMultipart() || rootType == null) {
            return contentType();
        }
        MediaType root = MediaType.parse(rootType);
        return (transferSyntax == null ? root : root.withParameter(MediaTypes.TRANSFER_SYNTAX, transferSyntax))
                .toString();
    }

    /** Why nothing acceptable could be produced; null when acceptable. */
    public String reason() {
        return reason;
    }

    private void check() {
        if (offer == null) {
            throw new IllegalStateException("Not acceptable: " + reason);
        }
    }

    @Override
    public String toString() {
        return isAcceptable() ? contentType() + (offer.isMultipart() && transferSyntax != null
                ? " (parts: " + partContentType() + ")" : "") : "406: " + reason;
    }
}
