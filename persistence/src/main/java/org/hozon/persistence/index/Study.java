package org.hozon.persistence.index;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A study with the attributes QIDO matches and returns at study level, as its first instance
 * carried them, plus the values computed over its instances (modalities, SOP classes, counts).
 * Person names are kept as received and normalized per group (see V2__dicom_index.sql).
 */
@Entity
@Table(name = "study")
public class Study {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "pk")
    private Long pk;

    @Column(name = "patient_fk", nullable = false)
    private Long patientFk;

    @Column(name = "study_iuid", nullable = false, length = 64)
    private String studyIuid;

    @Column(name = "study_date", length = 8)
    private String studyDate;

    @Column(name = "study_time", length = 13)
    private String studyTime;

    @Column(name = "accession_no", length = 64)
    private String accessionNo;

    @Column(name = "study_id", length = 64)
    private String studyId;

    @Column(name = "study_description", length = 324)
    private String studyDescription;

    @Column(name = "referring_name", length = 324)
    private String referringName;

    @Column(name = "referring_alpha", length = 324)
    private String referringAlpha;

    @Column(name = "referring_ideo", length = 324)
    private String referringIdeo;

    @Column(name = "referring_phon", length = 324)
    private String referringPhon;

    @Column(name = "referring_fuzzy", length = 1000)
    private String referringFuzzy;

    @Column(name = "patient_id", length = 64)
    private String patientId;

    @Column(name = "patient_name", length = 324)
    private String patientName;

    @Column(name = "patient_alpha", length = 324)
    private String patientAlpha;

    @Column(name = "patient_ideo", length = 324)
    private String patientIdeo;

    @Column(name = "patient_phon", length = 324)
    private String patientPhon;

    @Column(name = "patient_fuzzy", length = 1000)
    private String patientFuzzy;

    @Column(name = "patient_birth_date", length = 8)
    private String patientBirthDate;

    @Column(name = "patient_sex", length = 16)
    private String patientSex;

    @Column(name = "specific_charset", length = 256)
    private String specificCharset;

    @Column(name = "timezone_offset", length = 5)
    private String timezoneOffset;

    @Column(name = "modalities", length = 256)
    private String modalities;

    @Column(name = "sop_classes", length = 4000)
    private String sopClasses;

    @Column(name = "num_series", nullable = false)
    private int numSeries;

    @Column(name = "num_instances", nullable = false)
    private int numInstances;

    @Column(name = "needs_review", nullable = false)
    private boolean needsReview;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** For JPA. */
    protected Study() {
    }

    /**
     * A new study with no series yet.
     *
     * @param patientFk the patient
     * @param studyIuid Study Instance UID
     * @param now       creation time
     */
    public Study(Long patientFk, String studyIuid, Instant now) {
        this.patientFk = patientFk;
        this.studyIuid = studyIuid;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** @return the primary key */
    public Long pk() {
        return pk;
    }

    /** @return the patient's primary key */
    public Long patientFk() {
        return patientFk;
    }

    /** @return Study Instance UID */
    public String studyIuid() {
        return studyIuid;
    }

    /** @return ModalitiesInStudy, backslash-joined in ascending order, or null */
    public String modalities() {
        return modalities;
    }

    /** @return SOPClassesInStudy, backslash-joined in ascending order, or null */
    public String sopClasses() {
        return sopClasses;
    }

    /** @return NumberOfStudyRelatedSeries */
    public int numSeries() {
        return numSeries;
    }

    /** @return NumberOfStudyRelatedInstances */
    public int numInstances() {
        return numInstances;
    }

    /** @return whether an identity conflict waits for review */
    public boolean needsReview() {
        return needsReview;
    }

    /** Sets Study Date, Study Time (normalized TM), Accession Number, Study ID and Description. */
    public void describe(String date, String time, String accession, String id, String description) {
        this.studyDate = date;
        this.studyTime = time;
        this.accessionNo = accession;
        this.studyId = id;
        this.studyDescription = description;
    }

    /** Sets the Referring Physician's Name as received and its normalized forms. */
    public void referringPhysician(IndexedName name) {
        this.referringName = name.raw();
        this.referringAlpha = name.alphabetic();
        this.referringIdeo = name.ideographic();
        this.referringPhon = name.phonetic();
        this.referringFuzzy = name.fuzzy();
    }

    /** Sets the patient attributes as this study carries them. */
    public void patient(String id, IndexedName name, String birthDate, String sex) {
        this.patientId = id;
        this.patientName = name.raw();
        this.patientAlpha = name.alphabetic();
        this.patientIdeo = name.ideographic();
        this.patientPhon = name.phonetic();
        this.patientFuzzy = name.fuzzy();
        this.patientBirthDate = birthDate;
        this.patientSex = sex;
    }

    /** Sets Specific Character Set and Timezone Offset From UTC as received. */
    public void charsetAndTimezone(String charset, String timezone) {
        this.specificCharset = charset;
        this.timezoneOffset = timezone;
    }

    /** Replaces ModalitiesInStudy (backslash-joined, sorted). */
    public void setModalities(String modalities) {
        this.modalities = modalities;
    }

    /** Replaces SOPClassesInStudy (backslash-joined, sorted). */
    public void setSopClasses(String sopClasses) {
        this.sopClasses = sopClasses;
    }

    /**
     * Counts one more instance, and one more series if it opened a new one.
     *
     * @param newSeries whether the instance is the first of its series
     * @param now       when
     */
    public void countInstance(boolean newSeries, Instant now) {
        this.numInstances++;
        if (newSeries) {
            this.numSeries++;
        }
        this.updatedAt = now;
    }

    /**
     * Flags the study for identity review.
     *
     * @param now when
     */
    public void flagForReview(Instant now) {
        this.needsReview = true;
        this.updatedAt = now;
    }
}
