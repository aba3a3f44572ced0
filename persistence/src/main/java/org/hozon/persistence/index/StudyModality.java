package org.hozon.persistence.index;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A modality present in a study (one row per modality): the index behind ModalitiesInStudy. */
@Entity
@Table(name = "study_modality")
@IdClass(StudyModality.Key.class)
public class StudyModality {

    @Id
    @Column(name = "study_fk", nullable = false)
    private Long studyFk;

    @Id
    @Column(name = "modality", nullable = false, length = 16)
    private String modality;

    /** For JPA. */
    protected StudyModality() {
    }

    /**
     * @param studyFk  the study
     * @param modality the modality
     */
    public StudyModality(Long studyFk, String modality) {
        this.studyFk = studyFk;
        this.modality = modality;
    }

    /** @return the modality */
    public String modality() {
        return modality;
    }

    /** The primary key (study, modality). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long studyFk;
        private String modality;

        /** For JPA. */
        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(studyFk, k.studyFk) && Objects.equals(modality, k.modality);
        }

        @Override
        public int hashCode() {
            return Objects.hash(studyFk, modality);
        }
    }
}
