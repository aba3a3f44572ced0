package org.hozon.dicom.json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParserFactory;

import org.hozon.dicom.Dataset;
import org.hozon.dicom.Sequence;
import org.hozon.dicom.Tags;
import org.hozon.dicom.VR;

/**
 * Reads DICOM JSON from one {@link JsonParser} event by event: the work behind
 * {@link DicomJsonReader}. Holds the state of one document, so it is used by one thread.
 *
 * <p>Text values of the VRs that depend on the Specific Character Set are encoded only when their
 * top-level object is complete, so that (0008,0005) applies wherever it appears in the object and
 * in its parents.
 */
final class JsonDatasetParser {
    private static final Base64.Decoder BASE64 = Base64.getDecoder();
    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private record Deferred(Dataset dataset, int tag, VR vr, String[] values) {
    }

    private final JsonParserFactory factory;
    private final BulkDataHandler bulkDataHandler;
    private final int maxDepth;
    private final List<Deferred> deferred = new ArrayList<>();
    private final List<String> strings = new ArrayList<>();
    private final NumberParser numbers = new NumberParser();
    private JsonParser p;
    private int depth;
    private int[] pathTags = new int[8];
    private int[] pathItems = new int[8];

    JsonDatasetParser(JsonParser parser, JsonParserFactory factory, BulkDataHandler bulkDataHandler, int maxDepth) {
        this.p = parser;
        this.factory = factory;
        this.bulkDataHandler = bulkDataHandler;
        this.maxDepth = maxDepth;
    }

    /** Reads a document: one object, or an array of objects, each handed to {@code consumer}. */
    void readDocument(Consumer<Dataset> consumer, boolean objectOnly) {
        Event e = next();
        if (e == Event.START_OBJECT) {
            consumer.accept(readTopLevel());
        } else if (e == Event.START_ARRAY && !objectOnly) {
            while ((e = next()) != Event.END_ARRAY) {
                if (e != Event.START_OBJECT) {
                    throw error("an array of DICOM JSON objects holds " + e);
                }
                consumer.accept(readTopLevel());
            }
        } else {
            throw error(objectOnly ? "expected a DICOM JSON object, found " + e
                    : "expected a DICOM JSON object or array, found " + e);
        }
        if (p.hasNext()) {
            throw error("content after the end of the document");
        }
    }

    private Dataset readTopLevel() {
        Dataset dataset = new Dataset();
        depth = 0;
        deferred.clear();
        readObject(dataset);
        for (Deferred d : deferred) {
            d.dataset.setString(d.tag, d.vr, d.values);
        }
        deferred.clear();
        return dataset;
    }

    /** Reads the members of a data set object; its START_OBJECT has been consumed. */
    private void readObject(Dataset dataset) {
        Event e;
        while ((e = next()) != Event.END_OBJECT) {
            String name = p.getString();
            long tag = TagNames.parse(name);
            if (tag < 0) {
                throw error("attribute name \"" + name + "\" is not eight hexadecimal digits");
            }
            if (next() != Event.START_OBJECT) {
                throw error("attribute " + name + " is not a JSON object");
            }
            pathTags[depth] = (int) tag;
            readAttribute(dataset, (int) tag);
        }
    }

    private void readAttribute(Dataset dataset, int tag) {
        VR vr = null;
        JsonArray early = null;
        String inline = null;
        String uri = null;
        boolean value = false;
        int kinds = 0;
        Event e;
        while ((e = next()) != Event.END_OBJECT) {
            String key = p.getString();
            e = next();
            switch (key) {
                case "vr":
                    vr = parseVr(tag, e);
                    break;
                case "Value":
                    checkOneKind(tag, ++kinds);
                    value = true;
                    if (e == Event.START_ARRAY) {
                        if (vr != null) {
                            readValues(dataset, tag, vr);
                        } else {
                            // "vr" comes later: keep just this value, re-read once the VR is known.
                            early = capture(e).asJsonArray();
                        }
                    } else if (e != Event.VALUE_NULL) {
                        throw error(Tags.toString(tag) + ": Value is not an array");
                    }
                    break;
                case "InlineBinary":
                    checkOneKind(tag, ++kinds);
                    inline = string(tag, key, e);
                    break;
                case "BulkDataURI":
                    checkOneKind(tag, ++kinds);
                    uri = string(tag, key, e);
                    break;
                default:
                    skip(e); // unknown members are ignored
            }
        }
        if (vr == null) {
            throw error(Tags.toString(tag) + " has no \"vr\"");
        }
        if (early != null) {
            JsonParser outer = p;
            try (JsonParser inner = factory.createParser(early)) {
                p = inner;
                p.next();
                readValues(dataset, tag, vr);
            } finally {
                p = outer;
            }
        } else if (inline != null) {
            dataset.set(tag, vr, decodeInline(tag, vr, inline));
        } else if (uri != null) {
            bulkDataUri(dataset, tag, vr, uri);
        } else if (!value || !dataset.contains(tag)) {
            dataset.set(tag, vr, null);
        }
    }

