package org.hozon.persistence.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.hozon.dicom.Dataset;
import org.hozon.dicom.Tag;
import org.hozon.dicom.VR;
import org.hozon.dicom.charset.PersonName;
import org.hozon.dicom.charset.PersonName.Group;
import org.hozon.dicomweb.qido.NameNormalizer;
import org.hozon.dicomweb.qido.PersonNameMatcher;
import org.hozon.persistence.index.StoredHeader;

/**
 * Writes index rows (V2 tables) directly with JDBC, filling the normalized name columns as the
 * schema comments say, so search tests do not depend on ingest. Shared with the ear's integration
 * tests through this module's test-jar.
 */
public final class IndexFixture {
    private final Connection c;

    public IndexFixture(Connection c) {
        this.c = c;
    }

    /** A study with its patient; {@code modalities} become study_modality rows. */
    public long study(String uid, String patientId, String patientName, String date, String time, String accession,
            String referring, String... modalities) throws SQLException {
        long patient = insert("INSERT INTO patient (patient_id, issuer, patient_name, birth_date, sex, needs_review,"
                + " created_at, updated_at) VALUES (?, '', ?, '19700101', 'M', FALSE, ?, ?)",
                patientId + "/" + uid, patientName, now(), now());
        List<String> sorted = new ArrayList<>(List.of(modalities));
        sorted.sort(null);
        Object[] p = new Object[] {patient, uid, date, time, accession, "SID-" + uid.substring(uid.length() - 1),
            "Desc " + uid, referring, lit(referring, Group.ALPHABETIC), lit(referring, Group.IDEOGRAPHIC),
            lit(referring, Group.PHONETIC), fuzzy(referring), patientId, patientName, lit(patientName, Group.ALPHABETIC),
            lit(patientName, Group.IDEOGRAPHIC), lit(patientName, Group.PHONETIC), fuzzy(patientName),
            "ISO 2022 IR 6\\ISO 2022 IR 87", String.join("\\", sorted), now(), now()};
        long study = insert("INSERT INTO study (patient_fk, study_iuid, study_date, study_time, accession_no, study_id,"
                + " study_description, referring_name, referring_alpha, referring_ideo, referring_phon, referring_fuzzy,"
                + " patient_id, patient_name, patient_alpha, patient_ideo, patient_phon, patient_fuzzy,"
                + " patient_birth_date, patient_sex, specific_charset, modalities, num_series, num_instances,"
                + " needs_review, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " '19700101', 'M', ?, ?, 0, 0, FALSE, ?, ?)", p);
        for (String m : sorted) {
            insert("INSERT INTO study_modality (study_fk, modality) VALUES (?, ?)", study, m);
        }
        return study;
    }

    public long series(long study, String uid, String modality, int number, String ppsDate, String ppsTime)
            throws SQLException {
        long series = insert("INSERT INTO series (study_fk, series_iuid, modality, series_number, series_description,"
                + " pps_start_date, pps_start_time, num_instances, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                study, uid, modality, number, modality + " series " + number, ppsDate, ppsTime, now(), now());
        update("UPDATE study SET num_series = num_series + 1 WHERE pk = ?", study);
        return series;
    }

    public void request(long series, String requestedProcedureId, String stepId, String accession) throws SQLException {
        insert("INSERT INTO series_request (series_fk, requested_procedure_id, scheduled_step_id, accession_no)"
                + " VALUES (?, ?, ?, ?)", series, requestedProcedureId, stepId, accession);
    }

    public long instance(long study, long series, String uid, String sopClass, int number, Dataset header)
            throws SQLException {
        long pk = insert("INSERT INTO instance (series_fk, sop_iuid, sop_cuid, instance_number, num_frames, rows_,"
                + " columns_, bits_allocated, transfer_syntax_uid, storage_path, size_bytes, sha256, header,"
                + " availability, received_at) VALUES (?, ?, ?, ?, 1, 512, 512, 16, '1.2.840.10008.1.2.1',"
                + " ?, 1000, ?, ?, 'ONLINE', ?)",
                series, uid, sopClass, number, "store/" + uid, "0".repeat(64), StoredHeader.encode(header), now());
        update("UPDATE series SET num_instances = num_instances + 1 WHERE pk = ?", series);
        update("UPDATE study SET num_instances = num_instances + 1 WHERE pk = ?", study);
        if (insertIfAbsent(study, sopClass)) {
            update("UPDATE study SET sop_classes = ? WHERE pk = ?", sopClass, study);
        }
        return pk;
    }

    private boolean insertIfAbsent(long study, String sopClass) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM study_sop_class WHERE study_fk = ? AND sop_cuid = ?")) {
            ps.setLong(1, study);
            ps.setString(2, sopClass);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
        }
        insert("INSERT INTO study_sop_class (study_fk, sop_cuid) VALUES (?, ?)", study, sopClass);
        return true;
    }

    /** A small header: the UIDs and a few attributes no index column holds. */
    public static Dataset header(String studyUid, String seriesUid, String sopUid, String manufacturer, String bodyPart) {
        Dataset ds = new Dataset();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        ds.setString(Tag.SOPInstanceUID, VR.UI, sopUid);
        ds.setString(Tag.Manufacturer, VR.LO, manufacturer);
        ds.setString(Tag.StudyInstanceUID, VR.UI, studyUid);
        ds.setString(Tag.SeriesInstanceUID, VR.UI, seriesUid);
        if (bodyPart != null) {
            ds.setString(Tag.BodyPartExamined, VR.CS, bodyPart);
        }
        ds.setString(Tag.PatientWeight, VR.DS, "70.5");
        ds.setString(Tag.PatientComments, VR.LT, "検査 " + sopUid);
        return ds;
    }

    /** The literal normalization of group {@code g} of {@code pn}, as ingest fills the column. */
    public static String lit(String pn, Group g) {
        if (pn == null) {
            return null;
        }
        String s = NameNormalizer.literal(PersonName.parse(pn).format(g));
        return s.isEmpty() ? null : s;
    }

    /** The fuzzy normalization of {@code pn}, as ingest fills the *_fuzzy column. */
    public static String fuzzy(String pn) {
        if (pn == null) {
            return null;
        }
        PersonName name = PersonName.parse(pn);
        StringBuilder sb = new StringBuilder(" ");
        for (Group g : Group.values()) {
            for (String w : PersonNameMatcher.words(NameNormalizer.fuzzy(name.format(g)))) {
                sb.append(w).append(' ');
            }
        }
        return sb.toString();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now();
    }

    private void update(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            ps.executeUpdate();
        }
    }

    private long insert(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(ps, params);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : -1;
            }
        }
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }
}
