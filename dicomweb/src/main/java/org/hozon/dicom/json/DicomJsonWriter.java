package org.hozon.dicom.json;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;

import org.hozon.dicom.Dataset;

/**
 * Writes data sets in the DICOM JSON Model (PS3.18 Annex F), streaming through a JSON-P
 * {@link JsonGenerator}: a metadata response of thousands of instances is written instance after
 * instance without building a tree.
 *
 * <p>Encoding choices, beyond what Annex F spells out:
 * <ul>
 * <li>IS and DS are JSON numbers. A DS written in a FORTRAN form JSON lacks ({@code +1},
 *     {@code .5}, {@code 1.}, {@code 007}) is rewritten textually to the equal JSON number
 *     ({@code 1}, {@code 0.5}, {@code 1}, {@code 7}) keeping all digits; an IS or DS that is not
 *     a number at all is written as a JSON string (allowed by Table F.2.3-1). Magnitudes are not
 *     limited: an IS beyond 64 bits is still written as a number literal.</li>
 * <li>FL and FD values that are NaN or infinite are written as the strings {@code "NaN"},
 *     {@code "Infinity"}, {@code "-Infinity"}; finite FL values use the shortest decimal that
 *     reads back as the same float.</li>
 * <li>An empty value inside a multi-valued attribute is {@code null}; an attribute whose values
 *     are all empty has only {@code "vr"} (F.2.5).</li>
 * <li>Pixel Data (and Float / Double Float Pixel Data) is always a {@code BulkDataURI};
 *     OB, OD, OF, OL, OV, OW and UN values longer than the threshold are too, when a
 *     {@link BulkDataUriBuilder} is set; values not in memory ({@code BulkData},
 *     {@code Fragments}) always need one. Without a builder these raise
 *     {@link DicomJsonException}; other binary values are {@code InlineBinary}, little endian.</li>
 * <li>Group Length elements are never written; group 0002 only if asked for.</li>
 * </ul>
 *
 * <p>Instances are immutable and thread-safe; configure with the {@code with...} methods.
 */
public final class DicomJsonWriter {
    /** Default size in bytes above which binary values become a BulkDataURI (with a builder). */
    public static final int DEFAULT_BULK_DATA_THRESHOLD = 1024;

    private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

    private final BulkDataUriBuilder uriBuilder;
    private final int threshold;
    private final boolean fileMetaInformation;

    /** A writer without a bulk data URI builder, default threshold, without group 0002. */
    public DicomJsonWriter() {
        this(null, DEFAULT_BULK_DATA_THRESHOLD, false);
    }

    private DicomJsonWriter(BulkDataUriBuilder uriBuilder, int threshold, boolean fileMetaInformation) {
        this.uriBuilder = uriBuilder;
        this.threshold = threshold;
        this.fileMetaInformation = fileMetaInformation;
    }

    /** A copy that asks {@code builder} for BulkDataURIs (null: none). */
    public DicomJsonWriter withBulkDataUriBuilder(BulkDataUriBuilder builder) {
        return new DicomJsonWriter(builder, threshold, fileMetaInformation);
    }

    /** A copy that writes binary values longer than {@code bytes} as BulkDataURI. */
    public DicomJsonWriter withBulkDataThreshold(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("threshold " + bytes);
        }
        return new DicomJsonWriter(uriBuilder, bytes, fileMetaInformation);
    }

    /** A copy that also writes File Meta Information (group 0002) elements. */
    public DicomJsonWriter withFileMetaInformation(boolean include) {
        return new DicomJsonWriter(uriBuilder, threshold, include);
    }

    /** Creates a UTF-8 generator from the shared factory; closing it closes {@code out}. */
    public static JsonGenerator createGenerator(OutputStream out) {
        return GENERATORS.createGenerator(out, StandardCharsets.UTF_8);
    }

    /**
     * Writes {@code dataset} as one JSON object, the next value of {@code generator} (the whole
     * document, or an element of an array the caller has started).
     */
    public void write(Dataset dataset, JsonGenerator generator) {
        emitter(generator).write(dataset);
    }

    /** Writes {@code dataset} as a JSON object document to {@code out}, which is left open. */
    public void write(Dataset dataset, OutputStream out) {
        try (JsonGenerator g = createGenerator(new KeepOpen(out))) {
            write(dataset, g);
        }
    }

    /** Writes the data sets as a JSON array document to {@code out}, which is left open. */
    public void writeArray(Iterable<Dataset> datasets, OutputStream out) {
        try (ArrayStream array = openArray(out)) {
            for (Dataset dataset : datasets) {
                array.write(dataset);
            }
        }
    }

    /**
     * Starts a JSON array on {@code out} (left open when the array is closed) to which data sets
     * are written one by one, e.g. as a metadata response reads instance after instance.
     */
    public ArrayStream openArray(OutputStream out) {
        JsonGenerator g = createGenerator(new KeepOpen(out));
        g.writeStartArray();
        return new ArrayStream(emitter(g));
    }

    /** The JSON object document of {@code dataset} as a string (tests, logging). */
    public String toJson(Dataset dataset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(dataset, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private JsonEmitter emitter(JsonGenerator g) {
        return new JsonEmitter(g, uriBuilder, threshold, fileMetaInformation);
    }

    /** A JSON array being written; {@link #close} ends the array and flushes. */
    public static final class ArrayStream implements Closeable {
        private final JsonEmitter emitter;

        private ArrayStream(JsonEmitter emitter) {
            this.emitter = emitter;
        }

        /** Appends {@code dataset} to the array. */
        public void write(Dataset dataset) {
            emitter.write(dataset);
        }

        /** Flushes what has been written so far to the output stream. */
        public void flush() {
            emitter.generator().flush();
        }

        @Override
        public void close() {
            emitter.generator().writeEnd();
            emitter.generator().close();
        }
    }

    /** Lets the generator flush but not close the caller's stream. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
