package org.hozon.dicom.codec;

/**
 * Decodes one frame of RLE Lossless (1.2.840.10008.1.2.5, PS3.5 Annex G) to native pixel data:
 * little endian, samples interleaved per pixel (as Planar Configuration 0).
 *
 * <p>The frame starts with the RLE header (16 little-endian 32-bit values: the number of
 * segments, then the offsets of up to 15 segments). There is one segment per byte of each
 * sample, most significant byte first, sample after sample (G.2); each segment is PackBits
 * encoded (G.3.1): a header byte n in 0..127 copies the next n+1 bytes, -1..-127 repeats the
 * next byte 1-n times, -128 does nothing.
 */
public final class RleDecoder {
    private RleDecoder() {
    }

    /**
     * @param frame         the frame's bytes (the fragments of the frame concatenated)
     * @param rows          Rows
     * @param columns       Columns
     * @param samples       Samples per Pixel
     * @param bitsAllocated Bits Allocated (8, 16 or 32)
     * @return {@code rows*columns*samples*bitsAllocated/8} bytes of native pixel data
     * @throws IllegalArgumentException if the frame is not valid RLE for this image
     */
    public static byte[] decode(byte[] frame, int rows, int columns, int samples, int bitsAllocated) {
        if (bitsAllocated % 8 != 0 || bitsAllocated == 0 || rows <= 0 || columns <= 0 || samples <= 0) {
            throw new IllegalArgumentException("RLE: unsupported image " + rows + "x" + columns + "x" + samples
                    + " with " + bitsAllocated + " bits allocated");
        }
        if (frame.length < 64) {
            throw new IllegalArgumentException("RLE: frame shorter than its header");
        }
        int bytesPerSample = bitsAllocated / 8;
        int segments = le32(frame, 0);
        if (segments != samples * bytesPerSample || segments > 15) {
            throw new IllegalArgumentException("RLE: " + segments + " segments for " + samples + " samples of "
                    + bitsAllocated + " bits");
        }
        int pixels = Math.multiplyExact(rows, columns);
        int stride = samples * bytesPerSample;
        byte[] out = new byte[Math.multiplyExact(pixels, stride)];
        for (int s = 0; s < segments; s++) {
            int start = le32(frame, 4 + 4 * s);
            int end = s + 1 < segments ? le32(frame, 8 + 4 * s) : frame.length;
            if (start < 64 || end < start || end > frame.length) {
                throw new IllegalArgumentException("RLE: segment " + (s + 1) + " offset out of range");
            }
            int sample = s / bytesPerSample;
            int byteInSample = bytesPerSample - 1 - s % bytesPerSample; // MSB segment first; output LE
            decodeSegment(frame, start, end, out, sample * bytesPerSample + byteInSample, stride, pixels);
        }
        return out;
    }

    private static void decodeSegment(byte[] in, int pos, int end, byte[] out, int first, int stride, int count) {
        int written = 0;
        int o = first;
        while (written < count && pos < end) {
            int n = in[pos++];
            if (n >= 0) {
                int len = n + 1;
                if (pos + len > end || written + len > count) {
                    throw new IllegalArgumentException("RLE: literal run beyond the segment or the image");
                }
                for (int i = 0; i < len; i++, o += stride) {
                    out[o] = in[pos++];
                }
                written += len;
            } else if (n != -128) {
                int len = 1 - n;
                if (pos >= end || written + len > count) {
                    throw new IllegalArgumentException("RLE: replicate run beyond the segment or the image");
                }
                byte b = in[pos++];
                for (int i = 0; i < len; i++, o += stride) {
                    out[o] = b;
                }
                written += len;
            }
        }
        if (written < count) {
            throw new IllegalArgumentException("RLE: segment decodes to " + written + " of " + count + " bytes");
        }
    }

    private static int le32(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | (b[off + 3] & 0xFF) << 24;
    }
}
