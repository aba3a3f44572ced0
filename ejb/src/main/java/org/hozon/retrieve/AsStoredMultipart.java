package org.hozon.retrieve;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.hozon.dicomweb.media.MediaTypes;
import org.hozon.dicomweb.multipart.MultipartWriter;
import org.hozon.dicomweb.multipart.PartHeaders;

/**
 * A {@code multipart/related; type="application/dicom"} body of instances sent exactly as stored
 * (the {@code transfer-syntax=*} retrieve and any retrieve that needs no transcoding). Its length
 * is known before the first byte (the framing plus the indexed file sizes), so the response can
 * carry a Content-Length, and each file goes out whole through a {@link FileTransfer}: with
 * Undertow that is {@code sendfile}, the bytes never enter the JVM.
 */
public final class AsStoredMultipart {
    private final List<StoredInstance> instances;
    private final String boundary;
    private final long length;

    private AsStoredMultipart(List<StoredInstance> instances, String boundary, long length) {
        this.instances = instances;
        this.boundary = boundary;
        this.length = length;
    }

    /** The body of {@code instances} (in this order) with {@code boundary}. */
    public static AsStoredMultipart of(List<StoredInstance> instances, String boundary) {
        List<StoredInstance> copy = List.copyOf(instances);
        long files = 0;
        CountingStream framing = new CountingStream();
        try {
            writeFraming(copy, boundary, framing, instance -> { });
        } catch (IOException e) {
            throw new IllegalStateException("cannot happen: counting bytes", e);
        }
        for (StoredInstance i : copy) {
            files += i.size();
        }
        return new AsStoredMultipart(copy, boundary, framing.count + files);
    }

    /** The exact number of bytes {@link #writeTo} writes. */
    public long length() {
        return length;
    }

    /** The Content-Type of the body. */
    public String contentType() {
        return MultipartWriter.contentType(MediaTypes.APPLICATION_DICOM, boundary);
    }

    /** The Content-Type of the part of {@code instance}: application/dicom with its stored transfer syntax. */
    public static String partContentType(StoredInstance instance) {
        return MediaTypes.APPLICATION_DICOM + ";transfer-syntax=" + instance.transferSyntaxUid();
    }

    /**
     * Writes the body: the framing to {@code out}, each file through {@code transfer}, which must
     * write to {@code out} too. Fails (the response is then cut short) if a file is not the size
     * the index gives, since the length was announced.
     */
    public void writeTo(OutputStream out, FileTransfer transfer) throws IOException {
        writeFraming(instances, boundary, out, instance -> InstanceWriter.transfer(instance, transfer));
    }

    /** What to do for a part's body, between its headers and the next delimiter. */
    @FunctionalInterface
    private interface PartBody {
        void write(StoredInstance instance) throws IOException;
    }

    /**
     * The framing comes from {@link MultipartWriter}; the part's body is written to {@code out}
     * itself while the part is open, which is what the part stream would do (it writes straight
     * through), without the copy through an {@code OutputStream}.
     */
    private static void writeFraming(List<StoredInstance> instances, String boundary, OutputStream out,
            PartBody body) throws IOException {
        MultipartWriter writer = new MultipartWriter(out, boundary);
        for (StoredInstance instance : instances) {
            try (OutputStream part = writer.openPart(PartHeaders.of("Content-Type", partContentType(instance)))) {
                body.write(instance);
            }
        }
        writer.finish();
    }

    /** Counts and discards. */
    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
