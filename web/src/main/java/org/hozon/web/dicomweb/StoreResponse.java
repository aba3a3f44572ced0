package org.hozon.web.dicomweb;

import java.util.ArrayList;
import java.util.List;

import org.hozon.dicom.Dataset;
import org.hozon.dicom.Sequence;
import org.hozon.dicom.Tag;
import org.hozon.dicom.VR;
import org.hozon.ingest.StoreResult;

/**
 * The Store Instances Response Module (PS3.18 §10.5.3, Annex I) of one STOW-RS request, built
 * from the outcome of each part, and the HTTP status it calls for (PS3.18 Table 10.5.3-1):
 * 200 all stored without warnings, 202 some stored with failures or warnings, 409 none stored.
 */
final class StoreResponse {
    private final String baseUri;
    private final String requestStudy;
    private final List<StoreResult> results = new ArrayList<>();

    /**
     * @param baseUri      the public DICOMweb base URI, e.g. {@code https://host/dicom-web}
     * @param requestStudy the Study Instance UID of the request path, or null
     */
    StoreResponse(String baseUri, String requestStudy) {
        this.baseUri = baseUri;
        this.requestStudy = requestStudy;
    }

    void add(StoreResult result) {
        results.add(result);
    }

    List<StoreResult> results() {
        return results;
    }

    long storedCount() {
        return results.stream().filter(StoreResult::stored).count();
    }

    long failedCount() {
        return results.size() - storedCount();
    }

    /** @return 200, 202 or 409 (the caller handles an empty request) */
    int status() {
        long stored = storedCount();
        boolean warnings = results.stream().anyMatch(r -> r.warningReason() != null);
        if (stored == 0) {
            return 409;
        }
        return stored == results.size() && !warnings ? 200 : 202;
    }

    /** @return the response data set */
    Dataset dataset() {
        Dataset ds = new Dataset();
        String study = requestStudy != null ? requestStudy : singleStudy();
        if (study != null) {
            ds.setString(Tag.RetrieveURL, VR.UR, studyUrl(study));
        }
        Sequence failed = null;
        Sequence referenced = null;
        for (StoreResult r : results) {
            if (r.stored()) {
                if (referenced == null) {
                    referenced = ds.newSequence(Tag.ReferencedSOPSequence);
                }
                Dataset item = referenced.addItem();
                item.setString(Tag.ReferencedSOPClassUID, VR.UI, r.sopClassUid());
                item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, r.sopInstanceUid());
                item.setString(Tag.RetrieveURL, VR.UR, studyUrl(r.studyUid()) + "/series/" + r.seriesUid()
                        + "/instances/" + r.sopInstanceUid());
                if (r.warningReason() != null) {
                    item.setInt(Tag.WarningReason, VR.US, r.warningReason());
                }
            } else {
                if (failed == null) {
                    failed = ds.newSequence(Tag.FailedSOPSequence);
                }
                Dataset item = failed.addItem();
                item.setString(Tag.ReferencedSOPClassUID, VR.UI, r.sopClassUid() == null ? "" : r.sopClassUid());
                item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, r.sopInstanceUid() == null ? "" : r.sopInstanceUid());
                item.setInt(Tag.FailureReason, VR.US, r.failureReason());
            }
        }
        return ds;
    }

    private String singleStudy() {
        String study = null;
        for (StoreResult r : results) {
            if (r.studyUid() != null) {
                if (study != null && !study.equals(r.studyUid())) {
                    return null;
                }
                study = r.studyUid();
            }
        }
        return study;
    }

    private String studyUrl(String study) {
        return baseUri + "/studies/" + study;
    }
}
