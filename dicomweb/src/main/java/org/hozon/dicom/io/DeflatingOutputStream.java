package org.hozon.dicom.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;

/**
 * Raw deflate (RFC 1951, no zlib wrapper) for Deflated Explicit VR Little Endian; on
 * {@link #finish()} the compressed stream is padded with one zero byte to an even length
 * (PS3.5 §A.5). Does not close the underlying stream.
 */
final class DeflatingOutputStream extends OutputStream {
    private final OutputStream out;
    private final Deflater deflater;
    private final byte[] buf = new byte[8192];
    private long written;

    DeflatingOutputStream(OutputStream out, int level) {
        this.out = out;
        this.deflater = new Deflater(level, true);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        deflater.setInput(b, off, len);
        while (!deflater.needsInput()) {
            drain();
        }
    }

    /** Completes the deflate stream and pads it to an even length. */
    void finish() throws IOException {
        deflater.finish();
        while (!deflater.finished()) {
            drain();
        }
        if ((written & 1) != 0) {
            out.write(0);
        }
    }

    /** Releases the deflater's native memory. */
    void end() {
        deflater.end();
    }

    private void drain() throws IOException {
        int n = deflater.deflate(buf, 0, buf.length);
        if (n > 0) {
            out.write(buf, 0, n);
            written += n;
        }
    }
}
