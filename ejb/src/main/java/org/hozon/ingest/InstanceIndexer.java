package org.hozon.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hozon.archive.service.ArchiveMessages;
import org.hozon.dicom.Dataset;
import org.hozon.dicom.Sequence;
import org.hozon.dicom.Tag;
import org.hozon.persistence.archive.ArchiveTask;
import org.hozon.persistence.audit.AuditEvent;
import org.hozon.persistence.index.IdentityReview;
import org.hozon.persistence.index.IndexedName;
import org.hozon.persistence.index.Instance;
import org.hozon.persistence.index.Patient;
import org.hozon.persistence.index.Series;
import org.hozon.persistence.index.SeriesRequest;
import org.hozon.persistence.index.Study;
import org.hozon.persistence.index.StudyModality;
import org.hozon.persistence.index.StudySopClass;

/**
 * The index transaction of a batch of instances (often one): per instance, patient, study and series (found or created),
 * the instance with its location, size, SHA-256 and header, the study's computed values
 * and counters, the series' request attributes, the archive task (outbox) with its JMS message
 * and the audit row - all or nothing, in a transaction of its own (an instance restored from an
 * archive copy gets its task ARCHIVED and the copy's row instead of a message); {@link IngestService} indexes
 * the instances of a failed batch again one by one, so that one failing instance never costs
 * another.
 *
 * <p>Concurrency: the study row is locked ({@code SELECT ... FOR UPDATE}) before anything below
 * it is read or written, so series creation, counters and the study's modality and SOP class
 * rows are serialized per study. Creating a patient or study that a parallel transaction creates
 * at the same moment ends in a unique-constraint violation; the whole transaction then rolls back
 * and {@link IngestService} runs it again, finding the row the other one committed.
 */
@Stateless
public class InstanceIndexer {

    /** Test hook (documented in docs/configuration.md): instances whose SOP Instance UID starts with it fail before commit. */
    static final String FAIL_BEFORE_COMMIT = "hozon.ingest.fail-before-commit";

    @PersistenceContext(unitName = "hozon")
    EntityManager em;

    @EJB
    ArchiveMessages archiveMessages;

    @Inject
    @ConfigProperty(name = FAIL_BEFORE_COMMIT)
    Optional<String> failBeforeCommit;

    /**
     * Indexes instances whose files already lie at their {@code storagePath()}, in one transaction:
     * all or nothing. Within the batch, studies (locked), series and patients are looked up once,
     * the duplicate check is one query, and the studies' and series' counters are written once.
     *
     * @param requests the instances and where they are
     * @return what happened to each, in order; on an exception the transaction rolled back and
     *         nothing was written
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<IndexOutcome> indexAll(List<IndexRequest> requests) {
        Map<String, String> known = new HashMap<>();
        List<String> uids = new ArrayList<>(requests.size());
        for (IndexRequest r : requests) {
            uids.add(r.instance().sopInstanceUid());
        }
        for (Object[] row : em.createQuery("SELECT i.sopIuid, i.sha256 FROM Instance i WHERE i.sopIuid IN :uids",
                Object[].class).setParameter("uids", uids).getResultList()) {
            known.put((String) row[0], (String) row[1]);
        }
        Batch batch = new Batch(known);
        List<IndexOutcome> outcomes = new ArrayList<>(requests.size());
        for (IndexRequest r : requests) {
            outcomes.add(index(r, batch));
        }
        em.flush();
        String hook = failBeforeCommit.orElse("");
        for (IndexRequest r : requests) {
            if (!hook.isEmpty() && r.instance().sopInstanceUid().startsWith(hook)) {
                throw new IllegalStateException("failure injected before commit (" + FAIL_BEFORE_COMMIT + ")");
            }
        }
        return outcomes;
    }

    /** What one transaction already found or made: looked up once per batch, not per instance. */
    private static final class Batch {
        final Map<String, String> knownSha256;
        final Map<String, Study> studies = new HashMap<>();
        final Map<String, Series> series = new HashMap<>();

        Batch(Map<String, String> knownSha256) {
            this.knownSha256 = knownSha256;
        }
    }

