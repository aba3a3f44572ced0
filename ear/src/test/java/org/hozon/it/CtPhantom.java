package org.hozon.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.hozon.dicom.Dataset;
import org.hozon.dicom.Tag;
import org.hozon.dicom.VR;

/**
 * A small axial CT series that a viewer can display like a real one: 256×256 slices, 16 bits
 * allocated, 12 stored, Rescale Intercept -1024, a soft-tissue window, patient geometry (position,
 * orientation, spacing) and a phantom of air, body, lungs, heart and spine with a little noise, so
 * a rendered slice has dark corners, a mid-grey body and darker lungs.
 */
final class CtPhantom {
    static final int SIZE = 256;
    static final int WINDOW_CENTER = 40;
    static final int WINDOW_WIDTH = 400;
    private static final int INTERCEPT = -1024;
    private static final double SPACING = 1.5;
    private static final double THICKNESS = 5;

    private CtPhantom() {
    }

    /** The Part 10 files of a {@code slices}-slice series with the given identifiers. */
    static List<byte[]> series(String patientId, String patientName, String studyDescription, String study,
            String series, int slices) {
        List<byte[]> files = new ArrayList<>();
        for (int i = 0; i < slices; i++) {
            Dataset ds = TestInstances.header(patientId, patientName, "19600203", study, series,
                    TestInstances.uid(), TestInstances.CT, "CT");
            ds.setString(Tag.StudyDescription, VR.LO, studyDescription);
            geometry(ds, i);
            ds.set(Tag.PixelData, VR.OW, pixels(i));
            files.add(TestInstances.part10(ds));
        }
        return files;
    }

    private static void geometry(Dataset ds, int slice) {
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        ds.setString(Tag.SeriesDescription, VR.LO, "Axial 5 mm");
        ds.setString(Tag.InstanceNumber, VR.IS, Integer.toString(slice + 1));
        ds.setString(Tag.FrameOfReferenceUID, VR.UI, ds.getString(Tag.StudyInstanceUID) + ".1");
        ds.setString(Tag.PatientPosition, VR.CS, "HFS");
        double z = -slice * THICKNESS;
        ds.setString(Tag.ImagePositionPatient, VR.DS, "-192", "-192", fmt(z));
        ds.setString(Tag.ImageOrientationPatient, VR.DS, "1", "0", "0", "0", "1", "0");
        ds.setString(Tag.SliceLocation, VR.DS, fmt(z));
        ds.setString(Tag.SliceThickness, VR.DS, fmt(THICKNESS));
        ds.setString(Tag.PixelSpacing, VR.DS, fmt(SPACING), fmt(SPACING));
        ds.setInt(Tag.Rows, VR.US, SIZE);
        ds.setInt(Tag.Columns, VR.US, SIZE);
        ds.setString(Tag.RescaleIntercept, VR.DS, Integer.toString(INTERCEPT));
        ds.setString(Tag.RescaleSlope, VR.DS, "1");
        ds.setString(Tag.RescaleType, VR.LO, "HU");
        ds.setString(Tag.WindowCenter, VR.DS, Integer.toString(WINDOW_CENTER));
        ds.setString(Tag.WindowWidth, VR.DS, Integer.toString(WINDOW_WIDTH));
    }

    /** Little-endian stored values of slice {@code slice}. */
    static byte[] pixels(int slice) {
        Random noise = new Random(slice);
        byte[] out = new byte[SIZE * SIZE * 2];
        int i = 0;
        for (int row = 0; row < SIZE; row++) {
            double y = (row - SIZE / 2.0) / (SIZE / 2.0);
            for (int col = 0; col < SIZE; col++) {
                double x = (col - SIZE / 2.0) / (SIZE / 2.0);
                double hu = hounsfield(x, y, slice);
                int stored = (int) Math.round(hu + noise.nextGaussian() * 8) - INTERCEPT;
                stored = Math.max(0, Math.min(4095, stored));
                out[i++] = (byte) stored;
                out[i++] = (byte) (stored >>> 8);
            }
        }
        return out;
    }

    /** The phantom in HU at normalised coordinates (-1..1, y down). */
    private static double hounsfield(double x, double y, int slice) {
        if (sq(x / 0.85) + sq(y / 0.65) > 1) {
            return -1000; // air
        }
        if (sq(x / 0.12) + sq((y - 0.42) / 0.12) < 1) {
            return 700; // vertebra
        }
        double lungA = 0.28 + 0.01 * slice;
        if (sq((x - 0.38) / lungA) + sq(y / 0.45) < 1 || sq((x + 0.38) / lungA) + sq(y / 0.45) < 1) {
            return -820; // lungs
        }
        if (sq((x - 0.05) / 0.2) + sq((y + 0.05) / 0.22) < 1) {
            return 60; // heart
        }
        return 20; // soft tissue
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static double sq(double v) {
        return v * v;
    }
}
