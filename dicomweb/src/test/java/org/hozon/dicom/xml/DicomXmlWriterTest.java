package org.hozon.dicom.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;

import org.hozon.dicom.BulkData;
import org.hozon.dicom.Dataset;
import org.hozon.dicom.Tag;
import org.hozon.dicom.VR;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class DicomXmlWriterTest {

    @Test
    void writesAStoreResponseAsNativeModel() throws Exception {
        Dataset response = new Dataset();
        response.setString(Tag.RetrieveURL, VR.UR, "http://h/dicom-web/studies/1.2?a=1&b=<2>");
        Dataset failed = response.newSequence(Tag.FailedSOPSequence).addItem();
        failed.setString(Tag.ReferencedSOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
        failed.setString(Tag.ReferencedSOPInstanceUID, VR.UI, "1.2.3");
        failed.setInt(Tag.FailureReason, VR.US, 0xA900);

        Document doc = parse(xml(new DicomXmlWriter(), response));
        XPath xp = XPathFactory.newInstance().newXPath();
        assertEquals("http://h/dicom-web/studies/1.2?a=1&b=<2>",
                xp.evaluate("/NativeDicomModel/DicomAttribute[@tag='00081190']/Value[@number='1']", doc));
        assertEquals("UR", xp.evaluate("/NativeDicomModel/DicomAttribute[@tag='00081190']/@vr", doc));
        assertEquals("RetrieveURL", xp.evaluate("/NativeDicomModel/DicomAttribute[@tag='00081190']/@keyword", doc));
        assertEquals("43264", xp.evaluate("//DicomAttribute[@tag='00081198']/Item[@number='1']"
                + "/DicomAttribute[@tag='00081197']/Value", doc));
        assertEquals("1.2.3", xp.evaluate("//Item/DicomAttribute[@keyword='ReferencedSOPInstanceUID']/Value", doc));
    }

    @Test
    void writesPersonNameGroupsAndComponents() throws Exception {
        Dataset ds = new Dataset();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        ds.setString(Tag.PatientName, VR.PN, "Yamada^Tarou=山田^太郎=やまだ^たろう");
        Document doc = parse(xml(new DicomXmlWriter(), ds));
        XPath xp = XPathFactory.newInstance().newXPath();
        String pn = "//DicomAttribute[@tag='00100010']/PersonName[@number='1']";
        assertEquals("Yamada", xp.evaluate(pn + "/Alphabetic/FamilyName", doc));
        assertEquals("Tarou", xp.evaluate(pn + "/Alphabetic/GivenName", doc));
        assertEquals("山田", xp.evaluate(pn + "/Ideographic/FamilyName", doc));
        assertEquals("たろう", xp.evaluate(pn + "/Phonetic/GivenName", doc));
    }

    @Test
    void writesBinaryInlineAndBulkByUri() throws Exception {
        Dataset ds = new Dataset();
        ds.set(0x00091010, VR.OB, new byte[] {1, 2, 3, 4});
        ds.set(Tag.PixelData, VR.OW, new BulkData(1000, 512, false));
        ds.setInt(Tag.Rows, VR.US, 512);
        String xml = xml(new DicomXmlWriter().withBulkDataUri((d, tag) -> "http://h/bulk/" + Integer.toHexString(tag)), ds);
        Document doc = parse(xml);
        XPath xp = XPathFactory.newInstance().newXPath();
        assertEquals("AQIDBA==", xp.evaluate("//DicomAttribute[@tag='00091010']/InlineBinary", doc));
        assertEquals("", xp.evaluate("//DicomAttribute[@tag='00091010']/@keyword", doc), "private: no keyword");
        assertEquals("http://h/bulk/7fe00010", xp.evaluate("//DicomAttribute[@tag='7FE00010']/BulkData/@uri", doc));
        assertEquals("512", xp.evaluate("//DicomAttribute[@tag='00280010']/Value", doc));
    }

    @Test
    void replacesCharactersXmlCannotCarry() throws Exception {
        Dataset ds = new Dataset();
        ds.setString(Tag.StudyDescription, VR.LO, "a\u0001b");
        String xml = xml(new DicomXmlWriter(), ds);
        assertTrue(xml.contains("a\uFFFDb"), xml);
        parse(xml);
    }

    private static String xml(DicomXmlWriter writer, Dataset ds) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(ds, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
