package org.hozon.archive.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

/** Segment compression: byte planes, the per-segment mode choice, native and Java LZ4, format 1 objects. */
class EnvelopeCompressionTest {
    static final int SEG = 64 * 1024;

    final SecretKey key = DataKeys.generate();
    final byte[] prefix = DataKeys.noncePrefix();

    EnvelopeHeader header(int compression) {
        return new EnvelopeHeader(compression, SEG, prefix, "kek-1", "0123abcd.key");
    }

    static byte[] seal(byte[] plain, EnvelopeHeader h, SecretKey k, Lz4Codec codec) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EnvelopeWriter.encrypt(new ByteArrayInputStream(plain), out, h, k, codec);
        return out.toByteArray();
    }

    static byte[] open(byte[] object, SecretKey k, Lz4Codec codec) throws IOException {
        InputStream in = new ByteArrayInputStream(object);
        EnvelopeHeader h = EnvelopeHeader.read(in);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EnvelopeReader.decrypt(h, in, k, out, codec);
        return out.toByteArray();
    }

    /** 16-bit little-endian samples of a smooth noisy image: the high bytes vary slowly, the low ones do not repeat. */
    static byte[] pixels16(int n, long seed) {
        Random random = new Random(seed);
        byte[] b = new byte[n];
        for (int i = 0; i + 1 < n; i += 2) {
            int x = (i / 2) % 512;
            int v = 1000 + (int) (600 * Math.sin(x / 40.0)) + random.nextInt(64);
            b[i] = (byte) v;
            b[i + 1] = (byte) (v >>> 8);
        }
        return b;
    }

    /** Text: words of a small vocabulary at random (odd and even) offsets, so byte planes break the repeats LZ4 finds. */
    static byte[] text(int n) {
        String[] words = "Yamada^Tarou CHEST 1.2.840.10008.5.1.4.1.1.2 AXIAL 5mm ORIGINAL\\PRIMARY Suzuki^Hanako ABDOMEN"
                .split(" ");
        Random random = new Random(n);
        ByteArrayOutputStream out = new ByteArrayOutputStream(n + 64);
        while (out.size() < n) {
            out.writeBytes(words[random.nextInt(words.length)].getBytes(StandardCharsets.US_ASCII));
            out.write(random.nextInt(4) == 0 ? '\\' : ' ');
        }
        return Arrays.copyOf(out.toByteArray(), n);
    }

    /** @return each segment's mode byte, decrypted here with the JCE directly */
    static int[] modes(byte[] object, SecretKey k) throws IOException {
        EnvelopeHeader h = EnvelopeHeader.read(new ByteArrayInputStream(object));
        int[] modes = new int[64];
        int count = 0;
        for (int pos = h.encode().length; pos < object.length; count++) {
            int length = SegmentCipher.getInt(object, pos);
            boolean last = pos + 4 + length == object.length;
            modes[count] = modeOf(object, pos + 4, length, count, last, h, k);
            pos += 4 + length;
        }
        return Arrays.copyOf(modes, count);
    }

    private static int modeOf(byte[] object, int offset, int length, int index, boolean last, EnvelopeHeader h, SecretKey k) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            byte[] nonce = new byte[12];
            System.arraycopy(h.noncePrefix(), 0, nonce, 0, EnvelopeHeader.NONCE_PREFIX_LENGTH);
            SegmentCipher.putInt(nonce, 7, index);
            nonce[11] = (byte) (last ? 1 : 0);
            c.init(Cipher.DECRYPT_MODE, k, new GCMParameterSpec(128, nonce));
            c.updateAAD(h.encode());
            byte[] position = new byte[5];
            SegmentCipher.putInt(position, 0, index);
            position[4] = nonce[11];
            c.updateAAD(position);
            return c.doFinal(object, offset, length)[0];
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void bytePlanesRoundTripEvenAndOddLengths() {
        for (int n : new int[] {0, 1, 2, 3, 15, 16, 17, 31, 32, 33, 47, 64, 65, 1001, 65536}) {
            byte[] raw = EnvelopeTest.random(n, n);
            byte[] planes = new byte[n];
            ByteShuffle.shuffle(raw, 0, n, planes);
            byte[] back = new byte[n];
            ByteShuffle.unshuffle(planes, 0, n, back);
            assertArrayEquals(raw, back, "length " + n);
        }
        byte[] planes = new byte[4];
        ByteShuffle.shuffle(new byte[] {9, 1, 2, 3, 4, 5}, 1, 4, planes);
        assertArrayEquals(new byte[] {1, 3, 2, 4}, planes);
    }

    @Test
    void bytePlanesMatchTheirDefinitionAtAnyOffset() {
        byte[] src = EnvelopeTest.random(3000, 9);
        for (int off : new int[] {0, 1, 7}) {
            for (int n : new int[] {16, 33, 100, 2001}) {
                byte[] expected = new byte[n];
                for (int i = 0; i < n / 2; i++) {
                    expected[i] = src[off + 2 * i];
                    expected[n / 2 + i] = src[off + 2 * i + 1];
                }
                if (n % 2 == 1) {
                    expected[n - 1] = src[off + n - 1];
                }
                byte[] planes = new byte[n];
                ByteShuffle.shuffle(src, off, n, planes);
                assertArrayEquals(expected, planes, "offset " + off + ", length " + n);
                byte[] framed = new byte[n + 5];
                System.arraycopy(planes, 0, framed, 5, n);
                byte[] back = new byte[n];
                ByteShuffle.unshuffle(framed, 5, n, back);
                assertArrayEquals(Arrays.copyOfRange(src, off, off + n), back, "offset " + off + ", length " + n);
            }
        }
    }

    @Test
    void anObjectIsKnownAsSealedFromItsPrefixWhicheverImplementationWroteIt() throws IOException {
        byte[] plain = pixels16(2 * SEG, 3);
        EnvelopeHeader h = header(EnvelopeHeader.COMPRESSION_LZ4_SHUFFLE16);
        for (Lz4Codec codec : nativeLoads() ? List.of(Lz4Codec.javaOnly(), Lz4Codec.nativeOnly()) : List.of(Lz4Codec.javaOnly())) {
            EnvelopeHeader written = EnvelopeHeader.read(new ByteArrayInputStream(seal(plain, h, key, codec)));
            assertTrue(EnvelopeWriter.sealedFrom(written, h.noncePrefix()), codec.description());
            assertFalse(EnvelopeWriter.sealedFrom(written, DataKeys.noncePrefix()), "another copy's prefix");
        }
        EnvelopeHeader stored = header(EnvelopeHeader.COMPRESSION_NONE);
        EnvelopeHeader written = EnvelopeHeader.read(new ByteArrayInputStream(seal(plain, stored, key, Lz4Codec.DEFAULT)));
        assertTrue(EnvelopeWriter.sealedFrom(written, stored.noncePrefix()));
    }

    @Test
    void sixteenBitPixelsCompressBetterInPlanes() throws IOException {
        byte[] plain = pixels16(8 * SEG, 1);
        byte[] lz4 = seal(plain, header(EnvelopeHeader.COMPRESSION_LZ4), key, Lz4Codec.DEFAULT);
        byte[] planes = seal(plain, header(EnvelopeHeader.COMPRESSION_LZ4_SHUFFLE16), key, Lz4Codec.DEFAULT);
        assertTrue(planes.length < lz4.length * 0.85, planes.length + " vs " + lz4.length);
        assertArrayEquals(plain, open(planes, key, Lz4Codec.DEFAULT));
        for (int mode : modes(planes, key)) {
            assertEquals(SegmentCipher.MODE_LZ4_SHUFFLE16, mode);
        }
    }

    @Test
    void eachProbeChoosesTheBetterModeAndIncompressibleRunsAreStored() throws IOException {
        int probe = SegmentCipher.PROBE_EVERY;
        // text, then pixels, then random bytes, each a whole probe period long
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        plain.writeBytes(text(probe * SEG));
        plain.writeBytes(pixels16(probe * SEG, 2));
        plain.writeBytes(EnvelopeTest.random(probe * SEG, 3));
        byte[] bytes = plain.toByteArray();
        byte[] object = seal(bytes, header(EnvelopeHeader.COMPRESSION_LZ4_SHUFFLE16), key, Lz4Codec.DEFAULT);
        assertArrayEquals(bytes, open(object, key, Lz4Codec.DEFAULT));
        int[] modes = modes(object, key);
        assertEquals(3 * probe, modes.length);
        for (int i = 0; i < modes.length; i++) {
            int expected = i < probe ? SegmentCipher.MODE_LZ4 : i < 2 * probe ? SegmentCipher.MODE_LZ4_SHUFFLE16
                    : SegmentCipher.MODE_STORED;
            assertEquals(expected, modes[i], "segment " + i);
        }
    }

    @Test
    void sameCodecGivesTheSameObjectAndAnotherCodecAnotherNonce() throws IOException {
        Lz4Codec java = Lz4Codec.javaOnly();
        byte[] plain = pixels16(3 * SEG + 77, 4);
        EnvelopeHeader h = header(EnvelopeHeader.COMPRESSION_LZ4_SHUFFLE16);
        byte[] first = seal(plain, h, key, java);
        assertArrayEquals(first, seal(plain, h, key, Lz4Codec.javaOnly()), "a retry gives the identical object");
        assertArrayEquals(java.bindNoncePrefix(prefix), EnvelopeHeader.read(new ByteArrayInputStream(first)).noncePrefix());
        // without compression nothing depends on the codec: the prefix is written as given
        byte[] stored = seal(plain, header(EnvelopeHeader.COMPRESSION_NONE), key, java);
        assertArrayEquals(prefix, EnvelopeHeader.read(new ByteArrayInputStream(stored)).noncePrefix());

        assumeTrue(nativeLoads(), "the native LZ4 library does not load on this platform");
        Lz4Codec nat = Lz4Codec.nativeOnly();
        assertNotEquals(java.description(), nat.description());
        assertFalse(Arrays.equals(java.fingerprint(), nat.fingerprint()));
        byte[] second = seal(plain, h, key, nat);
        assertFalse(Arrays.equals(EnvelopeHeader.read(new ByteArrayInputStream(first)).noncePrefix(),
                EnvelopeHeader.read(new ByteArrayInputStream(second)).noncePrefix()), "no nonce reuse across codecs");
        // each reads what the other wrote
        assertArrayEquals(plain, open(first, key, nat));
        assertArrayEquals(plain, open(second, key, java));
    }

    @Test
    void nativeLz4IsUsedOnLinuxAmd64() {
        assumeTrue("Linux".equals(System.getProperty("os.name")) && "amd64".equals(System.getProperty("os.arch")));
        assertTrue(Lz4Codec.DEFAULT.description().contains("native"), Lz4Codec.DEFAULT.description());
    }

    @Test
    void readsAnObjectWrittenByFormatOneCode() throws IOException {
        // written by the envelope code before byte planes existed (pure-Java LZ4, compression 1):
        // an LZ4 segment, a stored one and a short final one, under a fixed test key and prefix
        String hex;
        try (InputStream in = getClass().getResourceAsStream("format1-lz4.hex")) {
            hex = new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("\\s", "");
        }
        byte[] object = HexFormat.of().parseHex(hex);
        byte[] k = new byte[32];
        for (int i = 0; i < 32; i++) {
            k[i] = (byte) i;
        }
        byte[] plain = new byte[2 * 1024 + 100];
        for (int i = 0; i < 1024; i++) {
            plain[i] = (byte) ((i / 7) % 50);
        }
        byte[] random = new byte[1124];
        new Random(5).nextBytes(random);
        System.arraycopy(random, 0, plain, 1024, random.length);
        SecretKey fixed = new SecretKeySpec(k, "AES");
        EnvelopeHeader h = EnvelopeHeader.read(new ByteArrayInputStream(object));
        assertEquals(EnvelopeHeader.COMPRESSION_LZ4, h.compression());
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7}, h.noncePrefix());
        assertArrayEquals(plain, open(object, fixed, Lz4Codec.DEFAULT));
        assertArrayEquals(plain, open(object, fixed, Lz4Codec.javaOnly()));
    }

    private static boolean nativeLoads() {
        try {
            Lz4Codec.nativeOnly();
            return true;
        } catch (Throwable e) {
            return false;
        }
    }
}
