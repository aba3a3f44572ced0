package org.hozon.dicomweb.qido;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns decoded query parameters into a {@link QidoQuery} (PS3.18 §8.3.4). Parameter names are
 * matched case-insensitively (ABNF quoted strings are); attribute keywords exactly.
 */
final class QidoQueryParser {
    static final String INCLUDEFIELD = "includefield";
    static final String LIMIT = "limit";
    static final String OFFSET = "offset";
    static final String FUZZYMATCHING = "fuzzymatching";
    static final String EMPTYVALUEMATCHING = "emptyvaluematching";
    static final String MULTIPLEVALUEMATCHING = "multiplevaluematching";
    /** Parameters of other parts of PS3.18 (§8.3.3 accept, §8.3.5 charset), passed through. */
    static final Set<String> SERVICE_PARAMETERS = Set.of("accept", "charset");

    private QidoQueryParser() {
    }

    static QidoQuery parse(QidoResource resource, String studyUid, String seriesUid,
            Map<String, List<String>> parameters) {
        checkPathUid(resource.studyInPath(), studyUid, "StudyInstanceUID");
        checkPathUid(resource.seriesInPath(), seriesUid, "SeriesInstanceUID");
        QidoQuery.Builder b = new QidoQuery.Builder(resource,
                resource.studyInPath() ? studyUid : null, resource.seriesInPath() ? seriesUid : null);
        Map<String, String> flags = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : parameters.entrySet()) {
            String name = e.getKey().toLowerCase(Locale.ROOT);
            switch (name) {
                case LIMIT -> b.limit = parseUnsigned(LIMIT, single(LIMIT, e.getValue(), flags));
                case OFFSET -> b.offset = parseUnsigned(OFFSET, single(OFFSET, e.getValue(), flags));
                case FUZZYMATCHING -> b.fuzzyMatching = parseBoolean(name, single(name, e.getValue(), flags));
                case EMPTYVALUEMATCHING -> b.emptyValueMatching = parseBoolean(name, single(name, e.getValue(), flags));
                case MULTIPLEVALUEMATCHING -> b.multipleValueMatching =
                        parseBoolean(name, single(name, e.getValue(), flags));
                default -> {
                }
            }
        }
        Set<AttributePath> includes = new LinkedHashSet<>();
        for (Map.Entry<String, List<String>> e : parameters.entrySet()) {
            String key = e.getKey();
            String name = key.toLowerCase(Locale.ROOT);
            if (flags.containsKey(name)) {
                continue;
            }
            if (name.equals(INCLUDEFIELD)) {
                for (String value : e.getValue()) {
                    includeFields(value, includes, b);
                }
            } else if (SERVICE_PARAMETERS.contains(name)) {
                b.serviceParameters.computeIfAbsent(name, k -> new ArrayList<>()).addAll(e.getValue());
            } else {
                Optional<AttributePath> path = key.isEmpty() ? Optional.empty() : AttributePath.parse(key, key);
                for (String value : e.getValue()) {
                    if (path.isPresent()) {
                        b.conditions.add(MatchConditionParser.parse(path.get(), value, key,
                                b.multipleValueMatching, b.emptyValueMatching));
                    } else {
                        b.ignored.add(new IgnoredParameter(key, value, looksLikeAttribute(key)
                                ? IgnoredParameter.Reason.UNKNOWN_ATTRIBUTE
                                : IgnoredParameter.Reason.UNKNOWN_PARAMETER));
                    }
                }
            }
        }
        b.includeFields.addAll(includes);
        return b.build();
    }

    /** {@code includefield} values: comma lists of attribute IDs, or {@code all}. */
    private static void includeFields(String value, Set<AttributePath> includes, QidoQuery.Builder b) {
        for (String item : value.split(",", -1)) {
            item = item.strip();
            if (item.isEmpty()) {
                continue;
            }
            if (item.equalsIgnoreCase("all")) {
                b.includeAll = true;
                continue;
            }
            Optional<AttributePath> path = AttributePath.parse(item, INCLUDEFIELD);
            if (path.isPresent()) {
                includes.add(path.get());
            } else {
                b.ignored.add(new IgnoredParameter(INCLUDEFIELD, item, IgnoredParameter.Reason.UNKNOWN_ATTRIBUTE));
            }
        }
    }

    /** The value of a parameter that may appear once (repeats with the same value are tolerated). */
    private static String single(String name, List<String> values, Map<String, String> seen) {
        String first = values.get(0);
        for (String v : values) {
            if (!v.equals(first)) {
                throw new QidoQueryException(name, "given more than once with different values");
            }
        }
        if (seen.putIfAbsent(name, first) != null) {
            throw new QidoQueryException(name, "given more than once");
        }
        return first;
    }

    /** An unsigned integer; values beyond {@code Integer.MAX_VALUE} are clamped to it. */
    static int parseUnsigned(String name, String value) {
        if (value.isEmpty()) {
            throw new QidoQueryException(name, "needs an unsigned integer value");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new QidoQueryException(name, "not an unsigned integer: '" + value + "'");
            }
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    static boolean parseBoolean(String name, String value) {
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new QidoQueryException(name, "must be true or false, not '" + value + "'");
    }

    private static void checkPathUid(boolean required, String uid, String name) {
        if (required && (uid == null || !MatchConditionParser.isUid(uid))) {
            throw new QidoQueryException(name, "not a valid UID in the path: '" + uid + "'");
        }
    }

    /** Attribute IDs start with an upper-case letter (keyword) or a digit (tag); QIDO parameters are lower case. */
    private static boolean looksLikeAttribute(String key) {
        char c = key.isEmpty() ? ' ' : key.charAt(0);
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
