package org.hozon.dicomweb.qido;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.hozon.dicom.Dataset;
import org.hozon.dicom.VR;

/**
 * An immutable, typed QIDO-RS search (PS3.18 §8.3.4, §10.6): the resource searched with the UIDs
 * its path fixes, the matching keys, the {@code includefield} attributes, paging, the matching
 * flags, and the parameters that were ignored (for a 299 Warning).
 *
 * <pre>{@code
 * QidoQuery q = QidoQuery.parse(QidoResource.ALL_STUDIES, null, null,
 *         "PatientName=Yamada*&StudyDate=20200101-&includefield=00081030,00080060&limit=101");
 * }</pre>
 */
public final class QidoQuery {
    private final QidoResource resource;
    private final String studyInstanceUid;
    private final String seriesInstanceUid;
    private final List<MatchCondition> conditions;
    private final List<AttributePath> includeFields;
    private final boolean includeAll;
    private final Integer limit;
    private final int offset;
    private final boolean fuzzyMatching;
    private final boolean emptyValueMatching;
    private final boolean multipleValueMatching;
    private final List<IgnoredParameter> ignoredParameters;
    private final Map<String, List<String>> serviceParameters;
    /** Computed once: a search asks for it per result row. */
    private final List<AttributePath> returnAttributes;
    /** Built on first use; a benign race may build it twice. */
    private volatile AttributeMatcher matcher;

    private QidoQuery(Builder b) {
        resource = b.resource;
        studyInstanceUid = b.studyInstanceUid;
        seriesInstanceUid = b.seriesInstanceUid;
        conditions = List.copyOf(b.conditions);
        includeFields = List.copyOf(b.includeFields);
        includeAll = b.includeAll;
        limit = b.limit;
        offset = b.offset;
        fuzzyMatching = b.fuzzyMatching;
        emptyValueMatching = b.emptyValueMatching;
        multipleValueMatching = b.multipleValueMatching;
        ignoredParameters = List.copyOf(b.ignored);
        Map<String, List<String>> sp = new LinkedHashMap<>();
        b.serviceParameters.forEach((k, v) -> sp.put(k, List.copyOf(v)));
        serviceParameters = Map.copyOf(sp);
        Set<AttributePath> out = new LinkedHashSet<>(QidoAttributes.requiredReturnKeys(resource));
        for (MatchCondition c : conditions) {
            out.add(c.path());
        }
        out.addAll(includeFields);
        returnAttributes = List.copyOf(out);
    }

    /**
     * Parses a raw query string (percent-encoded, as in the request URI; see
     * {@link QueryStringDecoder} for {@code +} and escapes).
     *
     * @param studyUid the Study Instance UID from the path, if {@code resource} has one
     * @param seriesUid the Series Instance UID from the path, if {@code resource} has one
     * @throws QidoQueryException for a known parameter with an invalid value (answer 400)
     */
    public static QidoQuery parse(QidoResource resource, String studyUid, String seriesUid, String rawQuery) {
        return of(resource, studyUid, seriesUid, QueryStringDecoder.decode(rawQuery));
    }

    /**
     * Builds a query from already-decoded parameters (e.g. JAX-RS
     * {@code UriInfo.getQueryParameters(true)}), names to values in order.
     *
     * @throws QidoQueryException for a known parameter with an invalid value (answer 400)
     */
    public static QidoQuery of(QidoResource resource, String studyUid, String seriesUid,
            Map<String, List<String>> parameters) {
        Objects.requireNonNull(resource, "resource");
        return QidoQueryParser.parse(resource, studyUid, seriesUid, parameters);
    }

    public QidoResource resource() {
        return resource;
    }

    /** The level of the entities returned. */
    public QueryLevel level() {
        return resource.level();
    }

    /** The Study Instance UID fixed by the path. */
    public Optional<String> studyInstanceUid() {
        return Optional.ofNullable(studyInstanceUid);
    }

    /** The Series Instance UID fixed by the path. */
    public Optional<String> seriesInstanceUid() {
        return Optional.ofNullable(seriesInstanceUid);
    }

    /** The matching keys from the query string, in order (UIDs from the path are not among them). */
    public List<MatchCondition> conditions() {
        return conditions;
    }

    /** The keys that restrict the result (not UNIVERSAL). */
    public List<MatchCondition> restrictiveConditions() {
        return conditions.stream().filter(MatchCondition::isRestrictive).toList();
    }