    private IndexOutcome index(IndexRequest request, Batch batch) {
        ReceivedInstance received = request.instance();
        Dataset ds = received.dataset();
        Instant now = Instant.now();

        String knownSha256 = batch.knownSha256.get(received.sopInstanceUid());
        if (knownSha256 != null) {
            return knownSha256.equals(received.sha256())
                    ? new IndexOutcome(IndexOutcome.Status.DUPLICATE, false, "already stored with the same content")
                    : new IndexOutcome(IndexOutcome.Status.CONFLICT, false,
                            "SOP Instance UID already stored with different content; the stored instance is kept");
        }

        String patientId = DicomText.cut(ds.getString(Tag.PatientID), 64);
        String issuer = patientId == null ? "NOID:" + StorePaths.hash(received.studyUid()).substring(0, 32)
                : Optional.ofNullable(DicomText.cut(ds.getString(Tag.IssuerOfPatientID), 64)).orElse("");
        String name = DicomText.cut(ds.getString(Tag.PatientName), 324);
        String birthDate = DicomText.date(ds.getString(Tag.PatientBirthDate));
        String sex = DicomText.cut(ds.getString(Tag.PatientSex), 16);

        Study study = batch.studies.containsKey(received.studyUid()) ? batch.studies.get(received.studyUid())
                : findStudyLocked(received.studyUid());
        Patient patient;
        boolean conflict = false;
        if (study == null) {
            patient = findPatient(patientId == null ? "" : patientId, issuer);
            if (patient == null) {
                patient = new Patient(patientId == null ? "" : patientId, issuer, name, birthDate, sex, now);
                em.persist(patient);
            }
            study = newStudy(patient, received, ds, name, birthDate, sex, now);
        } else {
            patient = em.find(Patient.class, study.patientFk());
            conflict |= review(patient, study, received, "PatientID", patient.patientId(), patientId, now);
        }
        batch.studies.put(received.studyUid(), study);
        conflict |= review(patient, study, received, "PatientName", patient.patientName(), name, now);
        conflict |= review(patient, study, received, "PatientBirthDate", patient.birthDate(), birthDate, now);

        Series series = batch.series.get(received.seriesUid());
        if (series == null) {
            series = em.createQuery("SELECT s FROM Series s WHERE s.seriesIuid = :uid", Series.class)
                    .setParameter("uid", received.seriesUid()).getResultStream().findFirst().orElse(null);
        }
        boolean newSeries = series == null;
        if (newSeries) {
            series = newSeries(study, received, ds, now);
        } else if (!series.studyFk().equals(study.pk())) {
            return new IndexOutcome(IndexOutcome.Status.REFUSED, false,
                    "Series Instance UID " + received.seriesUid() + " already belongs to another study");
        }
        batch.series.put(received.seriesUid(), series);

        Instance instance = new Instance(series.pk(), received.sopInstanceUid(), received.sopClassUid(),
                received.transferSyntaxUid(), request.storagePath(), received.size(), received.sha256(),
                request.header(), now, DicomText.cut(request.source(), 256));
        instance.describeImage(DicomText.integer(ds.getString(Tag.InstanceNumber)),
                DicomText.integer(ds.getString(Tag.NumberOfFrames)), intOrNull(ds, Tag.Rows), intOrNull(ds, Tag.Columns),
                intOrNull(ds, Tag.BitsAllocated));
        instance.content(DicomText.date(ds.getString(Tag.ContentDate)), DicomText.time(ds.getString(Tag.ContentTime)));
        instance.charsetAndTimezone(charset(ds), DicomText.cut(ds.getString(Tag.TimezoneOffsetFromUTC), 5));
        instance.pixelData(received.pixelDataOffset(), received.pixelDataLength());
        em.persist(instance);
        batch.knownSha256.put(received.sopInstanceUid(), received.sha256());
        ArchivedCopy archived = request.archived();
        if (archived == null) {
            ArchiveTask task = new ArchiveTask(instance.pk(), now);
            em.persist(task);
            archiveMessages.send(task.pk()); // enlisted in this transaction: delivered only after the commit
        } else {
            // restored from this copy: archived already, never sent to the archiver
            ArchiveTask task = new ArchiveTask(instance.pk(), archived.archivedAt());
            task.chooseKey(archived.keyId(), archived.wrappedKey(), archived.noncePrefix());
            task.name(archived.objectKey());
            task.archived(archived.archivedAt());
            em.persist(task);
            em.persist(archived.toEntity(instance.pk()));
        }
        String identity = conflict ? "identity conflict, flagged for review" : null;
        em.persist(new AuditEvent(now, archived == null ? "STORE" : "RESTORE", "SUCCESS", DicomText.cut(request.actor(), 256),
                DicomText.cut(request.source(), 256))
                .object(patient.patientId(), received.studyUid(), received.seriesUid(), received.sopInstanceUid())
                .detail(archived == null ? (conflict ? "stored with an " + identity : null)
                        : DicomText.cut("restored from archive object " + archived.objectKey()
                                + (conflict ? "; " + identity : ""), 2000)));

        addSopClass(study, received.sopClassUid());
        if (newSeries && series.modality() != null) {
            addModality(study, series.modality());
        }
        study.countInstance(newSeries, now);
        series.countInstance(now);
        return new IndexOutcome(IndexOutcome.Status.STORED, conflict,
                conflict ? "identity conflict with the patient on file: stored and flagged for review" : null);
    }