    private void checkOneKind(int tag, int kinds) {
        if (kinds > 1) {
            throw error(Tags.toString(tag) + " has more than one of Value, InlineBinary and BulkDataURI");
        }
    }

    private VR parseVr(int tag, Event e) {
        String code = e == Event.VALUE_STRING ? p.getString() : "";
        VR vr = null;
        if (code.length() == 2 && code.charAt(0) >= 'A' && code.charAt(0) <= 'Z'
                && code.charAt(1) >= 'A' && code.charAt(1) <= 'Z') {
            vr = VR.ofCode((code.charAt(0) << 8) | code.charAt(1));
        }
        if (vr == null) {
            throw error(Tags.toString(tag) + ": \"vr\" is not a DICOM VR: " + (e == Event.VALUE_STRING ? code : e));
        }
        return vr;
    }

    private String string(int tag, String key, Event e) {
        if (e != Event.VALUE_STRING) {
            throw error(Tags.toString(tag) + ": " + key + " is not a string");
        }
        return p.getString();
    }

    /** Reads a "Value" array; its START_ARRAY has been consumed. */
    private void readValues(Dataset dataset, int tag, VR vr) {
        switch (vr.kind()) {
            case SEQUENCE:
                readItems(dataset, tag);
                break;
            case STRING:
            case TEXT:
                readStrings(dataset, tag, vr);
                break;
            default:
                if (JsonEmitter.isOtherBinary(vr)) {
                    throw error(Tags.toString(tag) + ": " + vr + " is written as InlineBinary or BulkDataURI, not Value");
                }
                readNumbers(dataset, tag, vr);
        }
    }

    private void readItems(Dataset dataset, int tag) {
        Sequence sequence = dataset.newSequence(tag);
        int level = depth;
        if (level + 1 >= maxDepth) {
            throw error("sequences nested deeper than " + maxDepth);
        }
        if (level + 1 >= pathTags.length) {
            pathTags = Arrays.copyOf(pathTags, pathTags.length * 2);
            pathItems = Arrays.copyOf(pathItems, pathItems.length * 2);
        }
        int number = 0;
        Event e;
        while ((e = next()) != Event.END_ARRAY) {
            Dataset item = sequence.addItem();
            pathItems[level] = ++number;
            if (e == Event.VALUE_NULL) {
                continue; // read as an empty item
            }
            if (e != Event.START_OBJECT) {
                throw error(Tags.toString(tag) + ": a sequence item is not a JSON object");
            }
            depth = level + 1;
            readObject(item);
            depth = level;
        }
    }

    private void readStrings(Dataset dataset, int tag, VR vr) {
        strings.clear();
        Event e;
        while ((e = next()) != Event.END_ARRAY) {
            switch (e) {
                case VALUE_STRING:
                    strings.add(p.getString());
                    break;
                case VALUE_NUMBER:
                    strings.add(vr == VR.IS || vr == VR.DS ? numberText(tag, vr) : p.getString());
                    break;
                case VALUE_NULL:
                    strings.add("");
                    break;
                case START_OBJECT:
                    if (vr != VR.PN) {
                        throw error(Tags.toString(tag) + ": " + vr + " value is a JSON object");
                    }
                    strings.add(readPersonName(tag));
                    break;
                default:
                    throw error(Tags.toString(tag) + ": unexpected " + e + " in Value");
            }
        }
        if (strings.isEmpty()) {
            dataset.set(tag, vr, null);
            return;
        }
        if (vr.kind() == VR.Kind.TEXT && strings.size() > 1) {
            throw error(Tags.toString(tag) + ": " + vr + " holds a single value, found " + strings.size());
        }
        String[] values = strings.toArray(new String[0]);
        if (vr.characterSetSensitive()) {
            dataset.set(tag, vr, null); // placeholder keeps the order; encoded at the end
            deferred.add(new Deferred(dataset, tag, vr, values));
        } else {
            dataset.setString(tag, vr, values);
        }
    }

    private String numberText(int tag, VR vr) {
        try {
            return vr == VR.IS ? numbers.integerString(p.getString()) : numbers.decimalString(p.getString());
        } catch (NumberFormatException | ArithmeticException ex) {
            throw error(Tags.toString(tag) + ": " + vr + " value " + p.getString() + ": " + ex.getMessage());
        }
    }

    /** Joins the component groups with '=' (F.2.2); the START_OBJECT has been consumed. */
    private String readPersonName(int tag) {
        String alphabetic = "";
        String ideographic = "";
        String phonetic = "";
        Event e;
        while ((e = next()) != Event.END_OBJECT) {
            String key = p.getString();
            e = next();
            if (e != Event.VALUE_STRING && e != Event.VALUE_NULL) {
                skip(e);
                continue;
            }
            String group = e == Event.VALUE_STRING ? p.getString() : "";
            switch (key) {
                case "Alphabetic": alphabetic = group; break;
                case "Ideographic": ideographic = group; break;
                case "Phonetic": phonetic = group; break;
                default: break; // unknown members are ignored
            }
        }
        if (!phonetic.isEmpty()) {
            return alphabetic + '=' + ideographic + '=' + phonetic;
        }
        return ideographic.isEmpty() ? alphabetic : alphabetic + '=' + ideographic;
    }