    /** The matching keys on {@code tag} at top level (not inside sequences). */
    public List<MatchCondition> conditionsOn(int tag) {
        return conditions.stream().filter(c -> !c.isSequenceMatch() && c.tag() == tag).toList();
    }

    /**
     * The matching keys including the UIDs fixed by the path, as SINGLE_VALUE conditions: what an
     * entity must satisfy to be returned.
     */
    public List<MatchCondition> effectiveConditions() {
        List<MatchCondition> all = new ArrayList<>(conditions.size() + 2);
        if (studyInstanceUid != null) {
            all.add(uidCondition(0x0020000D, studyInstanceUid));
        }
        if (seriesInstanceUid != null) {
            all.add(uidCondition(0x0020000E, seriesInstanceUid));
        }
        all.addAll(conditions);
        return List.copyOf(all);
    }

    /** The attributes named by {@code includefield}, without duplicates ({@code all} is {@link #includeAll()}). */
    public List<AttributePath> includeFields() {
        return includeFields;
    }

    /** True if {@code includefield=all} was given. */
    public boolean includeAll() {
        return includeAll;
    }

    /**
     * The attributes each result must carry: the required return keys of the resource
     * ({@link QidoAttributes#requiredReturnKeys(QidoResource)}), then every matching key, then the
     * {@code includefield} attributes; without duplicates. With {@link #includeAll()} the
     * resource adds whatever else it supports.
     */
    public List<AttributePath> returnAttributes() {
        return returnAttributes;
    }

    /** The {@code limit} parameter, if given (0 is allowed and yields no results). */
    public OptionalInt limit() {
        return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
    }

    /** The {@code offset} parameter, 0 if absent. */
    public int offset() {
        return offset;
    }

    public boolean fuzzyMatching() {
        return fuzzyMatching;
    }

    public boolean emptyValueMatching() {
        return emptyValueMatching;
    }

    public boolean multipleValueMatching() {
        return multipleValueMatching;
    }

    /** Parameters not applied (unknown names, unknown attributes); report them in a 299 Warning. */
    public List<IgnoredParameter> ignoredParameters() {
        return ignoredParameters;
    }

    /** Parameters defined elsewhere in PS3.18 ({@code accept}, {@code charset}), lower-case names. */
    public Map<String, List<String>> serviceParameters() {
        return serviceParameters;
    }

    /**
     * Tests a data set (one entity with the attributes of its higher levels merged in) against
     * every effective condition, in memory. See {@link AttributeMatcher} for the rules.
     */
    public boolean matches(Dataset dataset) {
        return matcher().test(dataset);
    }

    /** The in-memory matcher of {@link #effectiveConditions()}, built once. */
    public AttributeMatcher matcher() {
        AttributeMatcher m = matcher;
        if (m == null) {
            m = AttributeMatcher.of(effectiveConditions(), fuzzyMatching);
            matcher = m;
        }
        return m;
    }

    private static MatchCondition uidCondition(int tag, String uid) {
        return new MatchCondition(AttributePath.of(tag), VR.UI, MatchingType.SINGLE_VALUE, uid, List.of(uid),
                List.of());
    }

    @Override
    public String toString() {
        return "QidoQuery[" + resource + (studyInstanceUid != null ? " study=" + studyInstanceUid : "")
                + (seriesInstanceUid != null ? " series=" + seriesInstanceUid : "")
                + " conditions=" + conditions + " includefield=" + (includeAll ? "all " : "") + includeFields
                + " limit=" + limit + " offset=" + offset + " fuzzy=" + fuzzyMatching
                + (ignoredParameters.isEmpty() ? "" : " ignored=" + ignoredParameters) + "]";
    }

    /** Mutable state while parsing. */
    static final class Builder {
        final QidoResource resource;
        final String studyInstanceUid;
        final String seriesInstanceUid;
        final List<MatchCondition> conditions = new ArrayList<>();
        final List<AttributePath> includeFields = new ArrayList<>();
        boolean includeAll;
        Integer limit;
        int offset;
        boolean fuzzyMatching;
        boolean emptyValueMatching;
        boolean multipleValueMatching;
        final List<IgnoredParameter> ignored = new ArrayList<>();
        final Map<String, List<String>> serviceParameters = new LinkedHashMap<>();

        Builder(QidoResource resource, String studyInstanceUid, String seriesInstanceUid) {
            this.resource = resource;
            this.studyInstanceUid = studyInstanceUid;
            this.seriesInstanceUid = seriesInstanceUid;
        }

        QidoQuery build() {
            return new QidoQuery(this);
        }
    }
}
