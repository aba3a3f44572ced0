package org.hozon.dicom.json;

import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;

import org.hozon.dicom.Dataset;

/**
 * Reads the DICOM JSON Model (PS3.18 Annex F) into data sets, streaming with JSON-P
 * {@link JsonParser} events: no JSON tree is built for a document (only for the "Value" of an
 * attribute whose "vr" comes after it).
 *
 * <p>Values are encoded back to bytes, little endian: text with the Specific Character Set of the
 * data set (or of its parents), IS and DS from the JSON number text as written, PN objects joined
 * with {@code =}, binary numbers per VR, {@code InlineBinary} base64-decoded. A {@code null} in a
 * "Value" array is an empty value. Unknown members of attribute and PN objects are ignored; "vr",
 * "Value", "InlineBinary" and "BulkDataURI" may come in any order.
 *
 * <p>A {@code BulkDataURI} becomes an empty placeholder value reported to the
 * {@link BulkDataHandler} as a {@link BulkDataReference}, which can be resolved to the real value
 * later (STOW-RS: the bulk data part with that Content-Location). Without a handler a
 * {@code BulkDataURI} is an error rather than a silently empty value.
 *
 * <p>Anything that is not valid JSON or not valid DICOM JSON raises {@link DicomJsonException}.
 * Instances are immutable and thread-safe.
 */
public final class DicomJsonReader {
    /** Default limit on the nesting of sequences. */
    public static final int DEFAULT_MAX_DEPTH = 64;

    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    private final BulkDataHandler bulkDataHandler;
    private final int maxDepth;

    /** A reader without a bulk data handler. */
    public DicomJsonReader() {
        this(null, DEFAULT_MAX_DEPTH);
    }

    private DicomJsonReader(BulkDataHandler bulkDataHandler, int maxDepth) {
        this.bulkDataHandler = bulkDataHandler;
        this.maxDepth = maxDepth;
    }

    /** A copy that reports BulkDataURIs to {@code handler}. */
    public DicomJsonReader withBulkDataHandler(BulkDataHandler handler) {
        return new DicomJsonReader(handler, maxDepth);
    }

    /** A copy that refuses sequences nested deeper than {@code depth}. */
    public DicomJsonReader withMaxDepth(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth " + depth);
        }
        return new DicomJsonReader(bulkDataHandler, depth);
    }

    /**
     * Reads a document holding one JSON object (encoding detected: UTF-8, -16 or -32). Like every
     * read method, closes the input when done.
     */
    public Dataset read(InputStream in) {
        return single(PARSERS.createParser(in));
    }

    /** Reads a document holding one JSON object. */
    public Dataset read(Reader in) {
        return single(PARSERS.createParser(in));
    }

    /** Reads a document holding one JSON object. */
    public Dataset read(String json) {
        return read(new StringReader(json));
    }

    /** Reads a document holding an object or an array of objects. */
    public List<Dataset> readAll(InputStream in) {
        List<Dataset> out = new ArrayList<>();
        readEach(in, out::add);
        return out;
    }

    /** Reads a document holding an object or an array of objects. */
    public List<Dataset> readAll(Reader in) {
        List<Dataset> out = new ArrayList<>();
        readEach(in, out::add);
        return out;
    }

    /**
     * Reads a document holding an object or an array of objects, handing each data set to
     * {@code consumer} as soon as it is complete (and before the next one is read).
     */
    public void readEach(InputStream in, Consumer<Dataset> consumer) {
        parse(PARSERS.createParser(in), consumer, false);
    }

    /** Like {@link #readEach(InputStream, Consumer)}. */
    public void readEach(Reader in, Consumer<Dataset> consumer) {
        parse(PARSERS.createParser(in), consumer, false);
    }

    private Dataset single(JsonParser parser) {
        Dataset[] result = new Dataset[1];
        parse(parser, d -> result[0] = d, true);
        return result[0];
    }

    private void parse(JsonParser parser, Consumer<Dataset> consumer, boolean objectOnly) {
        try (parser) {
            new JsonDatasetParser(parser, PARSERS, bulkDataHandler, maxDepth).readDocument(consumer, objectOnly);
        } catch (JsonParsingException e) {
            JsonLocation at = e.getLocation();
            throw new DicomJsonException("not valid JSON: " + e.getMessage(),
                    at != null ? at.getStreamOffset() : -1, e);
        } catch (JsonException | NoSuchElementException e) {
            throw new DicomJsonException("cannot read JSON: " + e.getMessage(), -1, e);
        }
    }
}
