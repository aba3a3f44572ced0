package org.hozon.dicomweb.qido;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The attributes QIDO-RS requires per level (PS3.18 §10.6.1.2 Table 10.6.1-5 for matching,
 * Tables 10.6.3-3/-4/-5 for return), and the level each attribute belongs to for relational
 * queries (Study Root model: Patient attributes are study level, PS3.18 CP-2583).
 *
 * <p>Tags are written in hex with their keyword, so this table does not depend on the generated
 * {@code Tag} class.
 */
public final class QidoAttributes {
    // Level-independent attributes (returned at every level).
    static final int SPECIFIC_CHARACTER_SET = 0x00080005;
    static final int INSTANCE_AVAILABILITY = 0x00080056;
    static final int TIMEZONE_OFFSET_FROM_UTC = 0x00080201;
    static final int RETRIEVE_URL = 0x00081190;
    static final int REQUEST_ATTRIBUTES_SEQUENCE = 0x00400275;

    private static final Map<QueryLevel, List<AttributePath>> MATCHING = Map.of(
            QueryLevel.STUDY, paths(
                    0x00080020, // StudyDate
                    0x00080030, // StudyTime
                    0x00080050, // AccessionNumber
                    0x00080061, // ModalitiesInStudy
                    0x00080090, // ReferringPhysicianName
                    0x00100010, // PatientName
                    0x00100020, // PatientID
                    0x0020000D, // StudyInstanceUID
                    0x00200010), // StudyID
            QueryLevel.SERIES, List.of(
                    AttributePath.of(0x00080060), // Modality
                    AttributePath.of(0x0020000E), // SeriesInstanceUID
                    AttributePath.of(0x00200011), // SeriesNumber
                    AttributePath.of(0x00400244), // PerformedProcedureStepStartDate
                    AttributePath.of(0x00400245), // PerformedProcedureStepStartTime
                    AttributePath.of(REQUEST_ATTRIBUTES_SEQUENCE, 0x00400009), // > ScheduledProcedureStepID
                    AttributePath.of(REQUEST_ATTRIBUTES_SEQUENCE, 0x00401001)), // > RequestedProcedureID
            QueryLevel.INSTANCE, paths(
                    0x00080016, // SOPClassUID
                    0x00080018, // SOPInstanceUID
                    0x00200013)); // InstanceNumber

    private static final Map<QueryLevel, List<AttributePath>> RETURN = Map.of(
            QueryLevel.STUDY, paths(
                    SPECIFIC_CHARACTER_SET, // 1C
                    0x00080020, // StudyDate
                    0x00080030, // StudyTime
                    0x00080050, // AccessionNumber
                    INSTANCE_AVAILABILITY,
                    0x00080061, // ModalitiesInStudy
                    0x00080090, // ReferringPhysicianName
                    TIMEZONE_OFFSET_FROM_UTC, // 1C
                    RETRIEVE_URL,
                    0x00100010, // PatientName
                    0x00100020, // PatientID
                    0x00100030, // PatientBirthDate
                    0x00100040, // PatientSex
                    0x0020000D, // StudyInstanceUID
                    0x00200010, // StudyID
                    0x00201206, // NumberOfStudyRelatedSeries
                    0x00201208), // NumberOfStudyRelatedInstances
            QueryLevel.SERIES, List.of(
                    AttributePath.of(SPECIFIC_CHARACTER_SET), // 1C
                    AttributePath.of(0x00080060), // Modality
                    AttributePath.of(TIMEZONE_OFFSET_FROM_UTC), // 1C
                    AttributePath.of(0x0008103E), // SeriesDescription
                    AttributePath.of(RETRIEVE_URL),
                    AttributePath.of(0x0020000E), // SeriesInstanceUID
                    AttributePath.of(0x00200011), // SeriesNumber
                    AttributePath.of(0x00201209), // NumberOfSeriesRelatedInstances
                    AttributePath.of(0x00400244), // PerformedProcedureStepStartDate
                    AttributePath.of(0x00400245), // PerformedProcedureStepStartTime
                    AttributePath.of(REQUEST_ATTRIBUTES_SEQUENCE),
                    AttributePath.of(REQUEST_ATTRIBUTES_SEQUENCE, 0x00400009), // > ScheduledProcedureStepID
                    AttributePath.of(REQUEST_ATTRIBUTES_SEQUENCE, 0x00401001)), // > RequestedProcedureID
            QueryLevel.INSTANCE, paths(
                    SPECIFIC_CHARACTER_SET, // 1C
                    0x00080016, // SOPClassUID
                    0x00080018, // SOPInstanceUID
                    INSTANCE_AVAILABILITY,
                    TIMEZONE_OFFSET_FROM_UTC, // 1C
                    RETRIEVE_URL,
                    0x00200013, // InstanceNumber
                    0x00280010, // Rows
                    0x00280011, // Columns
                    0x00280100, // BitsAllocated
                    0x00280008)); // NumberOfFrames

