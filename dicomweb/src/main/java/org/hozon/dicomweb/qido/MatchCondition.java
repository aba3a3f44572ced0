package org.hozon.dicomweb.qido;

import java.util.List;
import java.util.Objects;

import org.hozon.dicom.VR;
import org.hozon.dicom.charset.PersonName;

/**
 * One matching key of a query: the attribute, the matching type chosen for it, and its values.
 *
 * <p>What {@link #values()} and {@link #ranges()} hold per {@link #type()}:
 * <ul>
 *   <li>UNIVERSAL, EMPTY_VALUE: nothing.</li>
 *   <li>SINGLE_VALUE, WILDCARD, UID_LIST: the alternatives (OR). For WILDCARD, an alternative
 *       without wild cards matches literally, which wild card matching does anyway.</li>
 *   <li>RANGE: {@code values} the alternatives as written, {@code ranges} parsed (OR).</li>
 *   <li>MULTIPLE_VALUE: every value must match (AND).</li>
 * </ul>
 * For DA, TM and DT keys {@code ranges} is always filled, also for SINGLE_VALUE (a single value is
 * the interval its precision names), so an index can always match temporals by range.
 *
 * @param path the attribute (nested for Sequence Matching)
 * @param vr the VR of the attribute per the dictionary (UN for private attributes)
 * @param type the matching type
 * @param rawValue the decoded query value as received
 * @param values the values, see above
 * @param ranges parsed ranges for DA, TM and DT keys, else empty
 */
public record MatchCondition(AttributePath path, VR vr, MatchingType type, String rawValue,
        List<String> values, List<TemporalRange> ranges) {

    public MatchCondition {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(vr, "vr");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(rawValue, "rawValue");
        values = List.copyOf(values);
        ranges = List.copyOf(ranges);
    }

    /** The tag matched (the leaf of the path). */
    public int tag() {
        return path.leaf();
    }

    /** True if this key matches inside sequence items (Sequence Matching). */
    public boolean isSequenceMatch() {
        return path.isNested();
    }

    /** True if this key restricts the result (anything but UNIVERSAL). */
    public boolean isRestrictive() {
        return type != MatchingType.UNIVERSAL;
    }

    /** The values as wild card patterns (meaningful for WILDCARD). */
    public List<WildcardPattern> patterns() {
        return values.stream().map(WildcardPattern::of).toList();
    }

    /** The values as person names (meaningful for PN keys). */
    public List<PersonName> personNames() {
        return values.stream().map(PersonName::parse).toList();
    }

    @Override
    public String toString() {
        return path.toKeywordString() + " " + type + " '" + rawValue + "'";
    }
}
