package org.hozon.retrieve;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Sends a whole stored file to the stream a transfer belongs to. The web tier provides one that
 * hands the file channel to the servlet container (sendfile, no copy through the heap); {@link
 * #copying} is the portable fallback.
 */
@FunctionalInterface
public interface FileTransfer {
    /** Buffer of the copying transfer: few system calls per file, one allocation per response. */
    int COPY_BUFFER = 256 * 1024;

    /** Writes the bytes of {@code file} from position 0 to its end. */
    void transfer(FileChannel file) throws IOException;

    /** A transfer that reads the file into a reused buffer and writes it to {@code out}. */
    static FileTransfer copying(OutputStream out) {
        byte[] buf = new byte[COPY_BUFFER];
        ByteBuffer bb = ByteBuffer.wrap(buf);
        return file -> {
            long pos = 0;
            while (true) {
                bb.clear();
                int n = file.read(bb, pos);
                if (n < 0) {
                    return;
                }
                out.write(buf, 0, n);
                pos += n;
            }
        };
    }
}
