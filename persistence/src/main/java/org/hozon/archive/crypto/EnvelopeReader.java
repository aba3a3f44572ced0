package org.hozon.archive.crypto;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;

import javax.crypto.SecretKey;

/**
 * Reads envelopes: a whole object as a stream (bounded memory), or one segment alone from its
 * byte range (a ranged GET). Every byte written out has been authenticated first.
 */
public final class EnvelopeReader {

    private EnvelopeReader() {
    }

    /**
     * Decrypts a whole envelope whose header was already read with {@link EnvelopeHeader#read}.
     * Output is written segment by segment; when this throws, what was written must be discarded.
     *
     * @param header  the header read from {@code in}
     * @param in      the rest of the object
     * @param dataKey the unwrapped data key
     * @param out     where the plaintext goes (not closed)
     * @return the number of plaintext bytes
     * @throws EnvelopeException if the envelope is truncated, extended, reordered or tampered with
     */
    public static long decrypt(EnvelopeHeader header, InputStream in, SecretKey dataKey, OutputStream out)
            throws IOException {
        return decrypt(header, in, dataKey, out, Lz4Codec.DEFAULT);
    }

    /** {@link #decrypt(EnvelopeHeader, InputStream, SecretKey, OutputStream)} with a given LZ4 implementation. */
    static long decrypt(EnvelopeHeader header, InputStream in, SecretKey dataKey, OutputStream out, Lz4Codec codec)
            throws IOException {
        SegmentCipher cipher = new SegmentCipher(header, dataKey, codec);
        PushbackInputStream pin = new PushbackInputStream(in, 1);
        DataInputStream data = new DataInputStream(pin);
        byte[] sealed = new byte[SegmentCipher.maxSealed(header.segmentSize())];
        byte[] raw = new byte[header.segmentSize()];
        long total = 0;
        for (long index = 0; ; index++) {
            int length;
            try {
                length = data.readInt();
                if (length < 0 || length > sealed.length) {
                    throw new EnvelopeException("segment " + index + " has an impossible length " + length);
                }
                data.readFully(sealed, 0, length);
            } catch (EOFException e) {
                throw new EnvelopeException("envelope truncated in segment " + index, e);
            }
            int peek = pin.read();
            boolean last = peek < 0;
            if (!last) {
                pin.unread(peek);
            }
            int n = cipher.open(sealed, 0, length, index, last, raw);
            out.write(raw, 0, n);
            total += n;
            if (last) {
                return total;
            }
        }
    }

    /**
     * Decrypts one segment from its bytes (its range is {@link SegmentTable#offset}/{@link SegmentTable#length}).
     *
     * @param header  the object's header
     * @param dataKey the unwrapped data key
     * @param index   the segment's index
     * @param last    whether it is the object's last segment
     * @param range   the segment's bytes: 4-byte length then the sealed bytes
     * @return the segment's plaintext (at most the segment size)
     * @throws EnvelopeException if it fails authentication
     */
    public static byte[] decryptSegment(EnvelopeHeader header, SecretKey dataKey, long index, boolean last, byte[] range)
            throws EnvelopeException {
        if (range.length < 4 || SegmentCipher.getInt(range, 0) != range.length - 4) {
            throw new EnvelopeException("segment " + index + " range is not one whole segment");
        }
        byte[] raw = new byte[header.segmentSize()];
        int n = new SegmentCipher(header, dataKey, Lz4Codec.DEFAULT).open(range, 4, range.length - 4, index, last, raw);
        byte[] result = new byte[n];
        System.arraycopy(raw, 0, result, 0, n);
        return result;
    }
}
