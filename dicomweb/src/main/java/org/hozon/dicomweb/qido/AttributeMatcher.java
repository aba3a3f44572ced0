package org.hozon.dicomweb.qido;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.hozon.dicom.ByteOrder;
import org.hozon.dicom.Dataset;
import org.hozon.dicom.Sequence;
import org.hozon.dicom.Tags;
import org.hozon.dicom.VR;

/**
 * Evaluates {@link MatchCondition}s on a {@link Dataset} in memory: for tests, and for header
 * attributes that have no index column. Compile once with {@link #of}, then test many data sets
 * (patterns and normalized names are prepared once). Rules:
 * <ul>
 *   <li>All conditions must hold (AND). An absent attribute fails every restrictive condition
 *       except EMPTY_VALUE.</li>
 *   <li>A multi-valued attribute matches if any of its values matches (C.2.2.3).</li>
 *   <li>Strings match case-sensitively after padding is removed; PN per {@link PersonNameMatcher};
 *       IS, DS and binary numbers compare numerically; DA/TM/DT by {@link TemporalRange}.</li>
 *   <li>Sequence Matching (C.2.2.2.6): the conditions under one sequence must all hold within
 *       one and the same item.</li>
 *   <li>Date and time are matched separately: combined StudyDate+StudyTime matching (C.2.2.2.5,
 *       Extended Negotiation in DIMSE) has no QIDO-RS parameter and is not applied here;
 *       {@link CombinedDateTime} gives the combined range where a resource wants it.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class AttributeMatcher implements Predicate<Dataset> {
    private final List<Compiled> topLevel = new ArrayList<>();
    private final Map<Integer, AttributeMatcher> bySequence = new LinkedHashMap<>();

    private AttributeMatcher(List<MatchCondition> conditions, boolean fuzzy) {
        Map<Integer, List<MatchCondition>> nested = new LinkedHashMap<>();
        for (MatchCondition c : conditions) {
            if (c.isSequenceMatch()) {
                if (c.isRestrictive()) {
                    nested.computeIfAbsent(c.path().first(), k -> new ArrayList<>()).add(new MatchCondition(
                            c.path().tail(), c.vr(), c.type(), c.rawValue(), c.values(), c.ranges()));
                }
            } else if (c.isRestrictive()) {
                topLevel.add(new Compiled(c, valueTests(c, fuzzy)));
            }
        }
        nested.forEach((tag, inner) -> bySequence.put(tag, new AttributeMatcher(inner, fuzzy)));
    }

    /** A matcher for all of {@code conditions}; {@code fuzzy} applies to PN keys. */
    public static AttributeMatcher of(List<MatchCondition> conditions, boolean fuzzy) {
        return new AttributeMatcher(conditions, fuzzy);
    }

    /** True if {@code dataset} satisfies every condition (one-off; prefer {@link #of} for many). */
    public static boolean matchesAll(List<MatchCondition> conditions, Dataset dataset, boolean fuzzy) {
        return of(conditions, fuzzy).test(dataset);
    }

    /** True if {@code dataset} satisfies every condition. */
    @Override
    public boolean test(Dataset dataset) {
        for (Compiled c : topLevel) {
            if (!c.test(dataset)) {
                return false;
            }
        }
        for (Map.Entry<Integer, AttributeMatcher> e : bySequence.entrySet()) {
            Sequence sequence = dataset.sequence(e.getKey());
            if (sequence == null) {
                return false;
            }
            boolean anyItem = false;
            for (Dataset item : sequence) {
                if (e.getValue().test(item)) {
                    anyItem = true;
                    break;
                }
            }
            if (!anyItem) {
                return false;
            }
        }
        return true;
    }

    /** One top-level condition with a prepared test per query value. */
    private record Compiled(MatchCondition condition, List<Predicate<String>> valueTests) {
        boolean test(Dataset dataset) {
            int tag = condition.tag();
            if (condition.type() == MatchingType.EMPTY_VALUE) {
                return isEmpty(dataset, tag);
            }
            List<String> stored = storedValues(dataset, tag);
            if (stored.isEmpty()) {
                return false;
            }
            if (condition.type() == MatchingType.MULTIPLE_VALUE) {
                return valueTests.stream().allMatch(t -> stored.stream().anyMatch(t));
            }
            return valueTests.stream().anyMatch(t -> stored.stream().anyMatch(t));
        }
    }

    private static List<Predicate<String>> valueTests(MatchCondition c, boolean fuzzy) {
        if (!c.ranges().isEmpty()) {
            return c.ranges().stream().<Predicate<String>>map(r -> r::containsValue).toList();
        }
        return c.values().stream().map(v -> valueTest(c, v, fuzzy)).toList();
    }

    private static Predicate<String> valueTest(MatchCondition c, String query, boolean fuzzy) {
        VR vr = c.vr();
        if (vr == VR.PN) {
            return PersonNameMatcher.compile(query, fuzzy);
        }
        if (c.type() == MatchingType.WILDCARD) {
            return WildcardPattern.of(query)::matches;
        }
        if (vr == VR.IS || vr == VR.DS || MatchConditionParser.BINARY_NUMBER_VRS.contains(vr)) {
            BigDecimal q;
            try {
                q = new BigDecimal(query.strip());
            } catch (NumberFormatException e) {
                return s -> false;
            }
            return s -> {
                try {
                    return q.compareTo(new BigDecimal(s.strip())) == 0;
                } catch (NumberFormatException e) {
                    return false;
                }
            };
        }
        if (vr == VR.AT) {
            return query::equalsIgnoreCase;
        }
        return query.strip()::equals;
    }

    private static boolean isEmpty(Dataset dataset, int tag) {
        Object v = dataset.value(tag);
        return v == null || v instanceof byte[] && ((byte[]) v).length == 0
                || v instanceof Sequence && ((Sequence) v).isEmpty();
    }

    /** The values of {@code tag} as text, in the form the query values are written. */
    static List<String> storedValues(Dataset dataset, int tag) {
        VR vr = dataset.vr(tag);
        byte[] b = dataset.bytes(tag);
        if (vr == null || b == null || b.length == 0) {
            return List.of();
        }
        if (vr.isString()) {
            return List.of(dataset.getStrings(tag));
        }
        boolean be = dataset.bigEndian();
        List<String> out = new ArrayList<>();
        switch (vr) {
            case US -> { for (int i = 0; i + 2 <= b.length; i += 2) out.add(Integer.toString(ByteOrder.u16(b, i, be))); }
            case SS -> { for (int i = 0; i + 2 <= b.length; i += 2) out.add(Integer.toString((short) ByteOrder.u16(b, i, be))); }
            case UL -> { for (int i = 0; i + 4 <= b.length; i += 4) out.add(Long.toString(ByteOrder.i32(b, i, be) & 0xFFFFFFFFL)); }
            case SL -> { for (int i = 0; i + 4 <= b.length; i += 4) out.add(Integer.toString(ByteOrder.i32(b, i, be))); }
            case UV -> { for (int i = 0; i + 8 <= b.length; i += 8) out.add(Long.toUnsignedString(ByteOrder.i64(b, i, be))); }
            case SV -> { for (int i = 0; i + 8 <= b.length; i += 8) out.add(Long.toString(ByteOrder.i64(b, i, be))); }
            case FL -> { for (int i = 0; i + 4 <= b.length; i += 4) out.add(Float.toString(Float.intBitsToFloat(ByteOrder.i32(b, i, be)))); }
            case FD -> { for (int i = 0; i + 8 <= b.length; i += 8) out.add(Double.toString(Double.longBitsToDouble(ByteOrder.i64(b, i, be)))); }
            case AT -> { for (int i = 0; i + 4 <= b.length; i += 4) out.add(Tags.toHex(ByteOrder.tag(b, i, be))); }
            case UN -> out.addAll(dataset.charset().decodeValues(b, 0, b.length).stream()
                    .map(String::strip).toList());
            default -> { }
        }
        return out;
    }
}
