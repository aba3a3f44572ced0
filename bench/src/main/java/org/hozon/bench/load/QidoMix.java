package org.hozon.bench.load;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.hozon.bench.data.CtStudyGenerator;
import org.hozon.dicom.Dataset;
import org.hozon.dicom.Tag;

/**
 * The fixed mix of study searches, in rotation, each built from a study that was stored, so
 * every search matches at least that study. Deterministic for a seed and a list of studies.
 */
final class QidoMix {
    /** The kinds of search in the mix. */
    enum Kind {
        PATIENT_ID("PatientID"),
        PATIENT_NAME("PatientName*"),
        STUDY_DATE("StudyDate-range"),
        MODALITY_DATE("Modality+Date"),
        ACCESSION("AccessionNumber");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** One search: its kind and the path and query after the base URL. */
    static final class Query {
        final Kind kind;
        final String pathAndQuery;

        Query(Kind kind, String pathAndQuery) {
            this.kind = kind;
            this.pathAndQuery = pathAndQuery;
        }
    }

    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;

    private QidoMix() {
    }

    /** {@code count} searches over {@code studies} (numbers of stored studies, not empty). */
    static List<Query> build(CtStudyGenerator generator, List<Integer> studies, int count, long seed, int limit) {
        if (studies.isEmpty()) {
            throw new IllegalArgumentException("no stored studies to search for");
        }
        Random random = new Random(seed * 1_000_033L + 17);
        Kind[] kinds = Kind.values();
        List<Query> out = new ArrayList<>(count);
        String suffix = limit > 0 ? "&limit=" + limit : "";
        for (int i = 0; i < count; i++) {
            Kind kind = kinds[i % kinds.length];
            int study = studies.get(random.nextInt(studies.size()));
            out.add(new Query(kind, "/studies?" + query(kind, generator.header(study, 0, 0)) + suffix));
        }
        return out;
    }

    private static String query(Kind kind, Dataset h) {
        switch (kind) {
            case PATIENT_ID:
                return param("PatientID", h.getString(Tag.PatientID));
            case PATIENT_NAME:
                return param("PatientName", h.getString(Tag.PatientName).substring(0, 3) + "*");
            case STUDY_DATE:
                return param("StudyDate", range(h.getString(Tag.StudyDate), 7));
            case MODALITY_DATE:
                return param("ModalitiesInStudy", "CT") + "&" + param("StudyDate", range(h.getString(Tag.StudyDate), 15));
            case ACCESSION:
                return param("AccessionNumber", h.getString(Tag.AccessionNumber));
            default:
                throw new AssertionError(kind);
        }
    }

    /** A date range of {@code days} days on either side of {@code date}. */
    private static String range(String date, int days) {
        LocalDate d = LocalDate.parse(date, DA);
        return d.minusDays(days).format(DA) + "-" + d.plusDays(days).format(DA);
    }

    private static String param(String key, String value) {
        return key + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
