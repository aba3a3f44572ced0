package org.hozon.persistence.index;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One attribute of a received instance that contradicts what the index knows about its patient
 * (e.g. another name for the same Patient ID). Written at ingest; resolved by a person.
 */
@Entity
@Table(name = "identity_review")
public class IdentityReview {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "pk")
    private Long pk;

    @Column(name = "patient_fk", nullable = false)
    private Long patientFk;

    @Column(name = "study_fk", nullable = false)
    private Long studyFk;

    @Column(name = "sop_iuid", nullable = false, length = 64)
    private String sopIuid;

    @Column(name = "attribute", nullable = false, length = 64)
    private String attribute;

    @Column(name = "known_value", length = 324)
    private String knownValue;

    @Column(name = "received_value", length = 324)
    private String receivedValue;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    /** For JPA. */
    protected IdentityReview() {
    }

    /**
     * A new, open review.
     *
     * @param patientFk     the patient the instance was filed under
     * @param studyFk       the study it belongs to
     * @param sopIuid       the instance that brought the conflicting value
     * @param attribute     keyword of the attribute (e.g. {@code PatientName})
     * @param knownValue    the value the index has
     * @param receivedValue the value received
     * @param now           creation time
     */
    public IdentityReview(Long patientFk, Long studyFk, String sopIuid, String attribute, String knownValue,
            String receivedValue, Instant now) {
        this.patientFk = patientFk;
        this.studyFk = studyFk;
        this.sopIuid = sopIuid;
        this.attribute = attribute;
        this.knownValue = knownValue;
        this.receivedValue = receivedValue;
        this.createdAt = now;
    }

    /** @return the attribute keyword */
    public String attribute() {
        return attribute;
    }

    /** @return when it was resolved, or null while open */
    public Instant resolvedAt() {
        return resolvedAt;
    }
}
