package org.hozon.archive.crypto;

import java.security.GeneralSecurityException;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * Seals and opens one segment. Segment plaintext (what GCM encrypts) is
 * {@code mode (1 byte: 0 stored, 1 LZ4) || raw length (4 bytes) || data}, so the compression
 * choice and the true length are authenticated too.
 *
 * <p>Nonce (96 bits) = the object's 7-byte random prefix || segment index (4 bytes) || final flag
 * (1 byte). The data key is fresh per object, so nonces never repeat under one key; the
 * authenticated data is the whole envelope header || index || final flag, so a segment moved to
 * another position, another object or past the end fails authentication, and a stream cut at a
 * segment boundary fails because its new last segment was not sealed as final.
 *
 * <p>Not thread-safe: one instance per stream.
 */
final class SegmentCipher {
    static final int TAG_BYTES = 16;
    static final int PREFIX_BYTES = 5;
    private static final int MODE_STORED = 0;
    private static final int MODE_LZ4 = 1;
    // The pure-Java compressor gives the same bytes on every node, so a retry that re-encrypts
    // with the same data key and nonce prefix yields the same ciphertext (see ArchiveService).
    private static final LZ4Compressor COMPRESSOR = LZ4Factory.fastestJavaInstance().fastCompressor();
    // The bounds-checked decompressor: archived bytes are not trusted before authentication,
    // and even after it we want no unchecked memory access.
    private static final LZ4SafeDecompressor DECOMPRESSOR = LZ4Factory.safeInstance().safeDecompressor();

    private final EnvelopeHeader header;
    private final byte[] headerBytes;
    private final SecretKey key;
    private final Cipher cipher;
    private final byte[] plain;
    private final byte[] sealed;

    SegmentCipher(EnvelopeHeader header, SecretKey key) {
        this.header = header;
        this.headerBytes = header.encode();
        this.key = key;
        try {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM not available", e);
        }
        this.plain = new byte[PREFIX_BYTES + Math.max(header.segmentSize(), COMPRESSOR.maxCompressedLength(header.segmentSize()))];
        this.sealed = new byte[maxSealed(header.segmentSize())];
    }

    /** @return the largest sealed segment this segment size can produce (never more: compression falls back to stored) */
    static int maxSealed(int segmentSize) {
        return PREFIX_BYTES + segmentSize + TAG_BYTES;
    }

    /**
     * Compresses and seals raw bytes.
     *
     * @return the length of the sealed bytes, which are in {@link #sealed()}
     */
    int seal(byte[] raw, int length, long index, boolean last) {
        int dataLength = length;
        int mode = MODE_STORED;
        if (header.compression() == EnvelopeHeader.COMPRESSION_LZ4 && length > 0) {
            int c = COMPRESSOR.compress(raw, 0, length, plain, PREFIX_BYTES, plain.length - PREFIX_BYTES);
            if (c < length) {
                mode = MODE_LZ4;
                dataLength = c;
            }
        }
        if (mode == MODE_STORED) {
            System.arraycopy(raw, 0, plain, PREFIX_BYTES, length);
        }
        plain[0] = (byte) mode;
        putInt(plain, 1, length);
        try {
            init(Cipher.ENCRYPT_MODE, index, last);
            return cipher.doFinal(plain, 0, PREFIX_BYTES + dataLength, sealed, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    byte[] sealed() {
        return sealed;
    }

    /**
     * Opens a sealed segment and decompresses it into {@code out}.
     *
     * @return the number of raw bytes written to {@code out}
     * @throws EnvelopeException if authentication fails or the contents are inconsistent
     */
    int open(byte[] in, int offset, int length, long index, boolean last, byte[] out) throws EnvelopeException {
        if (length < PREFIX_BYTES + TAG_BYTES || length > maxSealed(header.segmentSize())) {
            throw new EnvelopeException("segment " + index + " has an impossible length " + length);
        }
        int n;
        try {
            init(Cipher.DECRYPT_MODE, index, last);
            n = cipher.doFinal(in, offset, length, plain, 0);
        } catch (GeneralSecurityException e) {
            throw new EnvelopeException("segment " + index + " failed authentication"
                    + " (tampered, truncated, reordered, from another object, or wrong key)", e);
        }
        int mode = plain[0];
        int rawLength = getInt(plain, 1);
        if (rawLength < 0 || rawLength > header.segmentSize() || (!last && rawLength != header.segmentSize())) {
            throw new EnvelopeException("segment " + index + " declares a wrong length " + rawLength);
        }
        if (mode == MODE_STORED) {
            if (n - PREFIX_BYTES != rawLength) {
                throw new EnvelopeException("segment " + index + " length mismatch");
            }
            System.arraycopy(plain, PREFIX_BYTES, out, 0, rawLength);
            return rawLength;
        }
        if (mode != MODE_LZ4) {
            throw new EnvelopeException("segment " + index + " has unknown mode " + mode);
        }
        try {
            int d = DECOMPRESSOR.decompress(plain, PREFIX_BYTES, n - PREFIX_BYTES, out, 0, rawLength);
            if (d != rawLength) {
                throw new EnvelopeException("segment " + index + " decompressed to " + d + " bytes, not " + rawLength);
            }
            return d;
        } catch (RuntimeException e) {
            throw new EnvelopeException("segment " + index + " does not decompress", e);
        }
    }

    private void init(int mode, long index, boolean last) throws GeneralSecurityException {
        if (index < 0 || index > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("segment index out of range: " + index);
        }
        byte[] nonce = new byte[12];
        System.arraycopy(header.noncePrefix(), 0, nonce, 0, EnvelopeHeader.NONCE_PREFIX_LENGTH);
        putInt(nonce, 7, (int) index);
        nonce[11] = (byte) (last ? 1 : 0);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
        cipher.updateAAD(headerBytes);
        byte[] position = new byte[5];
        putInt(position, 0, (int) index);
        position[4] = nonce[11];
        cipher.updateAAD(position);
    }

    static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    static int getInt(byte[] b, int off) {
        return (b[off] & 0xFF) << 24 | (b[off + 1] & 0xFF) << 16 | (b[off + 2] & 0xFF) << 8 | (b[off + 3] & 0xFF);
    }
}
