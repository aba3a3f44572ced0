package org.hozon.web.dicomweb;

/**
 * The Capabilities Description (PS3.18 §8.9, Annex H) as a WADL document: the resources and
 * methods Hozon implements, with the media types each produces.
 */
final class Capabilities {
    static final String MEDIA_TYPE = "application/vnd.sun.wadl+xml";

    private static final String DICOM = "multipart/related; type=\"application/dicom\"";
    private static final String JSON = "application/dicom+json";
    private static final String BULK = "multipart/related; type=\"application/octet-stream\"";
    private static final String[] IMAGES = {"image/jpeg", "image/png"};

    private Capabilities() {
    }

    /** The WADL document for the service at {@code base} (the DICOMweb root URL). */
    static String wadl(String base) {
        StringBuilder s = new StringBuilder(4096);
        s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<application xmlns=\"http://wadl.dev.java.net/2009/02\">\n")
                .append("  <resources base=\"").append(xml(base)).append("/\">\n")
                .append("    <resource path=\"studies\">\n");
        method(s, "GET", "SearchForStudies", JSON);
        method(s, "POST", "StoreInstances", JSON, "application/dicom+xml");
        s.append("      <resource path=\"{study}\">\n");
        method(s, "GET", "RetrieveStudy", DICOM);
        method(s, "POST", "StoreInstancesInStudy", JSON, "application/dicom+xml");
        method(s, "DELETE", "DeleteStudy");
        leaf(s, "metadata", "RetrieveStudyMetadata", JSON);
        leaf(s, "thumbnail", "RetrieveStudyThumbnail", IMAGES);
        s.append("        <resource path=\"series\">\n");
        method(s, "GET", "SearchForStudySeries", JSON);
        s.append("          <resource path=\"{series}\">\n");
        method(s, "GET", "RetrieveSeries", DICOM);
        method(s, "DELETE", "DeleteSeries");
        leaf(s, "metadata", "RetrieveSeriesMetadata", JSON);
        leaf(s, "thumbnail", "RetrieveSeriesThumbnail", IMAGES);
        s.append("            <resource path=\"instances\">\n");
        method(s, "GET", "SearchForStudySeriesInstances", JSON);
        s.append("              <resource path=\"{instance}\">\n");
        method(s, "GET", "RetrieveInstance", DICOM, "application/dicom");
        method(s, "DELETE", "DeleteInstance");
        leaf(s, "metadata", "RetrieveInstanceMetadata", JSON);
        leaf(s, "rendered", "RetrieveRenderedInstance", IMAGES);
        leaf(s, "thumbnail", "RetrieveInstanceThumbnail", IMAGES);
        leaf(s, "bulk/{path}", "RetrieveBulkdata", "application/octet-stream", BULK);
        s.append("                <resource path=\"frames/{frames}\">\n");
        method(s, "GET", "RetrieveFrames", BULK, "application/octet-stream");
        leaf(s, "rendered", "RetrieveRenderedFrames", IMAGES);
        leaf(s, "thumbnail", "RetrieveFrameThumbnail", IMAGES);
        s.append("                </resource>\n              </resource>\n            </resource>\n")
                .append("          </resource>\n        </resource>\n");
        s.append("        <resource path=\"instances\">\n");
        method(s, "GET", "SearchForStudyInstances", JSON);
        s.append("        </resource>\n      </resource>\n    </resource>\n");
        s.append("    <resource path=\"series\">\n");
        method(s, "GET", "SearchForSeries", JSON);
        s.append("    </resource>\n    <resource path=\"instances\">\n");
        method(s, "GET", "SearchForInstances", JSON);
        s.append("    </resource>\n  </resources>\n</application>\n");
        return s.toString();
    }

    private static void leaf(StringBuilder s, String path, String id, String... types) {
        s.append("<resource path=\"").append(xml(path)).append("\">\n");
        method(s, "GET", id, types);
        s.append("</resource>\n");
    }

    private static void method(StringBuilder s, String name, String id, String... types) {
        s.append("<method name=\"").append(name).append("\" id=\"").append(id).append("\">");
        if (types.length > 0) {
            s.append("<response status=\"200\">");
            for (String t : types) {
                s.append("<representation mediaType=\"").append(xml(t)).append("\"/>");
            }
            s.append("</response>");
        }
        s.append("</method>\n");
    }

    private static String xml(String v) {
        return v.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
