package org.hozon.archive.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

import javax.crypto.SecretKey;

/**
 * Writes an envelope: the header, then each segment as {@code sealed length (4 bytes) || sealed
 * bytes}. Memory is a few segment buffers whatever the size of the input. An empty input still
 * gives one (empty, final) segment, so an object can never be truncated to nothing unnoticed.
 *
 * <p>With compression, the nonce prefix written is the given one bound to this JVM's LZ4
 * implementation ({@link Lz4Codec#bindNoncePrefix}): encrypting the same input twice with the same
 * header and key gives the same object on the same implementation, and never reuses a nonce for
 * different bytes on another. Read the header back from the object ({@link EnvelopeHeader#read}),
 * not from what was passed in.
 */
public final class EnvelopeWriter {

    private EnvelopeWriter() {
    }

    /**
     * Encrypts {@code plain} into {@code out}.
     *
     * @param plain   the instance's bytes, read to the end (not closed)
     * @param out     where the envelope goes (not closed)
     * @param header  the header (a fresh nonce prefix per object)
     * @param dataKey the object's AES-256 data key
     * @return the sealed length of each segment, for ranged reads
     * @throws IOException if reading or writing fails
     */
    public static SegmentTable encrypt(InputStream plain, OutputStream out, EnvelopeHeader header, SecretKey dataKey)
            throws IOException {
        return encrypt(plain, out, header, dataKey, Lz4Codec.DEFAULT);
    }

    /**
     * Tells whether an envelope was sealed from a given nonce prefix (the one kept with its archive
     * task): the prefix its header carries is that prefix, bound to the fingerprint of the LZ4
     * implementation that wrote it (native or pure Java of this lz4-java version), or the prefix
     * itself without compression. A newer copy of the same instance, sealed from another random
     * prefix, does not match.
     *
     * @param written the header read from the object
     * @param prefix  the nonce prefix chosen for the copy
     * @return whether the object is that copy
     */
    public static boolean sealedFrom(EnvelopeHeader written, byte[] prefix) {
        if (Arrays.equals(written.noncePrefix(), prefix)) {
            return true; // no compression, or written before prefixes were bound
        }
        for (byte[] bound : Lz4Codec.knownBindings(prefix)) {
            if (Arrays.equals(written.noncePrefix(), bound)) {
                return true;
            }
        }
        return false;
    }

    /** {@link #encrypt(InputStream, OutputStream, EnvelopeHeader, SecretKey)} with a given LZ4 implementation. */
    static SegmentTable encrypt(InputStream plain, OutputStream out, EnvelopeHeader header, SecretKey dataKey,
            Lz4Codec codec) throws IOException {
        EnvelopeHeader written = header.compression() == EnvelopeHeader.COMPRESSION_NONE ? header
                : header.withNoncePrefix(codec.bindNoncePrefix(header.noncePrefix()));
        SegmentCipher cipher = new SegmentCipher(written, dataKey, codec);
        int size = written.segmentSize();
        byte[] current = new byte[size];
        byte[] next = new byte[size];
        byte[] headerBytes = written.encode();
        out.write(headerBytes);
        SegmentTable.Builder table = new SegmentTable.Builder(headerBytes.length);
        int n = plain.readNBytes(current, 0, size);
        for (long index = 0; ; index++) {
            int m = n == size ? plain.readNBytes(next, 0, size) : 0;
            boolean last = m == 0;
            int sealed = cipher.seal(current, n, index, last);
            out.write(cipher.sealed(), 0, SegmentCipher.LENGTH_BYTES + sealed);
            table.add(sealed);
            if (last) {
                return table.build();
            }
            byte[] t = current;
            current = next;
            next = t;
            n = m;
        }
    }
}
