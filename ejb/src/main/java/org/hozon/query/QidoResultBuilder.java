package org.hozon.query;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hozon.dicom.BulkData;
import org.hozon.dicom.Dataset;
import org.hozon.dicom.Fragments;
import org.hozon.dicom.Sequence;
import org.hozon.dicom.Tag;
import org.hozon.dicom.Tags;
import org.hozon.dicom.VR;
import org.hozon.dicom.dict.ElementDictionary;
import org.hozon.dicomweb.qido.AttributePath;
import org.hozon.dicomweb.qido.QidoAttributes;
import org.hozon.dicomweb.qido.QidoQuery;
import org.hozon.dicomweb.qido.QueryLevel;
import org.hozon.persistence.query.IndexRow;
import org.hozon.persistence.query.RequestItem;

/**
 * Builds the data set of one QIDO-RS result: the required return keys, the matching keys and the
 * {@code includefield} attributes (PS3.18 §10.6.3.3). Values come from index columns where the
 * index has them, are computed (RetrieveURL, InstanceAvailability, counts), or are copied from the
 * stored header (of the instance, or of the first instance of the series or study). An attribute
 * asked for that has no value is written empty (only its VR), never left out.
 *
 * <p>Text is Unicode once decoded, so results are encoded in UTF-8 and say so:
 * SpecificCharacterSet is always {@code ISO_IR 192}; person names keep their Alphabetic,
 * Ideographic and Phonetic groups.
 */
public final class QidoResultBuilder {
    /** Attributes whose value comes from a column: tag to column label. */
    private static final Map<Integer, String> COLUMNS = Map.ofEntries(
            Map.entry(Tag.StudyInstanceUID, "study_iuid"), Map.entry(Tag.StudyDate, "study_date"),
            Map.entry(Tag.StudyTime, "study_time"), Map.entry(Tag.AccessionNumber, "accession_no"),
            Map.entry(Tag.StudyID, "study_id"), Map.entry(Tag.StudyDescription, "study_description"),
            Map.entry(Tag.ReferringPhysicianName, "referring_name"), Map.entry(Tag.PatientID, "patient_id"),
            Map.entry(Tag.PatientName, "patient_name"), Map.entry(Tag.PatientBirthDate, "patient_birth_date"),
            Map.entry(Tag.PatientSex, "patient_sex"), Map.entry(Tag.ModalitiesInStudy, "modalities"),
            Map.entry(Tag.SOPClassesInStudy, "sop_classes"), Map.entry(Tag.NumberOfStudyRelatedSeries, "num_series"),
            Map.entry(Tag.NumberOfStudyRelatedInstances, "num_instances"),
            Map.entry(Tag.SeriesInstanceUID, "series_iuid"), Map.entry(Tag.Modality, "modality"),
            Map.entry(Tag.SeriesNumber, "series_number"), Map.entry(Tag.SeriesDescription, "series_description"),
            Map.entry(Tag.BodyPartExamined, "body_part"),
            Map.entry(Tag.PerformedProcedureStepStartDate, "pps_start_date"),
            Map.entry(Tag.PerformedProcedureStepStartTime, "pps_start_time"),
            Map.entry(Tag.NumberOfSeriesRelatedInstances, "series_num_instances"),
            Map.entry(Tag.SOPInstanceUID, "sop_iuid"), Map.entry(Tag.SOPClassUID, "sop_cuid"),
            Map.entry(Tag.InstanceNumber, "instance_number"), Map.entry(Tag.NumberOfFrames, "num_frames"),
            Map.entry(Tag.Rows, "rows_"), Map.entry(Tag.Columns, "columns_"),
            Map.entry(Tag.BitsAllocated, "bits_allocated"), Map.entry(Tag.ContentDate, "content_date"),
            Map.entry(Tag.ContentTime, "content_time"));
    /** Attributes computed here rather than read. */
    private static final Set<Integer> COMPUTED = Set.of(Tag.SpecificCharacterSet, Tag.InstanceAvailability,
            Tag.TimezoneOffsetFromUTC, Tag.RetrieveURL, Tag.RequestAttributesSequence);
    /** Binary values longer than this are left out of {@code includefield=all} (no BulkDataURI in QIDO). */
    private static final int MAX_INLINE_BINARY = 1024;

    private QidoResultBuilder() {
    }

