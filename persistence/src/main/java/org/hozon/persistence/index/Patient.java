package org.hozon.persistence.index;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A patient as first identified by (Patient ID, Issuer of Patient ID). Name, birth date and sex
 * are those first received; later instances that disagree are recorded as
 * {@link IdentityReview}s and flag the patient, they never overwrite it.
 */
@Entity
@Table(name = "patient")
public class Patient {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "pk")
    private Long pk;

    @Column(name = "patient_id", nullable = false, length = 64)
    private String patientId;

    @Column(name = "issuer", nullable = false, length = 64)
    private String issuer;

    @Column(name = "patient_name", length = 324)
    private String patientName;

    @Column(name = "birth_date", length = 8)
    private String birthDate;

    @Column(name = "sex", length = 16)
    private String sex;

    @Column(name = "needs_review", nullable = false)
    private boolean needsReview;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** For JPA. */
    protected Patient() {
    }

    /**
     * A new patient.
     *
     * @param patientId   Patient ID (0010,0020), "" if absent
     * @param issuer      Issuer of Patient ID (0010,0021), "" if absent
     * @param patientName Patient's Name as received (decoded), or null
     * @param birthDate   Patient's Birth Date (DA), or null
     * @param sex         Patient's Sex, or null
     * @param now         creation time
     */
    public Patient(String patientId, String issuer, String patientName, String birthDate, String sex, Instant now) {
        this.patientId = patientId;
        this.issuer = issuer;
        this.patientName = patientName;
        this.birthDate = birthDate;
        this.sex = sex;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** @return the primary key */
    public Long pk() {
        return pk;
    }

    /** @return Patient ID ("" if the instances carried none) */
    public String patientId() {
        return patientId;
    }

    /** @return Issuer of Patient ID ("" if none) */
    public String issuer() {
        return issuer;
    }

    /** @return the name first received, or null */
    public String patientName() {
        return patientName;
    }

    /** @return the birth date first received, or null */
    public String birthDate() {
        return birthDate;
    }

    /** @return the sex first received, or null */
    public String sex() {
        return sex;
    }

    /** @return whether an identity conflict waits for review */
    public boolean needsReview() {
        return needsReview;
    }

    /**
     * Flags the patient for identity review.
     *
     * @param now when
     */
    public void flagForReview(Instant now) {
        this.needsReview = true;
        this.updatedAt = now;
    }
}
