package org.hozon.persistence.index;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A series with the attributes QIDO matches and returns at series level, and its instance count. */
@Entity
@Table(name = "series")
public class Series {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "pk")
    private Long pk;

    @Column(name = "study_fk", nullable = false)
    private Long studyFk;

    @Column(name = "series_iuid", nullable = false, length = 64)
    private String seriesIuid;

    @Column(name = "modality", length = 16)
    private String modality;

    @Column(name = "series_number")
    private Integer seriesNumber;

    @Column(name = "series_description", length = 324)
    private String seriesDescription;

    @Column(name = "body_part", length = 64)
    private String bodyPart;

    @Column(name = "pps_start_date", length = 8)
    private String ppsStartDate;

    @Column(name = "pps_start_time", length = 13)
    private String ppsStartTime;

    @Column(name = "specific_charset", length = 256)
    private String specificCharset;

    @Column(name = "timezone_offset", length = 5)
    private String timezoneOffset;

    @Column(name = "num_instances", nullable = false)
    private int numInstances;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** For JPA. */
    protected Series() {
    }

    /**
     * A new series with no instances yet.
     *
     * @param studyFk    the study
     * @param seriesIuid Series Instance UID
     * @param now        creation time
     */
    public Series(Long studyFk, String seriesIuid, Instant now) {
        this.studyFk = studyFk;
        this.seriesIuid = seriesIuid;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** @return the primary key */
    public Long pk() {
        return pk;
    }

    /** @return the study's primary key */
    public Long studyFk() {
        return studyFk;
    }

    /** @return Series Instance UID */
    public String seriesIuid() {
        return seriesIuid;
    }

    /** @return Modality, or null */
    public String modality() {
        return modality;
    }

    /** @return NumberOfSeriesRelatedInstances */
    public int numInstances() {
        return numInstances;
    }

    /** Sets Modality, Series Number, Series Description and Body Part Examined. */
    public void describe(String modality, Integer number, String description, String bodyPart) {
        this.modality = modality;
        this.seriesNumber = number;
        this.seriesDescription = description;
        this.bodyPart = bodyPart;
    }

    /** Sets Performed Procedure Step Start Date and Time (normalized TM). */
    public void performedProcedureStepStart(String date, String time) {
        this.ppsStartDate = date;
        this.ppsStartTime = time;
    }

    /** Sets Specific Character Set and Timezone Offset From UTC as received. */
    public void charsetAndTimezone(String charset, String timezone) {
        this.specificCharset = charset;
        this.timezoneOffset = timezone;
    }

    /**
     * Counts one more instance.
     *
     * @param now when
     */
    public void countInstance(Instant now) {
        this.numInstances++;
        this.updatedAt = now;
    }
}
