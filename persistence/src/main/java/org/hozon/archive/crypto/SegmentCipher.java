package org.hozon.archive.crypto;

import java.security.GeneralSecurityException;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import net.jpountz.lz4.LZ4Compressor;

/**
 * Seals and opens one segment. Segment plaintext (what GCM encrypts) is
 * {@code mode (1 byte) || raw length (4 bytes) || data}, so the compression choice and the true
 * length are authenticated too. Modes: 0 stored, 1 LZ4 block, 2 LZ4 block of the bytes split into
 * two planes ({@link ByteShuffle}); which ones a header allows depends on its compression.
 *
 * <p>Nonce (96 bits) = the header's 7-byte nonce prefix || segment index (4 bytes) || final flag
 * (1 byte). The data key is fresh per object, so nonces never repeat under one key; the
 * authenticated data is the whole envelope header || index || final flag, so a segment moved to
 * another position, another object or past the end fails authentication, and a stream cut at a
 * segment boundary fails because its new last segment was not sealed as final.
 *
 * <p>Sealing is deterministic: the same raw bytes, header, key and {@link Lz4Codec} give the same
 * sealed bytes (the mode is chosen from the data alone). Not thread-safe: one instance per stream.
 */
final class SegmentCipher {
    static final int TAG_BYTES = 16;
    static final int PREFIX_BYTES = 5;
    /** The sealed bytes sit after their 4-byte length in {@link #sealed()}, framed as the envelope stores them. */
    static final int LENGTH_BYTES = 4;
    static final int MODE_STORED = 0;
    static final int MODE_LZ4 = 1;
    static final int MODE_LZ4_SHUFFLE16 = 2;
    /** With byte-plane compression, the mode is chosen again every this many segments. */
    static final int PROBE_EVERY = 16;
    /** Bytes the mode is chosen on. */
    static final int SAMPLE = 8 * 1024;

    private final EnvelopeHeader header;
    private final byte[] headerBytes;
    private final SecretKey key;
    private final Lz4Codec codec;
    private final LZ4Compressor compressor;
    private final Cipher cipher;
    private final byte[] plain;
    private final byte[] other;
    private final byte[] scratch;
    private final byte[] sealed;
    private final byte[] nonce = new byte[12];
    private final byte[] position = new byte[5];
    private int preferred = -1;
    private int dataLength;

    SegmentCipher(EnvelopeHeader header, SecretKey key, Lz4Codec codec) {
        this.header = header;
        this.headerBytes = header.encode();
        this.key = key;
        this.codec = codec;
        this.compressor = codec.compressor();
        try {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM not available", e);
        }
        int size = header.segmentSize();
        int bound = Math.max(size, compressor.maxCompressedLength(size));
        this.plain = new byte[PREFIX_BYTES + bound];
        this.other = header.compression() == EnvelopeHeader.COMPRESSION_LZ4_SHUFFLE16 ? new byte[bound] : null;
        this.scratch = header.compression() == EnvelopeHeader.COMPRESSION_NONE ? null : new byte[size];
        this.sealed = new byte[LENGTH_BYTES + maxSealed(size)];
        System.arraycopy(header.noncePrefix(), 0, nonce, 0, EnvelopeHeader.NONCE_PREFIX_LENGTH);
    }

    /** @return the largest sealed segment this segment size can produce (never more: compression falls back to stored) */
    static int maxSealed(int segmentSize) {
        return PREFIX_BYTES + segmentSize + TAG_BYTES;
    }

