package org.hozon.dicomweb.qido;

/**
 * The matching types of PS3.4 C.2.2.2, as chosen for one query key from its VR and value.
 * Sequence Matching (C.2.2.2.6) is not a type here: a key whose {@link AttributePath} is nested
 * applies its type to the attribute inside the sequence items.
 */
public enum MatchingType {
    /** Empty value (or {@code *}): every entity matches; the attribute is returned (C.2.2.2.3). */
    UNIVERSAL,
    /** One value, or several alternatives any of which may match (C.2.2.2.1). */
    SINGLE_VALUE,
    /** A list of UIDs, any of which may match (C.2.2.2.2). */
    UID_LIST,
    /** Values with {@code *} or {@code ?}; any alternative may match (C.2.2.2.4). */
    WILDCARD,
    /** DA/TM/DT ranges with optional open ends; any alternative may match (C.2.2.2.5). */
    RANGE,
    /** Multiple Value Matching (C.2.2.2.8): every value must be among the entity's values. */
    MULTIPLE_VALUE,
    /** Empty Value Matching (C.2.2.2.7, value {@code ""}): the attribute is absent or empty. */
    EMPTY_VALUE
}
