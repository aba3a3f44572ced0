package org.hozon.bench.data;

import java.time.LocalDate;
import java.util.Random;

import org.hozon.dicom.Dataset;
import org.hozon.dicom.Tag;
import org.hozon.dicom.UID;
import org.hozon.dicom.VR;

/**
 * Deterministic CT studies: the same seed always gives the same patients, UIDs, headers and
 * pixels. A header carries what a modality really writes (identification, acquisition, geometry,
 * a few sequences and a private block), about 2 KB, so parsing and JSON figures are realistic.
 */
public final class CtStudyGenerator {
    /** UID root for generated objects: 2.25 followed by a fixed number (UUID-derived form). */
    private static final String UID_ROOT = "2.25.1048576142857";
    private static final String[] FAMILY = {"Yamada", "Tanaka", "Suzuki", "Sato", "Watanabe", "Ito", "Nakamura",
        "Kobayashi", "Smith", "Garcia", "Mueller", "Rossi", "Dubois", "Kowalski", "Johansson", "Novak"};
    private static final String[] GIVEN = {"Tarou", "Hanako", "Ichiro", "Yuki", "John", "Maria", "Anna", "Luca",
        "Sophie", "Piotr", "Erik", "Eva"};
    private static final String[] DESCRIPTIONS = {"CT CHEST WITH CONTRAST", "CT THORAX LOW DOSE",
        "CT CHEST ABDOMEN PELVIS", "CT PULMONARY ANGIOGRAM"};

    private final long seed;

    public CtStudyGenerator(long seed) {
        this.seed = seed;
    }

    /** Identity of study {@code study}: the patient and the study-level UIDs and attributes. */
    public String studyUid(int study) {
        return UID_ROOT + "." + seed + "." + study;
    }

    public String seriesUid(int study, int series) {
        return studyUid(study) + "." + series;
    }

    public String instanceUid(int study, int series, int instance) {
        return seriesUid(study, series) + "." + instance;
    }

