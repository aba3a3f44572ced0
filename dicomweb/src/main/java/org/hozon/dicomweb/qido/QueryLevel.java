package org.hozon.dicomweb.qido;

/** The Query/Retrieve levels QIDO-RS searches at (Study Root model: patient data is study level). */
public enum QueryLevel {
    STUDY,
    SERIES,
    INSTANCE;

    /** True if this level is {@code other} or above it (STUDY is above SERIES). */
    public boolean isAtOrAbove(QueryLevel other) {
        return ordinal() <= other.ordinal();
    }
}
