package org.hozon.persistence.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One row of the audit trail: who did what to which object, when, with which outcome. Never updated. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "pk")
    private Long pk;

    @Column(name = "event_time", nullable = false)
    private Instant eventTime;

    @Column(name = "action", nullable = false, length = 32)
    private String action;

    @Column(name = "outcome", nullable = false, length = 16)
    private String outcome;

    @Column(name = "actor", length = 256)
    private String actor;

    @Column(name = "source_address", length = 256)
    private String sourceAddress;

    @Column(name = "patient_id", length = 64)
    private String patientId;

    @Column(name = "study_iuid", length = 64)
    private String studyIuid;

    @Column(name = "series_iuid", length = 64)
    private String seriesIuid;

    @Column(name = "sop_iuid", length = 64)
    private String sopIuid;

    @Column(name = "detail", length = 2000)
    private String detail;

    /** For JPA. */
    protected AuditEvent() {
    }

    /**
     * @param eventTime     when
     * @param action        what (e.g. {@code STORE})
     * @param outcome       {@code SUCCESS} or a failure word
     * @param actor         who (principal), or null
     * @param sourceAddress from where, or null
     */
    public AuditEvent(Instant eventTime, String action, String outcome, String actor, String sourceAddress) {
        this.eventTime = eventTime;
        this.action = action;
        this.outcome = outcome;
        this.actor = actor;
        this.sourceAddress = sourceAddress;
    }

    /** Names the object concerned. */
    public AuditEvent object(String patientId, String studyIuid, String seriesIuid, String sopIuid) {
        this.patientId = patientId;
        this.studyIuid = studyIuid;
        this.seriesIuid = seriesIuid;
        this.sopIuid = sopIuid;
        return this;
    }

    /** Adds a free-text detail (cut to 2000 characters). */
    public AuditEvent detail(String text) {
        this.detail = text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
        return this;
    }

    /** @return the action */
    public String action() {
        return action;
    }
}