    private void readNumbers(Dataset dataset, int tag, VR vr) {
        numbers.reset(vr, dataset.bigEndian());
        Event e;
        while ((e = next()) != Event.END_ARRAY) {
            if (e == Event.VALUE_NULL) {
                throw error(Tags.toString(tag) + ": " + vr + " cannot hold an empty (null) value");
            }
            if (e != Event.VALUE_NUMBER && e != Event.VALUE_STRING) {
                throw error(Tags.toString(tag) + ": unexpected " + e + " in Value");
            }
            if (vr == VR.AT && e != Event.VALUE_STRING) {
                throw error(Tags.toString(tag) + ": AT values are strings of eight hexadecimal digits");
            }
            try {
                numbers.add(p.getString());
            } catch (NumberFormatException | ArithmeticException ex) {
                throw error(Tags.toString(tag) + ": " + vr + " value " + p.getString() + ": " + ex.getMessage());
            }
        }
        dataset.set(tag, vr, numbers.bytes());
    }

    private byte[] decodeInline(int tag, VR vr, String base64) {
        if (vr == VR.SQ) {
            throw error(Tags.toString(tag) + ": a sequence cannot be InlineBinary");
        }
        byte[] b;
        try {
            b = BASE64.decode(base64);
        } catch (IllegalArgumentException ex) {
            throw error(Tags.toString(tag) + ": InlineBinary is not base64: " + ex.getMessage());
        }
        int unit = Math.max(1, vr.bytesPerValue());
        if (vr.isBinary() && vr != VR.AT && b.length % unit != 0) {
            throw error(Tags.toString(tag) + ": " + b.length + " bytes are not a whole number of " + vr + " values");
        }
        if ((b.length & 1) != 0) {
            b = Arrays.copyOf(b, b.length + 1);
            b[b.length - 1] = (byte) vr.paddingByte();
        }
        return b;
    }

    private void bulkDataUri(Dataset dataset, int tag, VR vr, String uri) {
        if (vr == VR.SQ) {
            throw error(Tags.toString(tag) + ": a sequence cannot be a BulkDataURI");
        }
        if (bulkDataHandler == null) {
            throw error(Tags.toString(tag) + " has a BulkDataURI but the reader has no BulkDataHandler");
        }
        dataset.set(tag, vr, null);
        bulkDataHandler.bulkData(new BulkDataReference(dataset, TagPath.of(pathTags, pathItems, depth + 1), vr, uri));
    }

    /** Skips the value that starts with {@code e}. (JSON-P's skipObject/skipArray are optional.) */
    private void skip(Event e) {
        if (e != Event.START_OBJECT && e != Event.START_ARRAY) {
            return;
        }
        int level = 1;
        while (level > 0) {
            Event x = next();
            if (x == Event.START_OBJECT || x == Event.START_ARRAY) {
                level++;
            } else if (x == Event.END_OBJECT || x == Event.END_ARRAY) {
                level--;
            }
        }
    }

    /**
     * The value starting with {@code e} as a small tree, for a "Value" met before its "vr".
     * (JSON-P's getArray is optional; this works on any parser.)
     */
    private JsonValue capture(Event e) {
        Event x;
        switch (e) {
            case START_ARRAY:
                JsonArrayBuilder array = PROVIDER.createArrayBuilder();
                while ((x = next()) != Event.END_ARRAY) {
                    array.add(capture(x));
                }
                return array.build();
            case START_OBJECT:
                JsonObjectBuilder object = PROVIDER.createObjectBuilder();
                while ((x = next()) != Event.END_OBJECT) {
                    String key = p.getString();
                    object.add(key, capture(next()));
                }
                return object.build();
            case VALUE_STRING:
                return PROVIDER.createValue(p.getString());
            case VALUE_NUMBER:
                return PROVIDER.createValue(p.getBigDecimal());
            case VALUE_TRUE:
                return JsonValue.TRUE;
            case VALUE_FALSE:
                return JsonValue.FALSE;
            default:
                return JsonValue.NULL;
        }
    }

    private Event next() {
        if (!p.hasNext()) {
            throw error("unexpected end of the JSON document");
        }
        return p.next();
    }

    DicomJsonException error(String message) {
        JsonLocation at = p.getLocation();
        if (at == null || at.getStreamOffset() < 0) {
            return new DicomJsonException(message);
        }
        return new DicomJsonException(message + " (line " + at.getLineNumber() + ", column "
                + at.getColumnNumber() + ")", at.getStreamOffset(), null);
    }
}
