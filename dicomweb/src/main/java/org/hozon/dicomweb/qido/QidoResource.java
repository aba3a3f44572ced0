package org.hozon.dicomweb.qido;

/**
 * The six QIDO-RS search resources (PS3.18 Table 10.6.1-1), with the level they search and the
 * UIDs their path fixes.
 */
public enum QidoResource {
    /** {@code /studies} */
    ALL_STUDIES(QueryLevel.STUDY, false, false),
    /** {@code /studies/{study}/series} */
    STUDY_SERIES(QueryLevel.SERIES, true, false),
    /** {@code /series} */
    ALL_SERIES(QueryLevel.SERIES, false, false),
    /** {@code /studies/{study}/series/{series}/instances} */
    STUDY_SERIES_INSTANCES(QueryLevel.INSTANCE, true, true),
    /** {@code /studies/{study}/instances} */
    STUDY_INSTANCES(QueryLevel.INSTANCE, true, false),
    /** {@code /instances} */
    ALL_INSTANCES(QueryLevel.INSTANCE, false, false);

    private final QueryLevel level;
    private final boolean studyInPath;
    private final boolean seriesInPath;

    QidoResource(QueryLevel level, boolean studyInPath, boolean seriesInPath) {
        this.level = level;
        this.studyInPath = studyInPath;
        this.seriesInPath = seriesInPath;
    }

    /** The level of the entities returned. */
    public QueryLevel level() {
        return level;
    }

    /** True if the path carries a Study Instance UID. */
    public boolean studyInPath() {
        return studyInPath;
    }

    /** True if the path carries a Series Instance UID. */
    public boolean seriesInPath() {
        return seriesInPath;
    }

    /**
     * True if matching keys and return attributes of level {@code other} (this one or above this
     * resource's) are part of this search, i.e. the query is relational over that level: the
     * level is above the resource's level and not already fixed by a UID in the path.
     */
    public boolean includesLevel(QueryLevel other) {
        if (other == level) {
            return true;
        }
        if (!other.isAtOrAbove(level)) {
            return false;
        }
        return other == QueryLevel.STUDY ? !studyInPath : !seriesInPath;
    }
}
