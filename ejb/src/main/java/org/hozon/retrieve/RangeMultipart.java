package org.hozon.retrieve;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.hozon.dicomweb.media.MediaTypes;
import org.hozon.dicomweb.multipart.MultipartWriter;
import org.hozon.dicomweb.multipart.PartHeaders;

/**
 * A {@code multipart/related} body whose parts are byte ranges of stored files sent unchanged:
 * whole instances as stored (the {@code transfer-syntax=*} retrieve, and any retrieve that needs
 * no transcoding) or frames as stored. Its length is known before the first byte (the framing
 * plus the ranges), so the response can carry a Content-Length, and each range goes out through
 * a {@link FileTransfer}: with Undertow, a range that ends the file goes by {@code sendfile} and
 * its bytes never enter the JVM.
 */
public final class RangeMultipart {
    /** One part: its Content-Type and the ranges of one instance's file that make its body. */
    public record Part(String contentType, StoredInstance instance, List<PixelData.Segment> ranges,
            boolean wholeFile) {
        long length() {
            long n = 0;
            for (PixelData.Segment s : ranges) {
                n += s.length();
            }
            return n;
        }
    }

    private final List<Part> parts;
    private final String rootType;
    private final String boundary;
    private final long length;

    private RangeMultipart(List<Part> parts, String rootType, String boundary) {
        this.parts = List.copyOf(parts);
        this.rootType = rootType;
        this.boundary = boundary;
        CountingStream framing = new CountingStream();
        try {
            write(framing, part -> { });
        } catch (IOException e) {
            throw new IllegalStateException("cannot happen: counting bytes", e);
        }
        long n = framing.count;
        for (Part p : this.parts) {
            n += p.length();
        }
        this.length = n;
    }

    /** Instances exactly as stored, each in an {@code application/dicom} part naming its transfer syntax. */
    public static RangeMultipart asStored(List<StoredInstance> instances, String boundary) {
        List<Part> parts = new ArrayList<>(instances.size());
        for (StoredInstance i : instances) {
            parts.add(new Part(MediaTypes.APPLICATION_DICOM + ";transfer-syntax=" + i.transferSyntaxUid(), i,
                    List.of(new PixelData.Segment(0, i.size())), true));
        }
        return new RangeMultipart(parts, MediaTypes.APPLICATION_DICOM, boundary);
    }

    /** Frames of {@code instance} as stored, one part each, of type {@code partType}. */
    public static RangeMultipart frames(StoredInstance instance, List<PixelData.Frame> frames, String rootType,
            String partType, String boundary) {
        List<Part> parts = new ArrayList<>(frames.size());
        for (PixelData.Frame f : frames) {
            parts.add(new Part(partType, instance, f.segments(), false));
        }
        return new RangeMultipart(parts, rootType, boundary);
    }

    /** The exact number of bytes {@link #writeTo} writes. */
    public long length() {
        return length;
    }

    /** The Content-Type of the body. */
    public String contentType() {
        return MultipartWriter.contentType(rootType, boundary);
    }

    /**
     * Writes the body: the framing to {@code out}, the ranges through {@code transfer}, which
     * must write to {@code out} too. Fails (the response is then cut short) if a whole file is
     * not the size the index gives, or a file ends before a range, since the length was announced.
     */
    public void writeTo(OutputStream out, FileTransfer transfer) throws IOException {
        write(out, part -> {
            try (FileChannel ch = FileChannel.open(part.instance().file(), StandardOpenOption.READ)) {
                if (part.wholeFile() && ch.size() != part.instance().size()) {
                    throw new IOException("stored file " + part.instance().file() + " has " + ch.size()
                            + " bytes, the index says " + part.instance().size());
                }
                for (PixelData.Segment s : part.ranges()) {
                    transfer.transfer(ch, s.offset(), s.length());
                }
            }
        });
    }

    /** What to do for a part's body, between its headers and the next delimiter. */
    @FunctionalInterface
    private interface PartBody {
        void write(Part part) throws IOException;
    }

    /**
     * The framing comes from {@link MultipartWriter}; a part's body is written to {@code out}
     * itself while the part is open, which is what the part stream would do (it writes straight
     * through), without the copy through an {@code OutputStream}.
     */
    private void write(OutputStream out, PartBody body) throws IOException {
        MultipartWriter writer = new MultipartWriter(out, boundary);
        for (Part part : parts) {
            try (OutputStream ignored = writer.openPart(PartHeaders.of("Content-Type", part.contentType()))) {
                body.write(part);
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
