package org.hozon.persistence.index;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A SOP class present in a study (one row per class): the source of SOPClassesInStudy. */
@Entity
@Table(name = "study_sop_class")
@IdClass(StudySopClass.Key.class)
public class StudySopClass {

    @Id
    @Column(name = "study_fk", nullable = false)
    private Long studyFk;

    @Id
    @Column(name = "sop_cuid", nullable = false, length = 64)
    private String sopCuid;

    /** For JPA. */
    protected StudySopClass() {
    }

    /**
     * @param studyFk  the study
     * @param sopCuid  the SOP Class UID
     */
    public StudySopClass(Long studyFk, String sopCuid) {
        this.studyFk = studyFk;
        this.sopCuid = sopCuid;
    }

    /** @return the SOP Class UID */
    public String sopCuid() {
        return sopCuid;
    }

    /** The primary key (study, SOP class). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long studyFk;
        private String sopCuid;

        /** For JPA. */
        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(studyFk, k.studyFk) && Objects.equals(sopCuid, k.sopCuid);
        }

        @Override
        public int hashCode() {
            return Objects.hash(studyFk, sopCuid);
        }
    }
}