    /**
     * The header (everything but Pixel Data) of one CT slice. Patients repeat every 3 studies so
     * that searches by PatientID find several studies.
     */
    public Dataset header(int study, int series, int instance) {
        Random r = new Random(mix(seed * 7919 + study));
        int patient = study / 3;
        Random p = new Random(mix(seed * 104729 + patient));
        String family = FAMILY[p.nextInt(FAMILY.length)];
        String given = GIVEN[p.nextInt(GIVEN.length)];
        LocalDate birth = LocalDate.of(1930 + p.nextInt(75), 1 + p.nextInt(12), 1 + p.nextInt(28));
        LocalDate studyDate = LocalDate.of(2015, 1, 1).plusDays(r.nextInt(3650));
        String date = studyDate.toString().replace("-", "");
        String time = String.format("%02d%02d%02d.%03d", 7 + r.nextInt(12), r.nextInt(60), r.nextInt(60),
                r.nextInt(1000));
        double z = -100.0 - instance * 1.25;

        Dataset ds = new Dataset();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        ds.setString(Tag.InstanceCreationDate, VR.DA, date);
        ds.setString(Tag.InstanceCreationTime, VR.TM, time);
        ds.setString(Tag.SOPClassUID, VR.UI, UID.CTImageStorage);
        ds.setString(Tag.SOPInstanceUID, VR.UI, instanceUid(study, series, instance));
        ds.setString(Tag.StudyDate, VR.DA, date);
        ds.setString(Tag.SeriesDate, VR.DA, date);
        ds.setString(Tag.AcquisitionDate, VR.DA, date);
        ds.setString(Tag.ContentDate, VR.DA, date);
        ds.setString(Tag.StudyTime, VR.TM, time);
        ds.setString(Tag.SeriesTime, VR.TM, time);
        ds.setString(Tag.AcquisitionTime, VR.TM, time);
        ds.setString(Tag.ContentTime, VR.TM, time);
        ds.setString(Tag.AccessionNumber, VR.SH, "A" + (seed % 1000) + String.format("%07d", study));
        ds.setString(Tag.Modality, VR.CS, "CT");
        ds.setString(Tag.Manufacturer, VR.LO, "HOZON SYNTHETIC");
        ds.setString(Tag.InstitutionName, VR.LO, "Hozon General Hospital");
        ds.setString(Tag.ReferringPhysicianName, VR.PN, "Referrer^Dr^^Dr.");
        ds.setString(Tag.StationName, VR.SH, "CT01");
        ds.setString(Tag.StudyDescription, VR.LO, DESCRIPTIONS[r.nextInt(DESCRIPTIONS.length)]);
        ds.setString(Tag.SeriesDescription, VR.LO, "AXIAL 1.25 STANDARD");
        ds.setString(Tag.ManufacturerModelName, VR.LO, "Synthetic 64");
        Dataset code = ds.newSequence(Tag.ProcedureCodeSequence).addItem();
        code.setString(Tag.CodeValue, VR.SH, "CTCHEST");
        code.setString(Tag.CodingSchemeDesignator, VR.SH, "99HOZON");
        code.setString(Tag.CodeMeaning, VR.LO, "CT Chest");
        Dataset ref = ds.newSequence(Tag.ReferencedImageSequence).addItem();
        ref.setString(Tag.ReferencedSOPClassUID, VR.UI, UID.CTImageStorage);
        ref.setString(Tag.ReferencedSOPInstanceUID, VR.UI, instanceUid(study, series, 0) + ".99");
        ds.setString(Tag.PatientName, VR.PN, family + "^" + given);
        ds.setString(Tag.PatientID, VR.LO, String.format("P%08d", seed % 1000 * 100000 + patient));
        ds.setString(Tag.PatientBirthDate, VR.DA, birth.toString().replace("-", ""));
        ds.setString(Tag.PatientSex, VR.CS, p.nextBoolean() ? "F" : "M");
        ds.setString(Tag.PatientAge, VR.AS, String.format("%03dY", Math.max(1, studyDate.getYear() - birth.getYear())));
        ds.setString(Tag.PatientWeight, VR.DS, Integer.toString(45 + p.nextInt(60)));
        ds.setString(Tag.BodyPartExamined, VR.CS, "CHEST");
        ds.setString(Tag.SliceThickness, VR.DS, "1.25");
        ds.setString(Tag.KVP, VR.DS, "120");
        ds.setString(Tag.DataCollectionDiameter, VR.DS, "500");
        ds.setString(Tag.DeviceSerialNumber, VR.LO, "SN" + (seed % 97));
        ds.setString(Tag.SoftwareVersions, VR.LO, "hozon-bench 1.0");
        ds.setString(Tag.ReconstructionDiameter, VR.DS, "360");
        ds.setString(Tag.GantryDetectorTilt, VR.DS, "0");
        ds.setString(Tag.TableHeight, VR.DS, "180");
        ds.setString(Tag.RotationDirection, VR.CS, "CW");
        ds.setString(Tag.ExposureTime, VR.IS, "500");
        ds.setString(Tag.XRayTubeCurrent, VR.IS, Integer.toString(150 + r.nextInt(200)));
        ds.setString(Tag.Exposure, VR.IS, "120");
        ds.setString(Tag.FilterType, VR.SH, "BODY FILTER");
        ds.setString(Tag.ConvolutionKernel, VR.SH, "STANDARD");
        ds.setString(Tag.PatientPosition, VR.CS, "FFS");
        ds.setString(Tag.StudyInstanceUID, VR.UI, studyUid(study));
        ds.setString(Tag.SeriesInstanceUID, VR.UI, seriesUid(study, series));
        ds.setString(Tag.StudyID, VR.SH, Integer.toString(study));
        ds.setString(Tag.SeriesNumber, VR.IS, Integer.toString(series + 1));
        ds.setString(Tag.AcquisitionNumber, VR.IS, "1");
        ds.setString(Tag.InstanceNumber, VR.IS, Integer.toString(instance + 1));
        ds.setString(Tag.ImagePositionPatient, VR.DS, "-175.5", "-175.5", fmt(z));
        ds.setString(Tag.ImageOrientationPatient, VR.DS, "1", "0", "0", "0", "1", "0");
        ds.setString(Tag.FrameOfReferenceUID, VR.UI, seriesUid(study, series) + ".1");
        ds.setString(Tag.PositionReferenceIndicator, VR.LO, "SN");
        ds.setString(Tag.SliceLocation, VR.DS, fmt(z));
        ds.setString(0x00090010, VR.LO, "HOZON BENCH");
        ds.setString(0x00091001, VR.LO, "synthetic private value");
        ds.setInt(0x00091002, VR.UL, instance);
        ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        ds.setInt(Tag.Rows, VR.US, SyntheticCt.ROWS);
        ds.setInt(Tag.Columns, VR.US, SyntheticCt.COLUMNS);
        ds.setString(Tag.PixelSpacing, VR.DS, "0.68359375", "0.68359375");
        ds.setInt(Tag.BitsAllocated, VR.US, 16);
        ds.setInt(Tag.BitsStored, VR.US, 12);
        ds.setInt(Tag.HighBit, VR.US, 11);
        ds.setInt(Tag.PixelRepresentation, VR.US, 0);
        ds.setString(Tag.WindowCenter, VR.DS, "40", "-600");
        ds.setString(Tag.WindowWidth, VR.DS, "400", "1500");
        ds.setString(Tag.RescaleIntercept, VR.DS, Integer.toString(SyntheticCt.RESCALE_INTERCEPT));
        ds.setString(Tag.RescaleSlope, VR.DS, "1");
        ds.setString(Tag.RescaleType, VR.LO, "HU");
        ds.setString(Tag.WindowCenterWidthExplanation, VR.LO, "MEDIASTINUM", "LUNG");
        return ds;
    }

    /** Header plus Pixel Data: a complete slice, about 525 KB when written as Part 10. */
    public Dataset instance(int study, int series, int instance) {
        Dataset ds = header(study, series, instance);
        ds.set(Tag.PixelData, VR.OW, SyntheticCt.slice(seed * 31 + study * 7 + series, instance));
        return ds;
    }

    /**
     * Scrambles a seed (the SplitMix64 finaliser): the first values of {@link Random}s with
     * nearby seeds are strongly correlated (300 patients got only 3 family names without this).
     */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static String fmt(double v) {
        String s = Double.toString(v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
