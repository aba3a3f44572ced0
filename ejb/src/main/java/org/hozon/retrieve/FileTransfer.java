package org.hozon.retrieve;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Sends a byte range of a stored file to the stream a transfer belongs to. The web tier provides
 * one that hands the file channel to the servlet container (sendfile, no copy through the heap);
 * {@link #copying} is the portable fallback.
 */
@FunctionalInterface
public interface FileTransfer {
    /** Buffer of the copying transfer: few system calls per file, one allocation per response. */
    int COPY_BUFFER = 256 * 1024;

    /**
     * Writes {@code length} bytes of {@code file} from {@code offset}.
     *
     * @throws IOException also if the file ends before
     */
    void transfer(FileChannel file, long offset, long length) throws IOException;

    /** A transfer that reads the file into a reused buffer and writes it to {@code out}. */
    static FileTransfer copying(OutputStream out) {
        byte[] buf = new byte[COPY_BUFFER];
        ByteBuffer bb = ByteBuffer.wrap(buf);
        return (file, offset, length) -> {
            long pos = offset;
            long end = offset + length;
            while (pos < end) {
                bb.clear().limit((int) Math.min(buf.length, end - pos));
                int n = file.read(bb, pos);
                if (n < 0) {
                    throw new IOException("stored file ends at " + pos + ", before " + end);
                }
                out.write(buf, 0, n);
                pos += n;
            }
        };
    }
}
