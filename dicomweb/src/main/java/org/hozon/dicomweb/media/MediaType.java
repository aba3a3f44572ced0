package org.hozon.dicomweb.media;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An immutable media type or media range ({@code type/subtype; name=value...}) with an optional
 * quality value, as used in Content-Type and Accept (RFC 9110 §8.3.1, §12.5.1; PS3.18 §8.7).
 *
 * <p>Type, subtype and parameter names are case-insensitive and kept in lower case. Parameter
 * values are kept as given, unquoted: {@code type="application/dicom"} and
 * {@code type=application/dicom} are the same. Parameters may repeat (OHIF sends two
 * {@code transfer-syntax} parameters) and keep their order. In an Accept range the {@code q}
 * parameter is the weight and ends the media parameters; accept-extensions after it are dropped.
 */
public final class MediaType {
    /** Default weight of a media range without {@code q}. */
    public static final double DEFAULT_QUALITY = 1.0;

    private final String type;
    private final String subtype;
    private final List<Parameter> parameters;
    private final double quality;

    /** One {@code name=value} media-type parameter; the name is lower case, the value unquoted. */
    public record Parameter(String name, String value) {
        public Parameter {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            name = name.toLowerCase(Locale.ROOT);
        }
    }

    private MediaType(String type, String subtype, List<Parameter> parameters, double quality) {
        this.type = type;
        this.subtype = subtype;
        this.parameters = parameters;
        this.quality = quality;
    }

    /** The media type {@code type/subtype} without parameters. */
    public static MediaType of(String type, String subtype) {
        return new MediaType(checkToken(type), checkToken(subtype), List.of(), DEFAULT_QUALITY);
    }

    /**
     * Parses one media type or media range. A lone {@code *} is read as {@code *}{@code /*}, as
     * some clients send it. Parameters without {@code =} are ignored (PS3.18 §8.7.7: invalid
     * parameters are ignored).
     *
     * @throws IllegalArgumentException if the type or subtype is missing or not a token, or the
     *     q value is not a number from 0 to 1
     */
    public static MediaType parse(String text) {
        Objects.requireNonNull(text, "text");
        List<String> pieces = HeaderSyntax.split(text, ';');
        String essence = pieces.get(0).trim();
        if (essence.equals("*")) {
            essence = "*/*";
        }
        int slash = essence.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("Not a media type (no '/'): '" + text + "'");
        }
        String type = checkToken(essence.substring(0, slash).trim());
        String subtype = checkToken(essence.substring(slash + 1).trim());
        if (type.equals("*") && !subtype.equals("*")) {
            throw new IllegalArgumentException("Not a media range: '" + text + "'");
        }
        List<Parameter> params = new ArrayList<>();
        double q = DEFAULT_QUALITY;
        for (int i = 1; i < pieces.size(); i++) {
            String piece = pieces.get(i).trim();
            int eq = piece.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = piece.substring(0, eq).trim();
            if (!HeaderSyntax.isToken(name)) {
                continue;
            }
            String value = HeaderSyntax.unquote(piece.substring(eq + 1));
            if (name.equalsIgnoreCase("q")) {
                q = parseQuality(value, text);
                break; // what follows q are accept-extensions, not media-type parameters
            }
            params.add(new Parameter(name, value));
        }
        return new MediaType(type.toLowerCase(Locale.ROOT), subtype.toLowerCase(Locale.ROOT),
                Collections.unmodifiableList(params), q);
    }

    private static double parseQuality(String value, String text) {
        double q;
        try {
            q = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Bad q value '" + value + "' in '" + text + "'");
        }
        if (!(q >= 0.0 && q <= 1.0)) {
            throw new IllegalArgumentException("q value out of range 0..1 in '" + text + "'");
        }
        return q;
    }

    private static String checkToken(String s) {
        if (!HeaderSyntax.isToken(s)) {
            throw new IllegalArgumentException("Not a token: '" + s + "'");
        }
        return s.toLowerCase(Locale.ROOT);
    }

    public String type() {
        return type;
    }

    public String subtype() {
        return subtype;
    }

    /** {@code type/subtype}, lower case, without parameters. */
    public String essence() {
        return type + '/' + subtype;
    }

    /** All parameters in order, q excluded. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** The weight ({@code q}), 1 unless given. */
    public double quality() {
        return quality;
    }

    /** The first value of parameter {@code name} (case-insensitive), or null. */
    public String parameter(String name) {
        for (Parameter p : parameters) {
            if (p.name().equalsIgnoreCase(name)) {
                return p.value();
            }
        }
        return null;
    }

    /** All values of parameter {@code name} (case-insensitive), in order. */
    public List<String> parameters(String name) {
        List<String> values = new ArrayList<>(2);
        for (Parameter p : parameters) {
            if (p.name().equalsIgnoreCase(name)) {
                values.add(p.value());
            }
        }
        return values;
    }

    /** A copy with parameter {@code name} set to {@code value}, replacing every earlier value. */
    public MediaType withParameter(String name, String value) {
        List<Parameter> params = new ArrayList<>(parameters.size() + 1);
        for (Parameter p : parameters) {
            if (!p.name().equalsIgnoreCase(name)) {
                params.add(p);
            }
        }
        params.add(new Parameter(checkToken(name), value));
        return new MediaType(type, subtype, Collections.unmodifiableList(params), quality);
    }

    /** A copy with parameter {@code name} removed. */
    public MediaType withoutParameter(String name) {
        List<Parameter> params = new ArrayList<>(parameters);
        params.removeIf(p -> p.name().equalsIgnoreCase(name));
        return new MediaType(type, subtype, Collections.unmodifiableList(params), quality);
    }

    /** A copy with weight {@code q}. */
    public MediaType withQuality(double q) {
        if (!(q >= 0.0 && q <= 1.0)) {
            throw new IllegalArgumentException("q out of range: " + q);
        }
        return new MediaType(type, subtype, parameters, q);
    }

    /** True for {@code *}{@code /*}. */
    public boolean isWildcardType() {
        return type.equals("*");
    }

    /** True for {@code type/*} and {@code *}{@code /*}. */
    public boolean isWildcardSubtype() {
        return subtype.equals("*");
    }

    /** True if this type's essence is {@code type/subtype} (case-insensitive). */
    public boolean is(String essence) {
        return essence().equalsIgnoreCase(essence);
    }

    /**
     * True if this range covers the type and subtype of {@code other}, honouring wildcards in this
     * range; parameters are not compared.
     */
    public boolean includes(MediaType other) {
        if (isWildcardType()) {
            return true;
        }
        if (!type.equals(other.type)) {
            return false;
        }
        return isWildcardSubtype() || subtype.equals(other.subtype);
    }

    /**
     * The header form: {@code type/subtype; name=value; ...}, quoting values that are not tokens,
     * with {@code q} last when it is not 1.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(essence());
        for (Parameter p : parameters) {
            sb.append("; ").append(p.name()).append('=').append(HeaderSyntax.quoteIfNeeded(p.value()));
        }
        if (quality != DEFAULT_QUALITY) {
            sb.append("; q=").append(formatQuality(quality));
        }
        return sb.toString();
    }

    private static String formatQuality(double q) {
        String s = String.format(Locale.ROOT, "%.3f", q);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** Equal if essence, parameters (names case-insensitive, values exact, in order) and q are equal. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MediaType)) {
            return false;
        }
        MediaType m = (MediaType) o;
        return type.equals(m.type) && subtype.equals(m.subtype) && parameters.equals(m.parameters)
                && Double.compare(quality, m.quality) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, subtype, parameters, quality);
    }
}