    /**
     * Compresses and seals raw bytes.
     *
     * @return the length of the sealed bytes, which are in {@link #sealed()} after their 4-byte length
     */
    int seal(byte[] raw, int length, long index, boolean last) {
        int mode = compress(raw, length, index);
        if (mode == MODE_STORED) {
            System.arraycopy(raw, 0, plain, PREFIX_BYTES, length);
            dataLength = length;
        }
        plain[0] = (byte) mode;
        putInt(plain, 1, length);
        try {
            init(Cipher.ENCRYPT_MODE, index, last);
            int n = cipher.doFinal(plain, 0, PREFIX_BYTES + dataLength, sealed, LENGTH_BYTES);
            putInt(sealed, 0, n);
            return n;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * Compresses into {@code plain} after the prefix when that makes the segment smaller.
     *
     * @return the mode; {@link #dataLength} is set unless it is {@link #MODE_STORED}
     */
    private int compress(byte[] raw, int length, long index) {
        int compression = header.compression();
        if (compression == EnvelopeHeader.COMPRESSION_NONE || length == 0) {
            return MODE_STORED;
        }
        if (compression == EnvelopeHeader.COMPRESSION_LZ4) {
            return lz4(raw, length, plain, PREFIX_BYTES) ? MODE_LZ4 : MODE_STORED;
        }
        if (preferred < 0 || index % PROBE_EVERY == 0) {
            preferred = probe(raw, length);
        }
        if (preferred == MODE_LZ4_SHUFFLE16) {
            return shuffledLz4(raw, length, plain, PREFIX_BYTES) ? MODE_LZ4_SHUFFLE16 : MODE_STORED;
        }
        if (preferred == MODE_LZ4) {
            return lz4(raw, length, plain, PREFIX_BYTES) ? MODE_LZ4 : MODE_STORED;
        }
        return MODE_STORED; // the probe found nothing to gain: the run is not compressed at all
    }

    /**
     * Compresses the last {@link #SAMPLE} bytes of the segment (past a segment 0's header, into
     * the pixels) both ways: byte planes win for 16-bit pixels, plain LZ4 for text and other data with
     * repeats at odd offsets, neither for already compressed pixel data.
     *
     * @return the mode for this segment and the rest of its probe period
     */
    private int probe(byte[] raw, int length) {
        int n = Math.min(SAMPLE, length);
        int from = length - n;
        ByteShuffle.shuffle(raw, from, n, scratch);
        int planes = compressor.compress(scratch, 0, n, other, 0, other.length);
        int bytes = compressor.compress(raw, from, n, other, 0, other.length);
        if (Math.min(planes, bytes) >= n) {
            return MODE_STORED;
        }
        return planes <= bytes ? MODE_LZ4_SHUFFLE16 : MODE_LZ4;
    }

    private boolean lz4(byte[] raw, int length, byte[] dst, int off) {
        int c = compressor.compress(raw, 0, length, dst, off, dst.length - off);
        dataLength = c;
        return c < length;
    }

    private boolean shuffledLz4(byte[] raw, int length, byte[] dst, int off) {
        ByteShuffle.shuffle(raw, 0, length, scratch);
        return lz4(scratch, length, dst, off);
    }

    /** @return the last sealed segment, after its 4-byte length */
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
        int compressed = n - PREFIX_BYTES;
        if (mode == MODE_STORED) {
            if (compressed != rawLength) {
                throw new EnvelopeException("segment " + index + " length mismatch");
            }
            System.arraycopy(plain, PREFIX_BYTES, out, 0, rawLength);
            return rawLength;
        }
        int compression = header.compression();
        if (mode == MODE_LZ4 && compression != EnvelopeHeader.COMPRESSION_NONE) {
            return decompress(compressed, rawLength, out, index);
        }
        if (mode == MODE_LZ4_SHUFFLE16 && compression == EnvelopeHeader.COMPRESSION_LZ4_SHUFFLE16) {
            decompress(compressed, rawLength, scratch, index);
            ByteShuffle.unshuffle(scratch, 0, rawLength, out);
            return rawLength;
        }
        throw new EnvelopeException("segment " + index + " has mode " + mode + ", not allowed with compression " + compression);
    }

    private int decompress(int compressed, int rawLength, byte[] out, long index) throws EnvelopeException {
        try {
            int d = codec.decompressor().decompress(plain, PREFIX_BYTES, compressed, out, 0, rawLength);
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
        putInt(nonce, 7, (int) index);
        nonce[11] = (byte) (last ? 1 : 0);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
        cipher.updateAAD(headerBytes);
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
