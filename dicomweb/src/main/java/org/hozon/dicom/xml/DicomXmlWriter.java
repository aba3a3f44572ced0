package org.hozon.dicom.xml;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.function.BiFunction;

import org.hozon.dicom.BulkData;
import org.hozon.dicom.ByteOrder;
import org.hozon.dicom.Dataset;
import org.hozon.dicom.Fragments;
import org.hozon.dicom.Sequence;
import org.hozon.dicom.Tags;
import org.hozon.dicom.VR;
import org.hozon.dicom.dict.ElementDictionary;

/**
 * Writes a data set as the Native DICOM Model (PS3.19 Annex A), the XML of
 * {@code application/dicom+xml}, streaming: one pass over the data set, nothing built in memory.
 *
 * <p>Each element becomes {@code <DicomAttribute tag="GGGGEEEE" vr=".." keyword="..">} with
 * {@code <Value number="n">} per value (numbered from 1; empty values are left out, so numbers
 * may skip), {@code <PersonName>} with {@code Alphabetic/Ideographic/Phonetic} groups and their
 * components for PN, {@code <Item number="n">} for sequence items, {@code <InlineBinary>} for
 * binary values held in memory, and {@code <BulkData uri="..">} for values left in the source
 * (when a URI function is given; otherwise such values are written as empty attributes).
 * Strings are decoded with the data set's Specific Character Set; the XML is UTF-8. Characters
 * XML 1.0 cannot carry (control characters other than tab, line feed and carriage return) are
 * written as U+FFFD. Group lengths and File Meta Information are not written.
 */
public final class DicomXmlWriter {
    /** The namespace of the Native DICOM Model. */
    public static final String NAMESPACE = "http://dicom.nema.org/PS3.19/models/NativeDICOM";
    private static final String[] GROUPS = {"Alphabetic", "Ideographic", "Phonetic"};
    private static final String[] COMPONENTS = {"FamilyName", "GivenName", "MiddleName", "NamePrefix", "NameSuffix"};

    private BiFunction<Dataset, Integer, String> bulkDataUri = (ds, tag) -> null;

    /**
     * Sets the function giving the BulkData URI of a value left in the source ({@link BulkData}
     * or {@link Fragments}), from the data set holding it and its tag; null means none.
     *
     * @return this writer
     */
    public DicomXmlWriter withBulkDataUri(BiFunction<Dataset, Integer, String> uris) {
        this.bulkDataUri = Objects.requireNonNull(uris);
        return this;
    }

