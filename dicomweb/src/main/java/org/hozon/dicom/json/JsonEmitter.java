package org.hozon.dicom.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import jakarta.json.stream.JsonGenerator;

import org.hozon.dicom.ByteOrder;
import org.hozon.dicom.Dataset;
import org.hozon.dicom.Sequence;
import org.hozon.dicom.Tags;
import org.hozon.dicom.VR;
import org.hozon.dicom.charset.PersonName;
import org.hozon.dicom.charset.SpecificCharacterSet;

/**
 * Writes data sets into one {@link JsonGenerator}: the work behind {@link DicomJsonWriter}. Holds
 * the state of one output (the current tag path, scratch buffers) so it is used by one thread.
 */
final class JsonEmitter {
    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private final JsonGenerator g;
    private final BulkDataUriBuilder uriBuilder;
    private final int threshold;
    private final boolean fileMeta;

    private Dataset root;
    private int depth;
    private int[] pathTags = new int[8];
    private int[] pathItems = new int[8];
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private byte[] scratch = new byte[64];
    private SpecificCharacterSet lastCharset;
    private boolean lastCharsetAscii;

    JsonEmitter(JsonGenerator g, BulkDataUriBuilder uriBuilder, int threshold, boolean fileMeta) {
        this.g = g;
        this.uriBuilder = uriBuilder;
        this.threshold = threshold;
        this.fileMeta = fileMeta;
    }

    JsonGenerator generator() {
        return g;
    }

    /** Writes {@code dataset} as one JSON object (the next value of the generator). */
    void write(Dataset dataset) {
        root = dataset;
        depth = 0;
        g.writeStartObject();
        writeElements(dataset);
        g.writeEnd();
        root = null;
    }

    private void writeElements(Dataset ds) {
        for (int i = 0, n = ds.size(); i < n; i++) {
            int tag = ds.tagAt(i);
            // Group Length is never written (F.2.2); File Meta Information only on request.
            if (Tags.isGroupLength(tag) || (!fileMeta && Tags.group(tag) == 0x0002)) {
                continue;
            }
            pathTags[depth] = tag;
            Object value = ds.valueAt(i);
            VR vr = value instanceof Sequence ? VR.SQ : ds.vrAt(i);
            g.writeStartObject(TagNames.hex(tag));
            g.write("vr", vr.name());
            if (value instanceof Sequence) {
                writeItems((Sequence) value);
            } else if (value instanceof byte[]) {
                writeBytes(ds, tag, vr, (byte[]) value);
            } else {
                writeUri(tag, vr, value, "its value is not in memory (" + value.getClass().getSimpleName() + ")");
            }
            g.writeEnd();
        }
    }

    private void writeItems(Sequence sequence) {
        if (sequence.isEmpty()) {
            return;
        }
        int level = depth;
        if (level + 1 >= pathTags.length) {
            pathTags = Arrays.copyOf(pathTags, pathTags.length * 2);
            pathItems = Arrays.copyOf(pathItems, pathItems.length * 2);
        }
        g.writeStartArray("Value");
        int number = 0;
        for (Dataset item : sequence) {
            pathItems[level] = ++number;
            depth = level + 1;
            g.writeStartObject();
            writeElements(item);
            g.writeEnd();
        }
        depth = level;
        g.writeEnd();
    }

    private void writeBytes(Dataset ds, int tag, VR vr, byte[] b) {
        if (b.length == 0) {
            return;
        }
        if (Tags.isPixelData(tag)) {
            writeUri(tag, vr, b, "Pixel Data is always written as BulkDataURI");
            return;
        }
        if (uriBuilder != null && isOtherBinary(vr) && b.length > threshold) {
            writeUri(tag, vr, b, null);
            return;
        }
        switch (vr.kind()) {
            case STRING:
            case TEXT:
                writeStrings(ds, vr, b);
                break;
            default:
                writeBinary(ds, vr, b);
        }
    }

    /** OB, OD, OF, OL, OV, OW and UN: the VRs written as InlineBinary. */
    static boolean isOtherBinary(VR vr) {
        return vr.isBulkCandidate();
    }

    private void writeUri(int tag, VR vr, Object value, String reason) {
        if (uriBuilder == null) {
            throw new DicomJsonException(Tags.toString(tag) + " " + vr + ": " + reason
                    + "; a BulkDataUriBuilder is needed to write it");
        }
        TagPath path = TagPath.of(pathTags, pathItems, depth + 1);
        String uri = uriBuilder.uri(root, path, vr, value);
        if (uri == null) {
            throw new DicomJsonException("BulkDataUriBuilder returned no URI for " + path);
        }
        g.write("BulkDataURI", uri);
    }

