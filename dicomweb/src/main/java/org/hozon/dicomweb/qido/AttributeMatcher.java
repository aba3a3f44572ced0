package org.hozon.dicomweb.qido;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hozon.dicom.ByteOrder;
import org.hozon.dicom.Dataset;
import org.hozon.dicom.Sequence;
import org.hozon.dicom.Tags;
import org.hozon.dicom.VR;

/**
 * Evaluates {@link MatchCondition}s on a {@link Dataset} in memory: for tests, and for header
 * attributes that have no index column. Rules:
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
 */
public final class AttributeMatcher {
    private AttributeMatcher() {
    }

    /** True if {@code dataset} satisfies every condition. */
    public static boolean matchesAll(List<MatchCondition> conditions, Dataset dataset, boolean fuzzy) {
        Map<Integer, List<MatchCondition>> bySequence = new LinkedHashMap<>();
        for (MatchCondition c : conditions) {
            if (c.isSequenceMatch()) {
                bySequence.computeIfAbsent(c.path().first(), k -> new ArrayList<>()).add(c);
            } else if (!matches(c, dataset, fuzzy)) {
                return false;
            }
        }
        for (Map.Entry<Integer, List<MatchCondition>> e : bySequence.entrySet()) {
            if (!matchesItem(e.getKey(), e.getValue(), dataset, fuzzy)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesItem(int sequenceTag, List<MatchCondition> conditions, Dataset dataset,
            boolean fuzzy) {
        if (conditions.stream().noneMatch(MatchCondition::isRestrictive)) {
            return true;
        }
        Sequence sequence = dataset.sequence(sequenceTag);
        if (sequence == null) {
            return false;
        }
        List<MatchCondition> inner = conditions.stream()
                .map(c -> new MatchCondition(c.path().tail(), c.vr(), c.type(), c.rawValue(), c.values(), c.ranges()))
                .toList();
        for (Dataset item : sequence) {
            if (matchesAll(inner, item, fuzzy)) {
                return true;
            }
        }
        return false;
    }

    /** True if the top-level attribute of {@code condition} in {@code dataset} satisfies it. */
    public static boolean matches(MatchCondition condition, Dataset dataset, boolean fuzzy) {
        int tag = condition.tag();
        switch (condition.type()) {
            case UNIVERSAL:
                return true;
            case EMPTY_VALUE:
                return isEmpty(dataset, tag);
            default:
                break;
        }
        List<String> stored = storedValues(dataset, tag);
        if (stored.isEmpty()) {
            return false;
        }
        if (condition.type() == MatchingType.MULTIPLE_VALUE) {
            for (String q : condition.values()) {
                if (stored.stream().noneMatch(s -> valueMatches(condition, q, s, fuzzy))) {
                    return false;
                }
            }
            return true;
        }
        if (!condition.ranges().isEmpty()) {
            return stored.stream().anyMatch(s -> condition.ranges().stream().anyMatch(r -> r.containsValue(s)));
        }
        for (String q : condition.values()) {
            for (String s : stored) {
                if (valueMatches(condition, q, s, fuzzy)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean valueMatches(MatchCondition c, String query, String stored, boolean fuzzy) {
        VR vr = c.vr();
        if (vr == VR.PN) {
            return PersonNameMatcher.matches(query, stored, fuzzy);
        }
        if (c.type() == MatchingType.WILDCARD) {
            return WildcardPattern.of(query).matches(stored);
        }
        if (vr == VR.IS || vr == VR.DS || MatchConditionParser.BINARY_NUMBER_VRS.contains(vr)) {
            try {
                return new BigDecimal(query.strip()).compareTo(new BigDecimal(stored.strip())) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (vr == VR.AT) {
            return query.equalsIgnoreCase(stored);
        }
        return query.strip().equals(stored);
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
