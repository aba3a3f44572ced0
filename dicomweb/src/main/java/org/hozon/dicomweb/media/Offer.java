package org.hozon.dicomweb.media;

import java.util.List;
import java.util.Objects;

/**
 * One representation a resource can produce: a media type (for multipart, with its {@code type}
 * parameter) and the Transfer Syntaxes it can deliver it in.
 *
 * <p>The first Transfer Syntax is the one the data is stored in: it is chosen for
 * {@code transfer-syntax=*} ("no transcoding"). The default Transfer Syntax, used when the client
 * names none, is the PS3.18 default for the media type ({@link TransferSyntaxTable#defaultFor})
 * if this offer can produce it, else the stored one (PS3.18 §8.7.3.3: data held only in lossy
 * form is sent as it is). Offers without Transfer Syntaxes (JSON, XML, rendered images) ignore
 * {@code transfer-syntax} parameters.
 */
public final class Offer {
    private final MediaType mediaType;
    private final List<String> transferSyntaxes;
    private final String defaultTransferSyntax;

    private Offer(MediaType mediaType, List<String> transferSyntaxes) {
        this.mediaType = mediaType;
        this.transferSyntaxes = transferSyntaxes;
        String standard = TransferSyntaxTable.defaultFor(mediaType);
        if (transferSyntaxes.isEmpty()) {
            this.defaultTransferSyntax = null;
        } else if (standard != null && transferSyntaxes.contains(standard)) {
            this.defaultTransferSyntax = standard;
        } else {
            this.defaultTransferSyntax = transferSyntaxes.get(0);
        }
    }

    /**
     * An offer of {@code mediaType} in the given Transfer Syntaxes, stored one first. With none
     * given, the PS3.18 default for the media type is used if it has one.
     */
    public static Offer of(MediaType mediaType, String... transferSyntaxes) {
        Objects.requireNonNull(mediaType, "mediaType");
        if (mediaType.isWildcardSubtype()) {
            throw new IllegalArgumentException("An offer must be a concrete media type: " + mediaType);
        }
        MediaType plain = mediaType.withoutParameter(MediaTypes.TRANSFER_SYNTAX).withQuality(1.0);
        if (transferSyntaxes.length == 0) {
            String standard = TransferSyntaxTable.defaultFor(plain);
            return new Offer(plain, standard == null ? List.of() : List.of(standard));
        }
        return new Offer(plain, List.of(transferSyntaxes));
    }

    /** As {@link #of(MediaType, String...)}, parsing the media type. */
    public static Offer of(String mediaType, String... transferSyntaxes) {
        return of(MediaType.parse(mediaType), transferSyntaxes);
    }

    /** An offer without Transfer Syntax, e.g. {@code application/dicom+json} or rendered {@code image/jpeg}. */
    public static Offer withoutTransferSyntax(String mediaType) {
        return new Offer(MediaType.parse(mediaType), List.of());
    }

    /** The media type, for multipart with its {@code type} parameter; no q, no transfer-syntax. */
    public MediaType mediaType() {
        return mediaType;
    }

    /** The Transfer Syntaxes this offer can deliver, stored one first; empty if not applicable. */
    public List<String> transferSyntaxes() {
        return transferSyntaxes;
    }

    /** The Transfer Syntax used when the client names none; null if not applicable. */
    public String defaultTransferSyntax() {
        return defaultTransferSyntax;
    }

    /** The Transfer Syntax the data is stored in (first given); null if not applicable. */
    public String storedTransferSyntax() {
        return transferSyntaxes.isEmpty() ? null : transferSyntaxes.get(0);
    }

    /** True for {@code multipart/related} offers. */
    public boolean isMultipart() {
        return mediaType.is(MediaTypes.MULTIPART_RELATED);
    }

    @Override
    public String toString() {
        return transferSyntaxes.isEmpty() ? mediaType.toString() : mediaType + " " + transferSyntaxes;
    }
}
