package org.hozon.archive.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import javax.crypto.SecretKey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvelopeTest {
    static final int SEG = 4096;

    final SecretKey key = DataKeys.generate();
    final EnvelopeHeader header = new EnvelopeHeader(EnvelopeHeader.COMPRESSION_LZ4, SEG, DataKeys.noncePrefix(),
            "kek-1", "0123abcd.key");

    record Sealed(byte[] bytes, SegmentTable table) {
    }

    Sealed seal(byte[] plain, EnvelopeHeader h, SecretKey k) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SegmentTable table = EnvelopeWriter.encrypt(new ByteArrayInputStream(plain), out, h, k);
        assertEquals(out.size(), table.objectLength());
        return new Sealed(out.toByteArray(), table);
    }

    static byte[] open(byte[] object, SecretKey k) throws IOException {
        InputStream in = new ByteArrayInputStream(object);
        EnvelopeHeader h = EnvelopeHeader.read(in);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EnvelopeReader.decrypt(h, in, k, out);
        return out.toByteArray();
    }

    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Image-like: smooth 16-bit pixels behind a header with the UIDs and names a real instance has. */
    static byte[] dicomLike(int n) {
        byte[] b = new byte[n];
        byte[] text = "DICM 1.2.840.10008.5.1.4.1.1.2 Yamada^Tarou 1.2.826.0.1.3680043.9.7599.1".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < n; i++) {
            b[i] = i < 132 ? 0 : (i - 132) % 4000 < text.length ? text[(i - 132) % 4000] : (byte) ((i / 7) % 50);
        }
        return b;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, SEG - 1, SEG, SEG + 1, 3 * SEG, 5 * SEG + 17, 3_000_000})
    void roundTripsRandomAndImageLikeData(int size) throws IOException {
        for (int compression : new int[] {EnvelopeHeader.COMPRESSION_NONE, EnvelopeHeader.COMPRESSION_LZ4,
                EnvelopeHeader.COMPRESSION_LZ4_SHUFFLE16}) {
            EnvelopeHeader h = new EnvelopeHeader(compression, SEG, DataKeys.noncePrefix(), "kek-1", "0123abcd.key");
            for (byte[] plain : new byte[][] {random(size, size), dicomLike(size)}) {
                Sealed s = seal(plain, h, key);
                assertArrayEquals(plain, open(s.bytes(), key));
                assertEquals(Math.max(1, (size + SEG - 1) / SEG), s.table().count());
            }
        }
    }

    @Test
    void compressesAndHidesPlaintext() throws IOException {
        byte[] plain = dicomLike(200_000);
        Sealed s = seal(plain, header, key);
        assertTrue(s.bytes().length < plain.length / 2, "image-like data compresses");
        String latin = new String(s.bytes(), StandardCharsets.ISO_8859_1);
        assertTrue(!latin.contains("DICM") && !latin.contains("Yamada") && !latin.contains("1.2.840.10008"));
    }

    @Test
    void defaultSegmentSizeRoundTripsMultiMegabyte() throws IOException {
        EnvelopeHeader h = new EnvelopeHeader(EnvelopeHeader.COMPRESSION_LZ4, EnvelopeHeader.DEFAULT_SEGMENT_SIZE,
                DataKeys.noncePrefix(), "kek-1", "x.key");
        byte[] plain = random(5 * 1024 * 1024 + 3, 7);
        assertArrayEquals(plain, open(seal(plain, h, key).bytes(), key));
    }

    @Test
    void flippingAByteInAnySegmentFails() throws IOException {
        byte[] plain = random(4 * SEG + 100, 1);
        Sealed s = seal(plain, header, key);
        for (int i = 0; i < s.table().count(); i++) {
            for (long pos : new long[] {s.table().offset(i) + 4, s.table().offset(i) + s.table().length(i) - 1}) {
                byte[] bad = s.bytes().clone();
                bad[(int) pos] ^= 1;
                assertThrows(EnvelopeException.class, () -> open(bad, key), "segment " + i + " byte " + pos);
            }
        }
        byte[] badHeader = s.bytes().clone();
        badHeader[12] ^= 1; // nonce prefix
        assertThrows(EnvelopeException.class, () -> open(badHeader, key));
    }

    @Test
    void truncationAndExtensionFail() throws IOException {
        Sealed s = seal(random(3 * SEG + 5, 2), header, key);
        SegmentTable t = s.table();
        // cut at a segment boundary: the new last segment was not sealed as final
        byte[] cut = Arrays.copyOf(s.bytes(), (int) t.offset(t.count() - 1));
        assertThrows(EnvelopeException.class, () -> open(cut, key));
        // cut inside a segment, and inside the header
        assertThrows(EnvelopeException.class, () -> open(Arrays.copyOf(s.bytes(), s.bytes().length - 3), key));
        assertThrows(EnvelopeException.class, () -> open(Arrays.copyOf(s.bytes(), 10), key));
        // bytes appended after the final segment
        byte[] longer = Arrays.copyOf(s.bytes(), s.bytes().length + 30);
        assertThrows(EnvelopeException.class, () -> open(longer, key));
    }

    @Test
    void droppedReorderedAndSplicedSegmentsFail() throws IOException {
        Sealed s = seal(random(4 * SEG, 3), header, key);
        // even under the same data key, another object has another nonce prefix (and header)
        Sealed other = seal(random(4 * SEG, 4), new EnvelopeHeader(EnvelopeHeader.COMPRESSION_LZ4, SEG,
                DataKeys.noncePrefix(), "kek-1", "0123abcd.key"), key);
        assertThrows(EnvelopeException.class, () -> open(without(s, 1), key));
        assertThrows(EnvelopeException.class, () -> open(swapped(s, 1, 2), key));
        assertThrows(EnvelopeException.class, () -> open(spliced(s, other, 2), key));
        Sealed foreign = seal(random(4 * SEG, 4), new EnvelopeHeader(EnvelopeHeader.COMPRESSION_LZ4, SEG,
                DataKeys.noncePrefix(), "kek-1", "0123abcd.key"), DataKeys.generate());
        assertThrows(EnvelopeException.class, () -> open(spliced(s, foreign, 2), key));
    }

    @Test
    void wrongKeyFails() throws IOException {
        Sealed s = seal(random(100, 5), header, key);
        assertThrows(EnvelopeException.class, () -> open(s.bytes(), DataKeys.generate()));
    }

    @Test
    void decryptsOneSegmentFromItsRange() throws IOException {
        byte[] plain = dicomLike(5 * SEG + 300);
        Sealed s = seal(plain, header, key);
        SegmentTable t = s.table();
        EnvelopeHeader header = EnvelopeHeader.read(new ByteArrayInputStream(s.bytes())); // as written
        for (int i = 0; i < t.count(); i++) {
            byte[] range = Arrays.copyOfRange(s.bytes(), (int) t.offset(i), (int) (t.offset(i) + t.length(i)));
            byte[] segment = EnvelopeReader.decryptSegment(header, key, i, i == t.count() - 1, range);
            assertArrayEquals(Arrays.copyOfRange(plain, i * SEG, Math.min(plain.length, (i + 1) * SEG)), segment);
        }
        byte[] first = Arrays.copyOfRange(s.bytes(), (int) t.offset(0), (int) (t.offset(0) + t.length(0)));
        assertThrows(EnvelopeException.class, () -> EnvelopeReader.decryptSegment(header, key, 1, false, first));
        assertThrows(EnvelopeException.class, () -> EnvelopeReader.decryptSegment(header, key, 0, true, first));
    }

    @Test
    void headerRoundTripsAndRejectsUnknownVersions() throws IOException {
        byte[] enc = header.encode();
        assertEquals(header, EnvelopeHeader.read(new ByteArrayInputStream(enc)));
        enc[4] = 2;
        assertThrows(EnvelopeException.class, () -> EnvelopeHeader.read(new ByteArrayInputStream(enc)));
    }

    private static byte[] segmentBytes(Sealed s, int i) {
        return Arrays.copyOfRange(s.bytes(), (int) s.table().offset(i), (int) (s.table().offset(i) + s.table().length(i)));
    }

    private static byte[] rebuild(Sealed s, byte[][] segments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(s.bytes(), 0, s.table().headerLength());
        for (byte[] seg : segments) {
            out.writeBytes(seg);
        }
        return out.toByteArray();
    }

    private static byte[][] segments(Sealed s) {
        byte[][] all = new byte[s.table().count()][];
        for (int i = 0; i < all.length; i++) {
            all[i] = segmentBytes(s, i);
        }
        return all;
    }

    private static byte[] without(Sealed s, int i) {
        byte[][] all = segments(s);
        byte[][] fewer = new byte[all.length - 1][];
        for (int j = 0, k = 0; j < all.length; j++) {
            if (j != i) {
                fewer[k++] = all[j];
            }
        }
        return rebuild(s, fewer);
    }

    private static byte[] swapped(Sealed s, int i, int j) {
        byte[][] all = segments(s);
        byte[] t = all[i];
        all[i] = all[j];
        all[j] = t;
        return rebuild(s, all);
    }

    private static byte[] spliced(Sealed s, Sealed other, int i) {
        byte[][] all = segments(s);
        all[i] = segmentBytes(other, i);
        return rebuild(s, all);
    }
}
