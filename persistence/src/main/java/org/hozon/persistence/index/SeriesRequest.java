package org.hozon.persistence.index;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One item of a series' Request Attributes Sequence (0040,0275), for QIDO's series keys. */
@Entity
@Table(name = "series_request")
public class SeriesRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "pk")
    private Long pk;

    @Column(name = "series_fk", nullable = false)
    private Long seriesFk;

    @Column(name = "requested_procedure_id", length = 64)
    private String requestedProcedureId;

    @Column(name = "scheduled_step_id", length = 64)
    private String scheduledStepId;

    @Column(name = "accession_no", length = 64)
    private String accessionNo;

    /** For JPA. */
    protected SeriesRequest() {
    }

    /**
     * @param seriesFk             the series
     * @param requestedProcedureId Requested Procedure ID (0040,1001), or null
     * @param scheduledStepId      Scheduled Procedure Step ID (0040,0009), or null
     * @param accessionNo          Accession Number (0008,0050) of the item, or null
     */
    public SeriesRequest(Long seriesFk, String requestedProcedureId, String scheduledStepId, String accessionNo) {
        this.seriesFk = seriesFk;
        this.requestedProcedureId = requestedProcedureId;
        this.scheduledStepId = scheduledStepId;
        this.accessionNo = accessionNo;
    }

    /** @return Requested Procedure ID, or null */
    public String requestedProcedureId() {
        return requestedProcedureId;
    }

    /** @return Scheduled Procedure Step ID, or null */
    public String scheduledStepId() {
        return scheduledStepId;
    }
}
