package org.hozon.web.dicomweb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerationException;
import jakarta.json.stream.JsonGenerator;

import org.hozon.dicom.Dataset;
import org.hozon.dicom.Tag;
import org.hozon.dicom.VR;
import org.hozon.dicom.json.DicomJsonWriter;
import org.junit.jupiter.api.Test;

/** The fast generator writes exactly what Parsson's does, for DICOM JSON and for JSON-P in general. */
class Utf8JsonGeneratorTest {

    @Test
    void writesDicomJsonByteForByteLikeParsson() {
        Dataset ds = new Dataset();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "", "AXIAL");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.840.99.1");
        ds.setString(Tag.StudyInstanceUID, VR.UI, "1.2.840.99");
        ds.setString(Tag.SeriesInstanceUID, VR.UI, "1.2.840.99.2");
        ds.setString(Tag.PatientName, VR.PN, "Yamada^Tarou=山田^太郎=やまだ^たろう");
        ds.setString(Tag.StudyDescription, VR.LO, "quote \" backslash \\ tab\t emoji \uD83D\uDE00 é");
        ds.setString(Tag.ImageComments, VR.LT, "line one\r\nline two\u0001");
        ds.setString(Tag.PixelSpacing, VR.DS, "0.68359375", ".5");
        ds.setString(Tag.InstanceNumber, VR.IS, "+12");
        ds.setInt(Tag.Rows, VR.US, 512);
        ds.setString(Tag.WindowCenter, VR.DS, "40", "-600");
        Dataset item = ds.newSequence(Tag.ReferencedImageSequence).addItem();
        item.setString(Tag.ReferencedSOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
        item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, "1.2.840.99.1.99");
        ds.newSequence(Tag.ProcedureCodeSequence);
        ds.set(Tag.PixelData, VR.OW, new byte[64]);
        DicomJsonWriter writer = new DicomJsonWriter().withBulkDataUriBuilder(
                (dataset, path, vr, value) -> "http://h/bulk/" + path);

        String parsson = parsson(g -> {
            g.writeStartArray();
            writer.write(ds, g);
            writer.write(ds, g);
            g.writeEnd();
        });
        String ours = ours(g -> {
            g.writeStartArray();
            writer.write(ds, g);
            writer.write(ds, g);
            g.writeEnd();
        });
        assertEquals(parsson, ours);
    }

    @Test
    void writesEveryJsonPValueLikeParsson() {
        JsonObject nested = Json.createObjectBuilder().add("a", 1).add("b", Json.createArrayBuilder().add("x")
                .addNull().add(true).add(new BigDecimal("1.50"))).add("c", Json.createObjectBuilder()).build();
        Consumer<JsonGenerator> doc = g -> g.writeStartObject()
                .write("s", "text").write("i", -7).write("l", Long.MIN_VALUE).write("d", 2.5e-9)
                .write("bi", new BigInteger("123456789012345678901234567890")).write("bd", new BigDecimal("-0.000"))
                .write("t", true).write("f", false).writeNull("n").write("v", nested)
                .writeStartArray("arr").write(1).write("two").writeStartObject().writeEnd().writeStartArray()
                .writeEnd().writeNull().write(nested).writeEnd()
                .writeKey("k").write("after key")
                .writeStartObject("empty").writeEnd()
                .writeEnd();
        assertEquals(parsson(doc), ours(doc));
    }

    @Test
    void longStringsCrossTheBufferIntact() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            sb.append(i % 7 == 0 ? "漢" : i % 11 == 0 ? "\"" : "a");
        }
        String s = sb.toString();
        Consumer<JsonGenerator> doc = g -> g.writeStartArray().write(s).write(s).writeEnd();
        assertEquals(parsson(doc), ours(doc));
    }

    @Test
    void refusesMalformedDocuments() {
        Utf8JsonGenerator g = new Utf8JsonGenerator(new ByteArrayOutputStream());
        g.writeStartObject();
        assertThrows(JsonGenerationException.class, () -> g.write("no name"));
        assertThrows(JsonGenerationException.class, () -> new Utf8JsonGenerator(new ByteArrayOutputStream())
                .writeStartArray().writeKey("name"));
        Utf8JsonGenerator done = new Utf8JsonGenerator(new ByteArrayOutputStream());
        done.writeStartArray().writeEnd();
        assertThrows(JsonGenerationException.class, done::writeStartArray);
        assertThrows(JsonGenerationException.class, () -> new Utf8JsonGenerator(new ByteArrayOutputStream())
                .writeEnd());
    }

    private static String parsson(Consumer<JsonGenerator> doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.createGeneratorFactory(Map.of()).createGenerator(out, StandardCharsets.UTF_8)) {
            doc.accept(g);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String ours(Consumer<JsonGenerator> doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = new Utf8JsonGenerator(out)) {
            doc.accept(g);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
