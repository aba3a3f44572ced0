package org.hozon.dicomweb.media;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses the Selected Media Type and Selected Transfer Syntax of a response (PS3.18 §8.7.8).
 *
 * <p>Media ranges are tried by descending q, then by specificity ({@code *}{@code /*} &lt;
 * {@code type/*} &lt; {@code type/subtype}, each {@code type} or {@code transfer-syntax}
 * parameter adding to it), then in the order given; for each range the offers are tried in the
 * resource's order, so the resource lists its default representation first (which is also what a
 * bare {@code *}{@code /*} gets, §8.7.7). A {@code multipart/related} range matches a multipart
 * offer if its {@code type} parameter, when present, covers the offer's root type.
 *
 * <p>The Transfer Syntax comes from the range's {@code transfer-syntax} parameters (several are
 * alternatives, in order; {@code *} means "as stored"), else from the {@code transfer-syntax}
 * query parameter, else the offer's default. A range with q=0 excludes the offers it matches
 * unless a more specific range accepts them. The {@code accept} query parameter is tried before
 * the Accept header; the header is used when the query parameter is absent or none of its media
 * types can be produced.
 */
public final class MediaTypeNegotiator {
    private final List<Offer> offers;

    /** A negotiator over the representations a resource can produce, its default first. */
    public MediaTypeNegotiator(List<Offer> offers) {
        if (offers.isEmpty()) {
            throw new IllegalArgumentException("No offers");
        }
        this.offers = List.copyOf(offers);
    }

    /** As {@link #MediaTypeNegotiator(List)}. */
    public MediaTypeNegotiator(Offer... offers) {
        this(List.of(offers));
    }

    public List<Offer> offers() {
        return offers;
    }

    /** Negotiates from the Accept header alone. */
    public Negotiation negotiate(AcceptHeader accept) {
        return negotiate(AcceptHeader.fromQueryParameter(List.of()), accept, null);
    }

    /**
     * Negotiates from the {@code accept} query parameter, then the Accept header.
     *
     * @param acceptQuery the parsed {@code accept} query parameter (empty if absent)
     * @param acceptHeader the parsed Accept header
     * @param transferSyntaxQuery the {@code transfer-syntax} query parameter, or null
     */
    public Negotiation negotiate(AcceptHeader acceptQuery, AcceptHeader acceptHeader, String transferSyntaxQuery) {
        List<String> reasons = new ArrayList<>();
        if (!acceptQuery.isEmpty()) {
            Negotiation n = negotiate(acceptQuery, transferSyntaxQuery, Negotiation.Source.QUERY_PARAMETER, reasons);
            if (n != null) {
                return n;
            }
        }
        Negotiation n = negotiate(acceptHeader, transferSyntaxQuery, Negotiation.Source.ACCEPT_HEADER, reasons);
        if (n != null) {
            return n;
        }
        StringBuilder sb = new StringBuilder("None of the acceptable media types can be produced");
        if (!acceptQuery.isEmpty()) {
            sb.append("; accept query parameter: ").append(acceptQuery);
        }
        sb.append("; Accept: ").append(acceptHeader.isEmpty() ? "(no usable media range)" : acceptHeader.toString());
        if (!acceptHeader.ignored().isEmpty() || !acceptQuery.ignored().isEmpty()) {
            List<String> bad = new ArrayList<>(acceptQuery.ignored());
            bad.addAll(acceptHeader.ignored());
            sb.append("; ignored invalid entries: ").append(bad);
        }
        for (String r : new LinkedHashSet<>(reasons)) {
            sb.append("; ").append(r);
        }
        sb.append("; available: ").append(offers);
        return Negotiation.notAcceptable(sb.toString());
    }

    private Negotiation negotiate(AcceptHeader accept, String tsQuery, Negotiation.Source source,
            List<String> reasons) {
        List<MediaType> candidates = new ArrayList<>();
        List<MediaType> exclusions = new ArrayList<>();
        for (MediaType range : accept.ranges()) {
            (range.quality() > 0 ? candidates : exclusions).add(range);
        }
        // List.sort is stable: equal q and specificity keep the client's order.
        candidates.sort(Comparator.comparingDouble(MediaType::quality).reversed()
                .thenComparing(Comparator.comparingInt(MediaTypeNegotiator::specificity).reversed()));
        for (MediaType range : candidates) {
            for (Offer offer : offers) {
                if (!typeMatches(range, offer)) {
                    continue;
                }
                TsChoice choice = chooseTransferSyntax(range, offer, tsQuery);
                if (!choice.possible()) {
                    reasons.add(range + ": requested transfer syntax "
                            + requestedTransferSyntaxes(range, tsQuery) + " not available for " + offer.mediaType()
                            + " (available: " + offer.transferSyntaxes() + ")");
                    continue;
                }
                if (excluded(offer, choice.uid(), range, exclusions)) {
                    reasons.add(offer.mediaType() + " is excluded by q=0");
                    continue;
                }
                return Negotiation.selected(offer, range, choice.uid(), source);
            }
        }
        return null;
    }

    /** A Transfer Syntax choice: impossible, or possible with a UID (null if not applicable). */
    private record TsChoice(boolean possible, String uid) {
        static final TsChoice IMPOSSIBLE = new TsChoice(false, null);
    }

    private static TsChoice chooseTransferSyntax(MediaType range, Offer offer, String tsQuery) {
        if (offer.transferSyntaxes().isEmpty()) {
            return new TsChoice(true, null); // parameters that do not apply are ignored (PS3.18 §8.7.7)
        }
        List<String> requested = requestedTransferSyntaxes(range, tsQuery);
        if (requested.isEmpty()) {
            return new TsChoice(true, offer.defaultTransferSyntax());
        }
        for (String uid : requested) {
            if (uid.equals(MediaTypes.ANY_TRANSFER_SYNTAX)) {
                return new TsChoice(true, offer.storedTransferSyntax());
            }
            if (offer.transferSyntaxes().contains(uid)) {
                return new TsChoice(true, uid);
            }
        }
        return TsChoice.IMPOSSIBLE;
    }

    private static List<String> requestedTransferSyntaxes(MediaType range, String tsQuery) {
        List<String> requested = new ArrayList<>();
        for (String v : range.parameters(MediaTypes.TRANSFER_SYNTAX)) {
            addUids(requested, v);
        }
        if (requested.isEmpty() && tsQuery != null) {
            addUids(requested, tsQuery);
        }
        return requested;
    }

    private static void addUids(List<String> out, String value) {
        for (String v : value.split(",")) {
            if (!v.isBlank()) {
                out.add(v.trim());
            }
        }
    }

    /** True if a q=0 range at least as specific as {@code accepted} covers this offer and TS. */
    private static boolean excluded(Offer offer, String ts, MediaType accepted, List<MediaType> exclusions) {
        for (MediaType z : exclusions) {
            if (specificity(z) < specificity(accepted) || !typeMatches(z, offer)) {
                continue;
            }
            List<String> zts = z.parameters(MediaTypes.TRANSFER_SYNTAX);
            if (zts.isEmpty() || ts == null || zts.contains(ts) || zts.contains(MediaTypes.ANY_TRANSFER_SYNTAX)) {
                return true;
            }
        }
        return false;
    }

    static boolean typeMatches(MediaType range, Offer offer) {
        MediaType mt = offer.mediaType();
        if (!range.includes(mt)) {
            return false;
        }
        if (range.isWildcardSubtype() || !offer.isMultipart()) {
            return true;
        }
        String wanted = range.parameter(MediaTypes.TYPE);
        if (wanted == null) {
            return true;
        }
        String offered = mt.parameter(MediaTypes.TYPE);
        if (offered == null) {
            return false;
        }
        try {
            return MediaType.parse(wanted).includes(MediaType.parse(offered));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static int specificity(MediaType range) {
        int s = range.isWildcardType() ? 0 : range.isWildcardSubtype() ? 10 : 20;
        if (range.parameter(MediaTypes.TYPE) != null) {
            s += 2;
        }
        if (range.parameter(MediaTypes.TRANSFER_SYNTAX) != null) {
            s += 1;
        }
        return s;
    }

    /** The offers' media types, for an error message or an Allow-like listing. */
    public Set<String> offeredMediaTypes() {
        Set<String> out = new LinkedHashSet<>();
        for (Offer o : offers) {
            out.add(o.mediaType().toString());
        }
        return out;
    }
}