    /** True if some attribute to return has to come from the stored header. */
    public static boolean needsHeader(QidoQuery query) {
        if (query.includeAll()) {
            return true;
        }
        for (AttributePath p : query.returnAttributes()) {
            if (!COLUMNS.containsKey(p.first()) && !COMPUTED.contains(p.first())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The result data set of one row.
     *
     * @param header the stored header for attributes without a column, or null
     * @param requests the Request Attributes Sequence items of the row's series
     * @param baseUrl the DICOMweb base URL (no trailing slash)
     */
    public static Dataset build(QidoQuery query, IndexRow row, Dataset header, List<RequestItem> requests,
            String baseUrl) {
        return build(query, returnTags(query), row, header, requests, baseUrl);
    }

    /** @return the top-level tags of the query's return attributes, each once, in order */
    public static int[] returnTags(QidoQuery query) {
        Set<Integer> tags = new LinkedHashSet<>();
        for (AttributePath p : query.returnAttributes()) {
            tags.add(p.first());
        }
        return tags.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The result data set of one row, with the query's {@link #returnTags} worked out once for
     * all its rows.
     */
    public static Dataset build(QidoQuery query, int[] returnTags, IndexRow row, Dataset header,
            List<RequestItem> requests, String baseUrl) {
        QueryLevel level = query.level();
        Dataset ds = new Dataset();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        for (int tag : returnTags) {
            put(ds, tag, level, row, header, requests, baseUrl);
        }
        if (query.includeAll() && header != null) {
            for (int i = 0; i < header.size(); i++) {
                int tag = header.tagAt(i);
                if (!ds.contains(tag) && inAll(query, tag, header.valueAt(i), header.vrAt(i))) {
                    copy(header, tag, ds);
                }
            }
        }
        return ds;
    }

    /** What {@code includefield=all} adds: header attributes of the levels the search returns. */
    private static boolean inAll(QidoQuery query, int tag, Object value, VR vr) {
        if (Tags.group(tag) == 0x0002 || Tags.isGroupLength(tag) || value instanceof BulkData
                || value instanceof Fragments || COMPUTED.contains(tag)) {
            return false;
        }
        if (value instanceof byte[] b && vr.isBulkCandidate() && b.length > MAX_INLINE_BINARY) {
            return false;
        }
        return QidoAttributes.levelOf(tag).map(l -> query.resource().includesLevel(l)).orElse(false);
    }

    private static void put(Dataset ds, int tag, QueryLevel level, IndexRow row, Dataset header,
            List<RequestItem> requests, String baseUrl) {
        VR vr = ElementDictionary.vrOf(tag);
        if (tag == Tag.SpecificCharacterSet) {
            return;
        }
        if (tag == Tag.InstanceAvailability) {
            String a = level == QueryLevel.INSTANCE ? row.string("availability") : null;
            ds.setString(tag, VR.CS, a != null ? a : "ONLINE");
        } else if (tag == Tag.TimezoneOffsetFromUTC) {
            text(ds, tag, VR.SH, row.string(switch (level) {
                case STUDY -> "study_tz";
                case SERIES -> "series_tz";
                case INSTANCE -> "instance_tz";
            }));
        } else if (tag == Tag.RetrieveURL) {
            ds.setString(tag, VR.UR, retrieveUrl(level, row, baseUrl));
        } else if (tag == Tag.RequestAttributesSequence) {
            Sequence seq = ds.newSequence(tag);
            for (RequestItem r : requests) {
                Dataset item = seq.addItem();
                text(item, Tag.AccessionNumber, VR.SH, r.accessionNumber());
                text(item, Tag.ScheduledProcedureStepID, VR.SH, r.scheduledProcedureStepId());
                text(item, Tag.RequestedProcedureID, VR.SH, r.requestedProcedureId());
            }
        } else if (COLUMNS.containsKey(tag)) {
            fromColumn(ds, tag, vr, row, COLUMNS.get(tag));
        } else if (header != null && header.contains(tag) && !(header.value(tag) instanceof BulkData)
                && !(header.value(tag) instanceof Fragments)) {
            copy(header, tag, ds);
        } else {
            ds.set(tag, vr == VR.UN ? VR.UN : vr, null);
        }
    }

    private static void fromColumn(Dataset ds, int tag, VR vr, IndexRow row, String column) {
        if (vr == VR.US) {
            Long n = row.number(column);
            if (n == null) {
                ds.set(tag, vr, null);
            } else {
                ds.setInt(tag, vr, n.intValue());
            }
        } else if (vr == VR.IS) {
            Long n = row.number(column);
            text(ds, tag, vr, n == null ? null : n.toString());
        } else if (vr == VR.PN) {
            text(ds, tag, vr, row.string(column));
        } else {
            String v = row.string(column);
            if (v == null || v.isEmpty()) {
                ds.set(tag, vr, null);
            } else {
                ds.setString(tag, vr, v.split("\\\\"));
            }
        }
    }

    private static void text(Dataset ds, int tag, VR vr, String value) {
        if (value == null || value.isEmpty()) {
            ds.set(tag, vr, null);
        } else {
            ds.setString(tag, vr, value);
        }
    }

    /** The WADO-RS URL of the result (PS3.18 §10.6.3.3: RetrieveURL). */
    static String retrieveUrl(QueryLevel level, IndexRow row, String baseUrl) {
        StringBuilder sb = new StringBuilder(baseUrl).append("/studies/").append(row.string("study_iuid"));
        if (level != QueryLevel.STUDY) {
            sb.append("/series/").append(row.string("series_iuid"));
        }
        if (level == QueryLevel.INSTANCE) {
            sb.append("/instances/").append(row.string("sop_iuid"));
        }
        return sb.toString();
    }

    /**
     * Copies one element of {@code from} into {@code to}, re-encoding text in UTF-8 (the
     * receiving data set's character set) and sequences item by item; bulk values are skipped.
     */
    static void copy(Dataset from, int tag, Dataset to) {
        VR vr = from.vr(tag);
        Object v = from.value(tag);
        if (v instanceof Sequence s) {
            Sequence target = to.newSequence(tag);
            for (Dataset item : s) {
                Dataset copy = target.addItem();
                for (int i = 0; i < item.size(); i++) {
                    int t = item.tagAt(i);
                    if (t != Tag.SpecificCharacterSet) {
                        copy(item, t, copy);
                    }
                }
            }
        } else if (v instanceof byte[] b) {
            if (b.length > 0 && vr.characterSetSensitive()) {
                to.setString(tag, vr, from.getStrings(tag));
            } else {
                to.set(tag, vr, b);
            }
        }
    }
}
