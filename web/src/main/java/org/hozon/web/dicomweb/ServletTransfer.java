package org.hozon.web.dicomweb;

import java.io.IOException;
import java.io.OutputStream;

import jakarta.ws.rs.core.StreamingOutput;

import io.undertow.io.BufferWritableOutputStream;
import io.undertow.servlet.handlers.ServletRequestContext;

import org.hozon.retrieve.FileTransfer;

/**
 * Writes a response body straight to Undertow's servlet output stream, bypassing the JAX-RS
 * entity stream, so that stored files can be handed to Undertow whole: its {@code transferFrom}
 * sends a file with {@code sendfile} when the response has a Content-Length (no chunked
 * framing), so the bytes never enter the JVM. The stream is the current request's (Undertow's
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

    /** Zero-copy transfer for Undertow's servlet stream, else a copying one. */
    static FileTransfer transferTo(OutputStream out) {
        if (out instanceof BufferWritableOutputStream undertow) {
            return file -> {
                file.position(0);
                undertow.transferFrom(file);
            };
        }
        return FileTransfer.copying(out);
    }
}