    /**
     * Writes {@code dataset} as a complete XML document to {@code out} (not closed).
     *
     * @throws IOException if {@code out} fails
     */
    public void write(Dataset dataset, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 8192);
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<NativeDicomModel xmlns=\"");
        w.write(NAMESPACE);
        w.write("\" xml:space=\"preserve\">");
        writeElements(dataset, w);
        w.write("</NativeDicomModel>\n");
        w.flush();
    }

    private void writeElements(Dataset ds, Writer w) throws IOException {
        for (int i = 0, n = ds.size(); i < n; i++) {
            int tag = ds.tagAt(i);
            if (Tags.isGroupLength(tag) || Tags.group(tag) == 0x0002) {
                continue;
            }
            writeElement(ds, tag, ds.vrAt(i), ds.valueAt(i), w);
        }
    }

    private void writeElement(Dataset ds, int tag, VR vr, Object value, Writer w) throws IOException {
        w.write("<DicomAttribute tag=\"");
        w.write(Tags.toHex(tag));
        w.write("\" vr=\"");
        w.write(vr.name());
        w.write('"');
        String keyword = Tags.isPrivate(tag) ? null : ElementDictionary.keywordOf(tag);
        if (keyword != null && !keyword.isEmpty()) {
            w.write(" keyword=\"");
            w.write(keyword);
            w.write('"');
        }
        w.write('>');
        if (value instanceof Sequence sequence) {
            int number = 1;
            for (Dataset item : sequence) {
                w.write("<Item number=\"" + number++ + "\">");
                writeElements(item, w);
                w.write("</Item>");
            }
        } else if (value instanceof BulkData || value instanceof Fragments) {
            String uri = bulkDataUri.apply(ds, tag);
            if (uri != null) {
                w.write("<BulkData uri=\"");
                text(uri, w);
                w.write("\"/>");
            }
        } else if (value instanceof byte[] bytes && bytes.length > 0) {
            writeValues(ds, tag, vr, bytes, w);
        }
        w.write("</DicomAttribute>");
    }

    private void writeValues(Dataset ds, int tag, VR vr, byte[] b, Writer w) throws IOException {
        if (vr == VR.PN) {
            String[] names = ds.getStrings(tag);
            for (int k = 0; k < names.length; k++) {
                if (!names[k].isEmpty()) {
                    personName(k + 1, names[k], w);
                }
            }
        } else if (vr.kind() == VR.Kind.STRING || vr.kind() == VR.Kind.TEXT) {
            String[] values = ds.getStrings(tag);
            for (int k = 0; k < values.length; k++) {
                if (!values[k].isEmpty()) {
                    value(k + 1, values[k], w);
                }
            }
        } else if (vr == VR.OB || vr == VR.OD || vr == VR.OF || vr == VR.OL || vr == VR.OV || vr == VR.OW
                || vr == VR.UN) {
            w.write("<InlineBinary>");
            w.write(Base64.getEncoder().encodeToString(b));
            w.write("</InlineBinary>");
        } else {
            numbers(vr, b, ds.bigEndian(), w);
        }
    }

    private static void numbers(VR vr, byte[] b, boolean bigEndian, Writer w) throws IOException {
        int width = vr.bytesPerValue();
        for (int off = 0, k = 1; off + width <= b.length; off += width, k++) {
            String text = switch (vr) {
                case US -> Integer.toString(ByteOrder.u16(b, off, bigEndian));
                case SS -> Integer.toString((short) ByteOrder.u16(b, off, bigEndian));
                case UL -> Long.toString(ByteOrder.i32(b, off, bigEndian) & 0xFFFFFFFFL);
                case SL -> Integer.toString(ByteOrder.i32(b, off, bigEndian));
                case SV -> Long.toString(ByteOrder.i64(b, off, bigEndian));
                case UV -> Long.toUnsignedString(ByteOrder.i64(b, off, bigEndian));
                case FL -> Float.toString(Float.intBitsToFloat(ByteOrder.i32(b, off, bigEndian)));
                case FD -> Double.toString(Double.longBitsToDouble(ByteOrder.i64(b, off, bigEndian)));
                case AT -> Tags.toHex(ByteOrder.tag(b, off, bigEndian));
                default -> null;
            };
            if (text != null) {
                value(k, text, w);
            }
        }
    }

    private static void value(int number, String text, Writer w) throws IOException {
        w.write("<Value number=\"" + number + "\">");
        text(text, w);
        w.write("</Value>");
    }

    private static void personName(int number, String name, Writer w) throws IOException {
        w.write("<PersonName number=\"" + number + "\">");
        String[] groups = name.split("=", -1);
        for (int g = 0; g < Math.min(groups.length, GROUPS.length); g++) {
            if (groups[g].isEmpty()) {
                continue;
            }
            w.write('<');
            w.write(GROUPS[g]);
            w.write('>');
            String[] components = groups[g].split("\\^", -1);
            for (int c = 0; c < Math.min(components.length, COMPONENTS.length); c++) {
                if (!components[c].isEmpty()) {
                    w.write('<');
                    w.write(COMPONENTS[c]);
                    w.write('>');
                    text(components[c], w);
                    w.write("</");
                    w.write(COMPONENTS[c]);
                    w.write('>');
                }
            }
            w.write("</");
            w.write(GROUPS[g]);
            w.write('>');
        }
        w.write("</PersonName>");
    }

    /** Escapes markup characters; replaces characters XML 1.0 cannot carry with U+FFFD. */
    private static void text(String s, Writer w) throws IOException {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> w.write("&amp;");
                case '<' -> w.write("&lt;");
                case '>' -> w.write("&gt;");
                case '"' -> w.write("&quot;");
                default -> {
                    boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
                    w.write(allowed ? c : '\uFFFD');
                }
            }
        }
    }
}
