package org.hozon.dicom.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.hozon.dicom.ByteOrder;
import org.hozon.dicom.Dataset;
import org.hozon.dicom.VR;
import org.junit.jupiter.api.Test;

/**
 * Mutation fuzzing over the valid test files with a fixed seed: bit flips, random overwrites,
 * corrupted length fields (aimed at real element and item headers), insertions, deletions,
 * duplicated ranges and combinations. Every case must parse or throw DicomParseException;
 * anything else (a RuntimeException, an Error, a hang) fails the test. Parsed cases are
 * sometimes written back, which must not fail either.
 */
class MutationFuzzTest {
    private static final int CASES = 120_000;
    private static final long SEED = 0x484F5A4FL;
    private static final long[] INTERESTING = {
        0, 1, 2, 3, 4, 7, 8, 0xFE, 0xFF, 0x100, 0x7FFE, 0x7FFF, 0xFFFE, 0xFFFF, 0x10000,
        0x7FFFFFFEL, 0x7FFFFFFFL, 0x80000000L, 0xFFFFFFF0L, 0xFFFFFFFEL, 0xFFFFFFFFL,
    };

    private static final class Seed {
        final String name;
        final byte[] bytes;
        /** Offsets of 16- and 32-bit length fields of element and item headers. */
        final int[] lengthFields16;
        final int[] lengthFields32;

        Seed(String name, byte[] bytes) {
            this.name = name;
            this.bytes = bytes;
            List<Integer> short16 = new ArrayList<>();
            List<Integer> long32 = new ArrayList<>();
            for (int i = 4; i + 8 <= bytes.length; i++) {
                VR vr = VR.ofCode(((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF));
                if (vr != null) {
                    (vr.longHeader() ? long32 : short16).add(vr.longHeader() ? i + 4 : i + 2);
                }
                if ((bytes[i - 4] & 0xFF) == 0xFE && (bytes[i - 3] & 0xFF) == 0xFF && (bytes[i - 1] & 0xFF) == 0xE0) {
                    long32.add(i);
                }
            }
            lengthFields16 = short16.stream().mapToInt(Integer::intValue).toArray();
            lengthFields32 = long32.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    @Test
    void mutatedFilesParseOrFailCleanly() {
        List<Seed> seeds = new ArrayList<>();
        for (String name : TestFiles.ALL) {
            seeds.add(new Seed(name, TestFiles.bytes(name)));
        }
        SplittableRandom random = new SplittableRandom(SEED);
        int parsed = 0;
        int rejected = 0;
        long start = System.nanoTime();
        for (int n = 0; n < CASES; n++) {
            Seed seed = seeds.get(n % seeds.size());
            int kind = random.nextInt(8);
            byte[] data = kind == 7 ? multiple(seed, random) : mutate(seed, seed.bytes, kind, random);
            boolean knownLength = random.nextBoolean();
            int mode = random.nextInt(3);
            try {
                DicomReader reader = new DicomReader(new ByteArrayInputStream(data), knownLength ? data.length : -1)
                        .handler(mode == 0 ? ElementHandler.readAll()
                                : mode == 1 ? ElementHandler.bulkAbove(64) : ElementHandler.stopAtPixelData(1024));
                Dataset ds = reader.readDataset();
                parsed++;
                if (mode == 0 && (n & 7) == 0) {
                    new DicomWriter(OutputStream.nullOutputStream()).writeDataset(ds, reader.transferSyntax());
                }
            } catch (DicomParseException e) {
                rejected++;
            } catch (Throwable t) {
                throw new AssertionError("case " + n + " (" + seed.name + ", mutation " + kind + ", known length "
                        + knownLength + ", mode " + mode + "): " + t, t);
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("mutation fuzz: %d cases (%d parsed, %d rejected) in %d ms%n",
                CASES, parsed, rejected, millis);
        assertTrue(rejected > CASES / 10 && parsed > CASES / 10, parsed + " parsed, " + rejected + " rejected");
    }

    private static byte[] multiple(Seed seed, SplittableRandom random) {
        byte[] data = seed.bytes;
        for (int k = 2 + random.nextInt(3); k > 0; k--) {
            data = mutate(seed, data, random.nextInt(7), random);
        }
        return data;
    }

    private static byte[] mutate(Seed seed, byte[] original, int kind, SplittableRandom random) {
        byte[] b = original.clone();
        int len = b.length;
        switch (kind) {
            case 0: {                                   // bit flip
                int p = random.nextInt(len);
                b[p] ^= (byte) (1 << random.nextInt(8));
                return b;
            }
            case 1: {                                   // random overwrite
                int p = random.nextInt(len);
                for (int i = p, end = Math.min(len, p + 1 + random.nextInt(8)); i < end; i++) {
                    b[i] = (byte) random.nextInt(256);
                }
                return b;
            }
            case 2: {                                   // 16-bit length field
                int[] fields = seed.lengthFields16;
                if (fields.length == 0 || original != seed.bytes) {
                    return mutate(seed, original, 0, random);
                }
                int p = fields[random.nextInt(fields.length)];
                int v = (int) interesting(random, ByteOrder.u16(b, p, false));
                ByteOrder.put16(b, p, v, false);
                return b;
            }
            case 3: {                                   // 32-bit length field (element or item)
                int[] fields = seed.lengthFields32;
                if (fields.length == 0 || original != seed.bytes) {
                    return mutate(seed, original, 1, random);
                }
                int p = fields[random.nextInt(fields.length)];
                long v = interesting(random, ByteOrder.i32(b, p, false) & 0xFFFFFFFFL);
                ByteOrder.put32(b, p, (int) v, false);
                return b;
            }
            case 4: {                                   // insertion
                int p = random.nextInt(len + 1);
                int n = 1 + random.nextInt(16);
                byte[] out = new byte[len + n];
                System.arraycopy(b, 0, out, 0, p);
                for (int i = 0; i < n; i++) {
                    out[p + i] = (byte) random.nextInt(256);
                }
                System.arraycopy(b, p, out, p + n, len - p);
                return out;
            }
            case 5: {                                   // deletion
                int p = random.nextInt(len);
                int n = Math.min(len - p, 1 + random.nextInt(16));
                byte[] out = new byte[len - n];
                System.arraycopy(b, 0, out, 0, p);
                System.arraycopy(b, p + n, out, p, len - p - n);
                return out;
            }
            default: {                                  // duplicate a range elsewhere
                int from = random.nextInt(len);
                int n = Math.min(len - from, 1 + random.nextInt(64));
                int to = random.nextInt(len + 1);
                byte[] out = Arrays.copyOf(b, len + n);
                System.arraycopy(b, to, out, to + n, len - to);
                System.arraycopy(b, from, out, to, n);
                return out;
            }
        }
    }

    private static long interesting(SplittableRandom random, long current) {
        switch (random.nextInt(4)) {
            case 0: return current + (random.nextBoolean() ? 2 : -2) & 0xFFFFFFFFL;
            case 1: return current + 1;
            case 2: return random.nextLong(0x1_0000_0000L);
            default: return INTERESTING[random.nextInt(INTERESTING.length)];
        }
    }
}
