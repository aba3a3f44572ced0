package org.hozon.archive.crypto;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The self-describing header at the start of every archived object. Layout (big-endian):
 * <pre>
 * "HZNE"  magic                     4 bytes
 * version                           1 byte   (1)
 * compression                       1 byte   (0 none, 1 LZ4 block per segment, 2 LZ4 with byte planes)
 * aead                              1 byte   (1 AES-256-GCM, 128-bit tag)
 * segment size                      4 bytes  (plaintext bytes per segment, before compression)
 * nonce prefix                      7 bytes  (random per object)
 * key id length, key id             1 + n bytes (UTF-8; the KEK that wraps the data key)
 * wrapped-key reference len, ref    1 + n bytes (UTF-8; the sidecar object's key)
 * </pre>
 * The encoded header is authenticated data of every segment, so none of it can be changed.
 *
 * @param compression   {@link #COMPRESSION_NONE}, {@link #COMPRESSION_LZ4} or {@link #COMPRESSION_LZ4_SHUFFLE16}
 * @param segmentSize   plaintext bytes per segment
 * @param noncePrefix   7 random bytes
 * @param keyId         id of the KEK that wrapped the data key
 * @param wrappedKeyRef where the wrapped data key is (the sidecar object key)
 */
public record EnvelopeHeader(int compression, int segmentSize, byte[] noncePrefix, String keyId, String wrappedKeyRef) {

    static final byte[] MAGIC = {'H', 'Z', 'N', 'E'};
    /** Format version written by this code. */
    public static final int VERSION = 1;
    /** Segments are stored as they are. */
    public static final int COMPRESSION_NONE = 0;
    /** Each segment is LZ4-compressed on its own (block format), unless that does not make it smaller. */
    public static final int COMPRESSION_LZ4 = 1;
    /**
     * Each segment is stored, LZ4-compressed, or LZ4-compressed after splitting its bytes into
     * even and odd planes (16-bit pixels), whichever the writer found smaller. Readers from
     * before this value (which know 0 and 1 only) refuse such headers.
     */
    public static final int COMPRESSION_LZ4_SHUFFLE16 = 2;
    /** What the archiver writes. */
    public static final int DEFAULT_COMPRESSION = COMPRESSION_LZ4_SHUFFLE16;
    /** AES-256-GCM with a 96-bit nonce and a 128-bit tag. */
    public static final int AEAD_AES256_GCM = 1;
    /** Default plaintext bytes per segment: 64 KiB. */
    public static final int DEFAULT_SEGMENT_SIZE = 64 * 1024;
    /** Length of the per-object nonce prefix. */
    public static final int NONCE_PREFIX_LENGTH = 7;
    static final int MIN_SEGMENT = 1024;
    static final int MAX_SEGMENT = 8 * 1024 * 1024;

    /** Validates the fields. */
    public EnvelopeHeader {
        if (compression != COMPRESSION_NONE && compression != COMPRESSION_LZ4 && compression != COMPRESSION_LZ4_SHUFFLE16) {
            throw new IllegalArgumentException("unknown compression " + compression);
        }
        if (segmentSize < MIN_SEGMENT || segmentSize > MAX_SEGMENT) {
            throw new IllegalArgumentException("segment size out of range: " + segmentSize);
        }
        if (noncePrefix.length != NONCE_PREFIX_LENGTH) {
            throw new IllegalArgumentException("nonce prefix must be 7 bytes");
        }
        noncePrefix = noncePrefix.clone();
        checkText(keyId);
        checkText(wrappedKeyRef);
    }

    @Override
    public byte[] noncePrefix() {
        return noncePrefix.clone();
    }

    /**
     * @param prefix another nonce prefix
     * @return this header with that prefix
     */
    public EnvelopeHeader withNoncePrefix(byte[] prefix) {
        return new EnvelopeHeader(compression, segmentSize, prefix, keyId, wrappedKeyRef);
    }

    /** @return the header as written at the start of the object */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        out.writeBytes(MAGIC);
        out.write(VERSION);
        out.write(compression);
        out.write(AEAD_AES256_GCM);
        out.write(segmentSize >>> 24);
        out.write(segmentSize >>> 16);
        out.write(segmentSize >>> 8);
        out.write(segmentSize);
        out.writeBytes(noncePrefix);
        writeText(out, keyId);
        writeText(out, wrappedKeyRef);
        return out.toByteArray();
    }

    /**
     * Reads a header from the start of an object.
     *
     * @param in the object's bytes, positioned at its start
     * @return the header
     * @throws EnvelopeException if it is not a header this code understands
     */
    public static EnvelopeHeader read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        try {
            byte[] magic = new byte[4];
            data.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new EnvelopeException("not a Hozon envelope (bad magic)");
            }
            int version = data.readUnsignedByte();
            if (version != VERSION) {
                throw new EnvelopeException("unsupported envelope version " + version);
            }
            int compression = data.readUnsignedByte();
            int aead = data.readUnsignedByte();
            if (aead != AEAD_AES256_GCM) {
                throw new EnvelopeException("unsupported AEAD " + aead);
            }
            int segmentSize = data.readInt();
            byte[] prefix = new byte[NONCE_PREFIX_LENGTH];
            data.readFully(prefix);
            String keyId = readText(data);
            String ref = readText(data);
            return new EnvelopeHeader(compression, segmentSize, prefix, keyId, ref);
        } catch (EOFException e) {
            throw new EnvelopeException("truncated envelope header", e);
        } catch (IllegalArgumentException e) {
            throw new EnvelopeException("invalid envelope header: " + e.getMessage(), e);
        }
    }

    private static void checkText(String s) {
        if (s == null || s.getBytes(StandardCharsets.UTF_8).length > 255) {
            throw new IllegalArgumentException("text field missing or longer than 255 bytes");
        }
    }

    private static void writeText(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write(b.length);
        out.writeBytes(b);
    }

    private static String readText(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readUnsignedByte()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnvelopeHeader h && Arrays.equals(encode(), h.encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return "EnvelopeHeader[keyId=" + keyId + ", segmentSize=" + segmentSize + ", compression=" + compression + "]";
    }
}
