package org.hozon.web.dicomweb;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;

import jakarta.ws.rs.core.StreamingOutput;

import io.undertow.io.BufferWritableOutputStream;
import io.undertow.servlet.handlers.ServletRequestContext;

import org.hozon.retrieve.FileTransfer;

/**
 * Writes a response body straight to Undertow's servlet output stream, bypassing the JAX-RS
 * entity stream, so that stored files can be handed to Undertow: its {@code transferFrom} sends
 * the rest of a file with {@code sendfile} when the response has a Content-Length (no chunked
 * framing; so only for bodies whose length is announced), and the bytes never enter the JVM. The stream is the current request's (Undertow's
 * {@link ServletRequestContext}): the {@code HttpServletResponse} RESTEasy injects is a proxy
 * whose stream hides it. Elsewhere (no current Undertow request, another container) the files
 * are copied through a buffer to the JAX-RS stream.
 */
final class ServletTransfer {

    /** What writes the body, given the stream and the matching transfer for files. */
    @FunctionalInterface
    interface Body {
        void write(OutputStream out, FileTransfer transfer) throws IOException;
    }

    private ServletTransfer() {
    }

    /** A streaming entity writing {@code body}, zero-copy where the container allows. */
    static StreamingOutput entity(Body body) {
        return out -> {
            ServletRequestContext current = ServletRequestContext.current();
            if (current == null) {
                body.write(out, FileTransfer.copying(out));
                return;
            }
            out.flush(); // commits the status and headers set through JAX-RS before the servlet stream is used
            OutputStream servlet = current.getOriginalResponse().getOutputStream();
            body.write(servlet, transferTo(servlet));
        };
    }

    /**
     * For Undertow's servlet stream, a transfer that sends a range ending the file with
     * {@code transferFrom} (which sends from the channel's position to its end) and copies other
     * ranges; elsewhere a copying one.
     */
    static FileTransfer transferTo(OutputStream out) {
        if (out instanceof BufferWritableOutputStream undertow) {
            return new FileTransfer() {
                private FileTransfer copying;

                @Override
                public void transfer(FileChannel file, long offset, long length) throws IOException {
                    if (offset + length == file.size()) {
                        file.position(offset);
                        undertow.transferFrom(file);
                        return;
                    }
                    if (copying == null) {
                        copying = FileTransfer.copying(out);
                    }
                    copying.transfer(file, offset, length);
                }
            };
        }
        return FileTransfer.copying(out);
    }
}