    // ---- strings ------------------------------------------------------------------------

    private void writeStrings(Dataset ds, VR vr, byte[] b) {
        if (vr.characterSetSensitive() && !isAsciiIn(ds, b)) {
            writeDecoded(ds.charset(), vr, b);
            return;
        }
        int count = split(vr, b);
        boolean any = false;
        for (int k = 0; k < count; k++) {
            any |= ends[k] > starts[k];
        }
        if (!any) {
            return;
        }
        g.writeStartArray("Value");
        for (int k = 0; k < count; k++) {
            int s = starts[k];
            int e = ends[k];
            if (e == s) {
                g.writeNull();
            } else if (vr == VR.IS || vr == VR.DS) {
                writeNumberText(b, s, e, vr == VR.IS);
            } else {
                String value = new String(b, s, e - s, StandardCharsets.ISO_8859_1);
                if (vr == VR.PN) {
                    writePersonName(value);
                } else {
                    g.write(value);
                }
            }
        }
        g.writeEnd();
    }

    /** Splits on backslash (not for TEXT VRs) and trims padding; fills starts/ends. */
    private int split(VR vr, byte[] b) {
        int count = 0;
        int start = 0;
        boolean multi = vr.kind() == VR.Kind.STRING;
        for (int i = 0; i <= b.length; i++) {
            if (i == b.length || (multi && b[i] == '\\')) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                    ends = Arrays.copyOf(ends, count * 2);
                }
                int s = start;
                int e = i;
                while (e > s && (b[e - 1] == ' ' || b[e - 1] == 0)) {
                    e--;
                }
                if (trimsLeading(vr)) {
                    while (s < e && b[s] == ' ') {
                        s++;
                    }
                }
                starts[count] = s;
                ends[count] = e;
                count++;
                start = i + 1;
            }
        }
        return count;
    }

    /** Leading spaces are insignificant except in PN, UC and the text VRs (PS3.5 §6.2). */
    private static boolean trimsLeading(VR vr) {
        return vr.kind() == VR.Kind.STRING && vr != VR.PN && vr != VR.UC;
    }

    private void writeNumberText(byte[] b, int s, int e, boolean integer) {
        int need = NumberText.maxLength(e - s);
        if (scratch.length < need) {
            scratch = new byte[need];
        }
        String literal = NumberText.toJson(b, s, e, integer, scratch);
        if (literal != null) {
            g.write(new NumberLiteral(literal));
        } else {
            // Not a number: PS3.18 Table F.2.3-1 allows a string for IS and DS.
            g.write(new String(b, s, e - s, StandardCharsets.ISO_8859_1));
        }
    }

    private void writeDecoded(SpecificCharacterSet cs, VR vr, byte[] b) {
        if (vr == VR.PN) {
            writeDecodedNames(cs.decodePersonNames(b, 0, b.length));
            return;
        }
        List<String> values = vr.kind() == VR.Kind.TEXT
                ? List.of(cs.decode(b, 0, b.length))
                : cs.decodeValues(b, 0, b.length);
        String[] trimmed = new String[values.size()];
        boolean any = false;
        for (int k = 0; k < trimmed.length; k++) {
            trimmed[k] = trim(values.get(k), trimsLeading(vr));
            any |= !trimmed[k].isEmpty();
        }
        if (!any) {
            return;
        }
        g.writeStartArray("Value");
        for (String value : trimmed) {
            if (value.isEmpty()) {
                g.writeNull();
            } else {
                g.write(value);
            }
        }
        g.writeEnd();
    }

    /** PN values split into groups and components on the raw bytes by the character set. */
    private void writeDecodedNames(List<PersonName> names) {
        boolean any = false;
        for (PersonName name : names) {
            any |= !name.isEmpty();
        }
        if (!any) {
            return;
        }
        g.writeStartArray("Value");
        for (PersonName name : names) {
            if (name.isEmpty()) {
                g.writeNull();
                continue;
            }
            g.writeStartObject();
            writeGroup("Alphabetic", name, PersonName.Group.ALPHABETIC);
            writeGroup("Ideographic", name, PersonName.Group.IDEOGRAPHIC);
            writeGroup("Phonetic", name, PersonName.Group.PHONETIC);
            g.writeEnd();
        }
        g.writeEnd();
    }

    private void writeGroup(String key, PersonName name, PersonName.Group group) {
        if (name.hasGroup(group)) {
            g.write(key, name.format(group));
        }
    }

    private static String trim(String s, boolean leading) {
        int start = 0;
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == 0)) {
            end--;
        }
        while (leading && start < end && s.charAt(start) == ' ') {
            start++;
        }
        return s.substring(start, end);
    }

    /** True if {@code b} needs no character set decoding: 7-bit, no escape, an ASCII G0 set. */
    private boolean isAsciiIn(Dataset ds, byte[] b) {
        for (byte c : b) {
            if (c < 0 || c == 0x1B) {
                return false;
            }
        }
        SpecificCharacterSet cs = ds.charset();
        if (cs != lastCharset) {
            String[] terms = cs.definedTerms();
            // JIS X 0201 romaji (ISO_IR 13, ISO 2022 IR 13) puts the yen sign at 0x5C.
            lastCharsetAscii = terms.length == 0 || !terms[0].endsWith(" 13");
            lastCharset = cs;
        }
        return lastCharsetAscii;
    }

    /** One PN value as an object of its non-empty component groups (F.2.2). */
    private void writePersonName(String value) {
        g.writeStartObject();
        int first = value.indexOf('=');
        int second = first < 0 ? -1 : value.indexOf('=', first + 1);
        String alphabetic = first < 0 ? value : value.substring(0, first);
        String ideographic = first < 0 ? "" : second < 0 ? value.substring(first + 1) : value.substring(first + 1, second);
        String phonetic = second < 0 ? "" : value.substring(second + 1);
        if (!alphabetic.isEmpty()) {
            g.write("Alphabetic", alphabetic);
        }
        if (!ideographic.isEmpty()) {
            g.write("Ideographic", ideographic);
        }
        if (!phonetic.isEmpty()) {
            g.write("Phonetic", phonetic);
        }
        g.writeEnd();
    }

    // ---- binary -------------------------------------------------------------------------

    private void writeBinary(Dataset ds, VR vr, byte[] b) {
        boolean be = ds.bigEndian();
        if (isOtherBinary(vr)) {
            byte[] le = b;
            if (be && vr.swapsBytes()) {
                le = b.clone();
                ByteOrder.swap(le, vr.bytesPerValue());
            }
            g.write("InlineBinary", BASE64.encodeToString(le));
            return;
        }
        int n = vr.bytesPerValue();
        int count = b.length / n;
        if (count == 0) {
            return;
        }
        g.writeStartArray("Value");
        for (int k = 0, off = 0; k < count; k++, off += n) {
            switch (vr) {
                case US: g.write(ByteOrder.u16(b, off, be)); break;
                case SS: g.write((short) ByteOrder.u16(b, off, be)); break;
                case UL: g.write(ByteOrder.i32(b, off, be) & 0xFFFFFFFFL); break;
                case SL: g.write(ByteOrder.i32(b, off, be)); break;
                case SV: g.write(ByteOrder.i64(b, off, be)); break;
                case UV: writeUnsigned64(ByteOrder.i64(b, off, be)); break;
                case FL: writeFloat(Float.intBitsToFloat(ByteOrder.i32(b, off, be))); break;
                case FD: writeDouble(Double.longBitsToDouble(ByteOrder.i64(b, off, be))); break;
                case AT: g.write(TagNames.hex(ByteOrder.tag(b, off, be))); break;
                default: throw new IllegalStateException(vr.name());
            }
        }
        g.writeEnd();
    }

    private void writeUnsigned64(long v) {
        if (v >= 0) {
            g.write(v);
        } else {
            g.write(new NumberLiteral(Long.toUnsignedString(v)));
        }
    }

    private void writeFloat(float f) {
        if (Float.isFinite(f)) {
            // Float.toString gives the shortest text that reads back as the same float.
            g.write(new NumberLiteral(Float.toString(f)));
        } else {
            g.write(nonFinite(f));
        }
    }

    private void writeDouble(double d) {
        if (Double.isFinite(d)) {
            g.write(new NumberLiteral(Double.toString(d)));
        } else {
            g.write(nonFinite(d));
        }
    }

    /**
     * JSON has no NaN or infinities: they are written as the strings "NaN", "Infinity" and
     * "-Infinity", which {@link DicomJsonReader} reads back.
     */
    private static String nonFinite(double d) {
        return Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
    }
}
