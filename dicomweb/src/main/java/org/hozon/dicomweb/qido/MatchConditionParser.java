package org.hozon.dicomweb.qido;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.hozon.dicom.Tags;
import org.hozon.dicom.VR;

/**
 * Chooses the matching type for one query key from its VR and value (PS3.4 C.2.2.2) and checks
 * the value. Decisions beyond the letter of the standard, for interoperability:
 * <ul>
 *   <li>A value of {@code *} alone is Universal Matching for every VR (the standard says so for
 *       the wild card VRs; clients also send it for dates and UIDs).</li>
 *   <li>UID lists may be separated by {@code \} or by commas (clients send both).</li>
 *   <li>Backslash-separated values of other VRs are alternatives (OR), unless
 *       {@code multiplevaluematching=true} makes them Multiple Value Matching (AND) for the VRs
 *       C.2.2.2.8 allows. The standard leaves them undefined otherwise.</li>
 *   <li>{@code ""} is Empty Value Matching only with {@code emptyvaluematching=true}; without it
 *       it is a single value of two quotation marks.</li>
 * </ul>
 */
final class MatchConditionParser {
    /** VRs on which {@code *} and {@code ?} are wild cards (C.2.2.2.4; UN for private attributes). */
    static final Set<VR> WILDCARD_VRS = EnumSet.of(VR.AE, VR.CS, VR.LO, VR.LT, VR.PN, VR.SH, VR.ST,
            VR.UC, VR.UR, VR.UT, VR.UN);
    /** VRs that allow Multiple Value Matching (C.2.2.2.8). */
    static final Set<VR> MULTIPLE_VALUE_VRS = EnumSet.of(VR.AE, VR.AS, VR.AT, VR.CS, VR.LO, VR.PN, VR.SH, VR.UC);
    /** Binary VRs holding numbers. */
    static final Set<VR> BINARY_NUMBER_VRS = EnumSet.of(VR.US, VR.SS, VR.UL, VR.SL, VR.UV, VR.SV, VR.FL, VR.FD);

    private static final int SPECIFIC_CHARACTER_SET = 0x00080005;

    private MatchConditionParser() {
    }

    static MatchCondition parse(AttributePath path, String raw, String parameter,
            boolean multipleValueMatching, boolean emptyValueMatching) {
        VR vr = path.leafVr();
        // Specific Character Set is never matched (C.2.2.2); asking for it only returns it.
        if (raw.isEmpty() || raw.equals("*") || path.leaf() == SPECIFIC_CHARACTER_SET) {
            return condition(path, vr, MatchingType.UNIVERSAL, raw, List.of(), List.of());
        }
        if (emptyValueMatching && raw.equals("\"\"")) {
            return condition(path, vr, MatchingType.EMPTY_VALUE, raw, List.of(), List.of());
        }
        if (vr == VR.SQ) {
            throw new QidoQueryException(parameter, "a sequence matches only with an empty value"
                    + " (universal) or through a path to an attribute in its items");
        }
        if (vr.isBulkCandidate() && vr != VR.UN) {
            throw new QidoQueryException(parameter, "attributes with VR " + vr + " cannot be matched");
        }
        if (vr == VR.UI) {
            return uidCondition(path, raw, parameter);
        }
        List<String> values = vr.kind() == VR.Kind.TEXT ? List.of(raw) : splitValues(raw, parameter);
        if (multipleValueMatching && values.size() > 1 && MULTIPLE_VALUE_VRS.contains(vr)) {
            for (String v : values) {
                if (WildcardPattern.hasWildcards(v)) {
                    throw new QidoQueryException(parameter, "Multiple Value Matching allows no wild cards");
                }
                checkValue(vr, v, parameter);
            }
            return condition(path, vr, MatchingType.MULTIPLE_VALUE, raw, values, List.of());
        }
        if (vr == VR.DA || vr == VR.TM || vr == VR.DT) {
            return temporalCondition(path, vr, raw, values, parameter);
        }
        if (WILDCARD_VRS.contains(vr)) {
            boolean wildcard = values.stream().anyMatch(WildcardPattern::hasWildcards);
            return condition(path, vr, wildcard ? MatchingType.WILDCARD : MatchingType.SINGLE_VALUE,
                    raw, values, List.of());
        }
        for (String v : values) {
            checkValue(vr, v, parameter);
        }
        return condition(path, vr, MatchingType.SINGLE_VALUE, raw, values, List.of());
    }

    private static MatchCondition uidCondition(AttributePath path, String raw, String parameter) {
        List<String> uids = new ArrayList<>();
        for (String uid : raw.split("[\\\\,]", -1)) {
            uid = uid.strip();
            if (!isUid(uid)) {
                throw new QidoQueryException(parameter, "not a UID: '" + uid + "'");
            }
            uids.add(uid);
        }
        MatchingType type = uids.size() > 1 ? MatchingType.UID_LIST : MatchingType.SINGLE_VALUE;
        return condition(path, VR.UI, type, raw, uids, List.of());
    }

    private static MatchCondition temporalCondition(AttributePath path, VR vr, String raw, List<String> values,
            String parameter) {
        List<TemporalRange> ranges = new ArrayList<>();
        boolean range = false;
        for (String v : values) {
            try {
                ranges.add(TemporalRange.parse(vr, v));
            } catch (DateTimeException e) {
                throw new QidoQueryException(parameter, e.getMessage(), e);
            }
            range |= vr == VR.DT ? !DicomTemporals.isDateTime(v) : v.indexOf('-') >= 0;
        }
        return condition(path, vr, range ? MatchingType.RANGE : MatchingType.SINGLE_VALUE, raw, values, ranges);
    }

    /** Splits on backslash; empty values in a list are an error. */
    private static List<String> splitValues(String raw, String parameter) {
        String[] parts = raw.split("\\\\", -1);
        if (parts.length == 1) {
            return List.of(raw);
        }
        for (String p : parts) {
            if (p.isEmpty()) {
                throw new QidoQueryException(parameter, "empty value in the list '" + raw + "'");
            }
        }
        return List.of(parts);
    }

    /** Checks values of VRs with a fixed syntax (numbers, AT). */
    private static void checkValue(VR vr, String v, String parameter) {
        if (WildcardPattern.hasWildcards(v) && !WILDCARD_VRS.contains(vr)) {
            throw new QidoQueryException(parameter, "wild cards are not allowed on VR " + vr);
        }
        try {
            switch (vr) {
                case IS:
                case US: case SS: case UL: case SL: case UV: case SV:
                    new BigDecimal(v.strip()).toBigIntegerExact();
                    break;
                case DS: case FL: case FD:
                    new BigDecimal(v.strip());
                    break;
                case AT:
                    if (Tags.parseHex(v) == -1 && !v.equalsIgnoreCase("FFFFFFFF")) {
                        throw new NumberFormatException();
                    }
                    break;
                default:
                    break;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new QidoQueryException(parameter, "not a valid " + vr + " value: '" + v + "'");
        }
    }

    /** A UID per PS3.5 §9.1: digits and dots, at most 64 characters, no empty component. */
    static boolean isUid(String s) {
        if (s.isEmpty() || s.length() > 64 || s.charAt(0) == '.' || s.charAt(s.length() - 1) == '.') {
            return false;
        }
        char prev = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' ? prev == '.' : c < '0' || c > '9') {
                return false;
            }
            prev = c;
        }
        return true;
    }

    private static MatchCondition condition(AttributePath path, VR vr, MatchingType type, String raw,
            List<String> values, List<TemporalRange> ranges) {
        return new MatchCondition(path, vr, type, raw, values, ranges);
    }
}
