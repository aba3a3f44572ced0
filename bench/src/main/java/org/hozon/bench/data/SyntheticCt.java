package org.hozon.bench.data;

import java.util.Random;

/**
 * Deterministic 512×512 CT slices with plausible anatomy and noise, so that compression ratios
 * and pixel statistics resemble real thoracic CT rather than flat test patterns.
 *
 * <p>Values are stored as unsigned 16-bit, 12 bits stored, Rescale Intercept -1024: air outside
 * the body, soft tissue, fat, two lungs with vessels, a vertebra, ribs, the patient table, and
 * Gaussian noise (σ ≈ 12 HU) that varies per slice and seed.
 */
public final class SyntheticCt {
    public static final int ROWS = 512;
    public static final int COLUMNS = 512;
    public static final int RESCALE_INTERCEPT = -1024;

    private SyntheticCt() {
    }

    /**
     * The pixel data of slice {@code slice} (0-based) of a series seeded by {@code seed}, little
     * endian, 2 bytes per pixel.
     */
    public static byte[] slice(long seed, int slice) {
        Random noise = new Random(seed * 1_000_003L + slice);
        Random anatomy = new Random(seed);
        // Per-patient anatomy: body size and lung shape vary with the seed, and slowly with z.
        double z = slice / 100.0;
        double bodyA = 190 + anatomy.nextInt(30);
        double bodyB = 140 + anatomy.nextInt(25);
        double lungA = 60 + anatomy.nextInt(15) + 10 * Math.sin(z * Math.PI);
        double lungB = 95 + anatomy.nextInt(15) + 15 * Math.sin(z * Math.PI);
        int vessels = 6 + anatomy.nextInt(6);
        double[][] vessel = new double[vessels][3];
        for (double[] v : vessel) {
            v[0] = (anatomy.nextBoolean() ? -1 : 1) * (40 + anatomy.nextInt(50));
            v[1] = -60 + anatomy.nextInt(120);
            v[2] = 3 + anatomy.nextInt(6);
        }

        byte[] out = new byte[ROWS * COLUMNS * 2];
        int i = 0;
        for (int row = 0; row < ROWS; row++) {
            double y = row - 256.0;
            for (int col = 0; col < COLUMNS; col++) {
                double x = col - 256.0;
                double hu = hounsfield(x, y, z, bodyA, bodyB, lungA, lungB, vessel);
                if (hu > -1000) {
                    hu += noise.nextGaussian() * 12;
                } else {
                    hu += noise.nextGaussian() * 3;
                }
                int stored = (int) Math.round(hu) - RESCALE_INTERCEPT;
                stored = Math.max(0, Math.min(4095, stored));
                out[i++] = (byte) stored;
                out[i++] = (byte) (stored >>> 8);
            }
        }
        return out;
    }

    private static double hounsfield(double x, double y, double z, double bodyA, double bodyB, double lungA,
            double lungB, double[][] vessels) {
        if (y > 175 && y < 185 && Math.abs(x) < 230) {
            return 300; // table
        }
        double body = sq(x / bodyA) + sq(y / bodyB);
        if (body > 1) {
            return -1000;
        }
        if (body > 0.88) {
            return -90; // subcutaneous fat
        }
        double ribs = sq(x / (bodyA - 18)) + sq(y / (bodyB - 16));
        if (ribs > 0.9 && ribs < 0.96 && ((int) Math.toDegrees(Math.atan2(y, x) + Math.PI + z) % 24) < 9) {
            return 650; // ribs
        }
        double spine = sq(x / 22) + sq((y - 95) / 24);
        if (spine < 1) {
            return spine < 0.45 ? 280 : 800; // vertebral body: cancellous inside, cortex outside
        }
        for (int side = -1; side <= 1; side += 2) {
            double lung = sq((x - side * 80) / lungA) + sq((y + 5) / lungB);
            if (lung < 1) {
                for (double[] v : vessels) {
                    if (Math.signum(v[0]) == side && sq(x - v[0]) + sq(y - v[1]) < sq(v[2])) {
                        return 40; // pulmonary vessel
                    }
                }
                return -850 + 40 * lung;
            }
        }
        double heart = sq((x - 25) / 55) + sq((y + 10) / 60);
        if (heart < 1) {
            return 45;
        }
        return 30 + 10 * Math.sin(x / 17) * Math.cos(y / 23); // mediastinum and muscle texture
    }

    private static double sq(double v) {
        return v * v;
    }
}
