package org.hozon.persistence.query;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.hozon.dicom.Tag;
import org.hozon.dicomweb.qido.AttributePath;
import org.hozon.dicomweb.qido.QueryLevel;
import org.hozon.persistence.query.IndexColumn.Kind;

/**
 * The attributes the index schema (V2) has columns for, as matching keys. Table aliases:
 * {@code st} study, {@code se} series, {@code i} instance. Every other attribute is matched in
 * memory on the stored header.
 */
public final class IndexColumns {
    private static final Map<Integer, IndexColumn> TOP_LEVEL = new HashMap<>();
    private static final Map<Integer, IndexColumn> REQUEST_ITEM = new HashMap<>();

    static {
        study(Tag.StudyInstanceUID, "st.study_iuid", Kind.UID);
        study(Tag.StudyDate, "st.study_date", Kind.DATE);
        study(Tag.StudyTime, "st.study_time", Kind.TIME);
        study(Tag.AccessionNumber, "st.accession_no", Kind.TEXT);
        study(Tag.StudyID, "st.study_id", Kind.TEXT);
        study(Tag.StudyDescription, "st.study_description", Kind.TEXT);
        study(Tag.ReferringPhysicianName, "st.referring", Kind.PERSON_NAME);
        study(Tag.PatientName, "st.patient", Kind.PERSON_NAME);
        study(Tag.PatientID, "st.patient_id", Kind.TEXT);
        study(Tag.PatientBirthDate, "st.patient_birth_date", Kind.DATE);
        study(Tag.PatientSex, "st.patient_sex", Kind.TEXT);
        study(Tag.ModalitiesInStudy, "modality", Kind.STUDY_MODALITY);
        study(Tag.SOPClassesInStudy, "sop_cuid", Kind.STUDY_SOP_CLASS);
        study(Tag.NumberOfStudyRelatedSeries, "st.num_series", Kind.NUMBER);
        study(Tag.NumberOfStudyRelatedInstances, "st.num_instances", Kind.NUMBER);

        series(Tag.SeriesInstanceUID, "se.series_iuid", Kind.UID);
        series(Tag.Modality, "se.modality", Kind.TEXT);
        series(Tag.SeriesNumber, "se.series_number", Kind.NUMBER);
        series(Tag.SeriesDescription, "se.series_description", Kind.TEXT);
        series(Tag.BodyPartExamined, "se.body_part", Kind.TEXT);
        series(Tag.PerformedProcedureStepStartDate, "se.pps_start_date", Kind.DATE);
        series(Tag.PerformedProcedureStepStartTime, "se.pps_start_time", Kind.TIME);
        series(Tag.NumberOfSeriesRelatedInstances, "se.num_instances", Kind.NUMBER);
        REQUEST_ITEM.put(Tag.ScheduledProcedureStepID,
                new IndexColumn(QueryLevel.SERIES, "scheduled_step_id", Kind.SERIES_REQUEST));
        REQUEST_ITEM.put(Tag.RequestedProcedureID,
                new IndexColumn(QueryLevel.SERIES, "requested_procedure_id", Kind.SERIES_REQUEST));
        REQUEST_ITEM.put(Tag.AccessionNumber,
                new IndexColumn(QueryLevel.SERIES, "accession_no", Kind.SERIES_REQUEST));

        instance(Tag.SOPInstanceUID, "i.sop_iuid", Kind.UID);
        instance(Tag.SOPClassUID, "i.sop_cuid", Kind.UID);
        instance(Tag.InstanceNumber, "i.instance_number", Kind.NUMBER);
        instance(Tag.NumberOfFrames, "i.num_frames", Kind.NUMBER);
        instance(Tag.Rows, "i.rows_", Kind.NUMBER);
        instance(Tag.Columns, "i.columns_", Kind.NUMBER);
        instance(Tag.BitsAllocated, "i.bits_allocated", Kind.NUMBER);
        instance(Tag.ContentDate, "i.content_date", Kind.DATE);
        instance(Tag.ContentTime, "i.content_time", Kind.TIME);
    }

    private IndexColumns() {
    }

    /**
     * The column of a matching key: a top-level attribute, or an attribute inside the Request
     * Attributes Sequence (one level deep). Empty if the index has none.
     */
    public static Optional<IndexColumn> of(AttributePath path) {
        if (!path.isNested()) {
            return Optional.ofNullable(TOP_LEVEL.get(path.leaf()));
        }
        if (path.length() == 2 && path.first() == Tag.RequestAttributesSequence) {
            return Optional.ofNullable(REQUEST_ITEM.get(path.leaf()));
        }
        return Optional.empty();
    }

    private static void study(int tag, String column, Kind kind) {
        TOP_LEVEL.put(tag, new IndexColumn(QueryLevel.STUDY, column, kind));
    }

    private static void series(int tag, String column, Kind kind) {
        TOP_LEVEL.put(tag, new IndexColumn(QueryLevel.SERIES, column, kind));
    }

    private static void instance(int tag, String column, Kind kind) {
        TOP_LEVEL.put(tag, new IndexColumn(QueryLevel.INSTANCE, column, kind));
    }
}