    private Study findStudyLocked(String uid) {
        return em.createQuery("SELECT s FROM Study s WHERE s.studyIuid = :uid", Study.class)
                .setParameter("uid", uid).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElse(null);
    }

    private Patient findPatient(String id, String issuer) {
        return em.createQuery("SELECT p FROM Patient p WHERE p.patientId = :id AND p.issuer = :issuer", Patient.class)
                .setParameter("id", id).setParameter("issuer", issuer).getResultStream().findFirst().orElse(null);
    }

    private Study newStudy(Patient patient, ReceivedInstance received, Dataset ds, String name, String birthDate,
            String sex, Instant now) {
        Study study = new Study(patient.pk(), received.studyUid(), now);
        study.describe(DicomText.date(ds.getString(Tag.StudyDate)), DicomText.time(ds.getString(Tag.StudyTime)),
                DicomText.cut(ds.getString(Tag.AccessionNumber), 64), DicomText.cut(ds.getString(Tag.StudyID), 64),
                DicomText.cut(ds.getString(Tag.StudyDescription), 324));
        study.referringPhysician(IndexedName.of(DicomText.cut(ds.getString(Tag.ReferringPhysicianName), 324)));
        study.patient(DicomText.cut(ds.getString(Tag.PatientID), 64), IndexedName.of(name), birthDate, sex);
        study.charsetAndTimezone(charset(ds), DicomText.cut(ds.getString(Tag.TimezoneOffsetFromUTC), 5));
        em.persist(study);
        return study;
    }

    private Series newSeries(Study study, ReceivedInstance received, Dataset ds, Instant now) {
        Series series = new Series(study.pk(), received.seriesUid(), now);
        series.describe(DicomText.cut(ds.getString(Tag.Modality), 16), DicomText.integer(ds.getString(Tag.SeriesNumber)),
                DicomText.cut(ds.getString(Tag.SeriesDescription), 324), DicomText.cut(ds.getString(Tag.BodyPartExamined), 64));
        series.performedProcedureStepStart(DicomText.date(ds.getString(Tag.PerformedProcedureStepStartDate)),
                DicomText.time(ds.getString(Tag.PerformedProcedureStepStartTime)));
        series.charsetAndTimezone(charset(ds), DicomText.cut(ds.getString(Tag.TimezoneOffsetFromUTC), 5));
        em.persist(series);
        Sequence requests = ds.sequence(Tag.RequestAttributesSequence);
        if (requests != null) {
            for (Dataset item : requests) {
                em.persist(new SeriesRequest(series.pk(), DicomText.cut(item.getString(Tag.RequestedProcedureID), 64),
                        DicomText.cut(item.getString(Tag.ScheduledProcedureStepID), 64),
                        DicomText.cut(item.getString(Tag.AccessionNumber), 64)));
            }
        }
        return series;
    }

    /** Records a conflicting identity attribute; both values must be present and differ. */
    private boolean review(Patient patient, Study study, ReceivedInstance received, String attribute, String known,
            String got, Instant now) {
        if (known == null || got == null || known.isEmpty() || got.isEmpty() || known.equals(got)) {
            return false;
        }
        em.persist(new IdentityReview(patient.pk(), study.pk(), received.sopInstanceUid(), attribute,
                DicomText.cut(known, 324), DicomText.cut(got, 324), now));
        if (!patient.needsReview()) {
            patient.flagForReview(now);
        }
        if (!study.needsReview()) {
            study.flagForReview(now);
        }
        return true;
    }

    private void addSopClass(Study study, String sopClass) {
        TreeSet<String> classes = split(study.sopClasses());
        if (classes.add(sopClass)) {
            em.persist(new StudySopClass(study.pk(), sopClass));
            study.setSopClasses(DicomText.cut(String.join("\\", classes), 4000));
        }
    }

    private void addModality(Study study, String modality) {
        TreeSet<String> modalities = split(study.modalities());
        if (modalities.add(modality)) {
            em.persist(new StudyModality(study.pk(), modality));
            study.setModalities(DicomText.cut(String.join("\\", modalities), 256));
        }
    }

    private static TreeSet<String> split(String joined) {
        TreeSet<String> set = new TreeSet<>();
        if (joined != null && !joined.isEmpty()) {
            set.addAll(List.of(joined.split("\\\\")));
        }
        return set;
    }

    private static String charset(Dataset ds) {
        String[] values = ds.getStrings(Tag.SpecificCharacterSet);
        return values.length == 0 ? null : DicomText.cut(String.join("\\", values), 256);
    }

    private static Integer intOrNull(Dataset ds, int tag) {
        int v = ds.getInt(tag, Integer.MIN_VALUE);
        return v == Integer.MIN_VALUE ? null : v;
    }
}