    /** Attributes returned at whatever level is queried. */
    private static final Set<Integer> ANY_LEVEL = Set.of(SPECIFIC_CHARACTER_SET, INSTANCE_AVAILABILITY,
            TIMEZONE_OFFSET_FROM_UTC, RETRIEVE_URL);

    /** Patient (Patient module, Patient Identification) and study (General Study, Patient Study) attributes. */
    private static final Set<Integer> STUDY_LEVEL = set(
            0x00100010, 0x00100020, 0x00100021, 0x00100022, 0x00100024, 0x00100030, 0x00100032, 0x00100040,
            0x00101000, 0x00101001, 0x00101002, 0x00101005, 0x00101060, 0x00102160, 0x00104000, 0x00102201,
            0x00102292, 0x00102297, 0x00102298, 0x00102299, 0x00120062, // patient
            0x00080020, 0x00080030, 0x00080050, 0x00080051, 0x00080061, 0x00080062, 0x00080090, 0x00080096,
            0x00081030, 0x00081032, 0x00081048, 0x00081060, 0x00081080, 0x00081110, 0x0020000D, 0x00200010,
            0x00201206, 0x00201208, 0x00101010, 0x00101020, 0x00101030, 0x001021B0, 0x00321032,
            0x00321060); // study, patient study

    /** General Series, General/Enhanced Equipment and performed procedure step attributes. */
    private static final Set<Integer> SERIES_LEVEL = set(
            0x00080060, 0x0020000E, 0x00200011, 0x0008103E, 0x00080021, 0x00080031, 0x00180015, 0x00200060,
            0x00181030, 0x00081050, 0x00081070, 0x00400244, 0x00400245, 0x00400253, 0x00400254,
            REQUEST_ATTRIBUTES_SEQUENCE, 0x00201209, 0x00080070, 0x00080080, 0x00081010, 0x00081040,
            0x00081090, 0x00181000, 0x00181020, 0x00185100, 0x00081111);

    private QidoAttributes() {
    }

    /** The required matching keys of {@code level} alone (Table 10.6.1-5). */
    public static List<AttributePath> requiredMatchingKeys(QueryLevel level) {
        return MATCHING.get(level);
    }

    /** The required return keys of {@code level} alone (Tables 10.6.3-3, -4, -5). */
    public static List<AttributePath> requiredReturnKeys(QueryLevel level) {
        return RETURN.get(level);
    }

    /**
     * The required return keys of a search on {@code resource}: those of its level and of every
     * higher level the search spans (on {@code /series}, study keys too; on
     * {@code /studies/{s}/instances}, series keys too), without duplicates.
     */
    public static List<AttributePath> requiredReturnKeys(QidoResource resource) {
        Set<AttributePath> keys = new LinkedHashSet<>();
        for (QueryLevel level : QueryLevel.values()) {
            if (resource.includesLevel(level)) {
                keys.addAll(RETURN.get(level));
            }
        }
        return List.copyOf(keys);
    }

    /**
     * The level an attribute belongs to: study (including patient attributes), series, or
     * instance for every other attribute. Empty for attributes returned at any level
     * (SpecificCharacterSet, InstanceAvailability, TimezoneOffsetFromUTC, RetrieveURL).
     */
    public static Optional<QueryLevel> levelOf(int tag) {
        if (ANY_LEVEL.contains(tag)) {
            return Optional.empty();
        }
        if (STUDY_LEVEL.contains(tag)) {
            return Optional.of(QueryLevel.STUDY);
        }
        return Optional.of(SERIES_LEVEL.contains(tag) ? QueryLevel.SERIES : QueryLevel.INSTANCE);
    }

    /**
     * True if {@code tag} may be a matching key of a search at {@code level}: attributes of that
     * level or above (relational queries: study keys on series and instance searches, series keys
     * on instance searches).
     */
    public static boolean isAllowedAt(int tag, QueryLevel level) {
        return levelOf(tag).map(l -> l.isAtOrAbove(level)).orElse(true);
    }

    /** True if {@code path} is one of the required matching keys of some level. */
    public static boolean isRequiredMatchingKey(AttributePath path) {
        return MATCHING.values().stream().anyMatch(l -> l.contains(path));
    }

    private static List<AttributePath> paths(int... tags) {
        List<AttributePath> out = new ArrayList<>(tags.length);
        for (int tag : tags) {
            out.add(AttributePath.of(tag));
        }
        return List.copyOf(out);
    }

    private static Set<Integer> set(int... tags) {
        return IntStream.of(tags).boxed().collect(Collectors.toUnmodifiableSet());
    }
}
