package org.hozon.web.dicomweb;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * The base URI clients see, for absolute URLs in responses (RetrieveURL): the request's base URI
 * with scheme and authority taken from {@code X-Forwarded-Proto} and {@code X-Forwarded-Host}
 * when a reverse proxy sets them. Only the first value of each is used, and only if it is
 * syntactically a scheme ({@code http}/{@code https}) or a host[:port]; anything else is ignored.
 */
public final class PublicBaseUri {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?");

    private PublicBaseUri() {
    }

    /**
     * @param requestBase    the base URI of the request (e.g. {@code UriInfo.getBaseUri()}), ending in '/'
     * @param forwardedProto {@code X-Forwarded-Proto} header value, or null
     * @param forwardedHost  {@code X-Forwarded-Host} header value, or null
     * @return the base URI clients should use, ending in '/'
     */
    public static String of(URI requestBase, String forwardedProto, String forwardedHost) {
        String scheme = requestBase.getScheme();
        String authority = requestBase.getRawAuthority();
        String proto = first(forwardedProto);
        if (proto != null && (proto.equalsIgnoreCase("http") || proto.equalsIgnoreCase("https"))) {
            scheme = proto.toLowerCase(java.util.Locale.ROOT);
        }
        String host = first(forwardedHost);
        if (host != null && HOST.matcher(host).matches()) {
            authority = host;
        }
        String path = requestBase.getRawPath() == null || requestBase.getRawPath().isEmpty() ? "/" : requestBase.getRawPath();
        return scheme + "://" + authority + (path.endsWith("/") ? path : path + "/");
    }

    /**
     * The DICOMweb service root as clients see it, without a trailing slash
     * ({@code https://proxy.example/dicom-web}): the one place responses take absolute URLs from
     * (RetrieveURL, BulkDataURI).
     */
    public static String dicomWeb(jakarta.ws.rs.core.UriInfo uri, jakarta.ws.rs.core.HttpHeaders headers) {
        return of(uri.getBaseUri(), headers.getHeaderString("X-Forwarded-Proto"),
                headers.getHeaderString("X-Forwarded-Host")) + "dicom-web";
    }

    /** The DICOMweb service root as an absolute path without scheme and host ({@code /dicom-web}). */
    public static String dicomWebPath(jakarta.ws.rs.core.UriInfo uri) {
        String path = uri.getBaseUri().getRawPath() == null || uri.getBaseUri().getRawPath().isEmpty() ? "/"
                : uri.getBaseUri().getRawPath();
        return (path.endsWith("/") ? path : path + "/") + "dicom-web";
    }

    private static String first(String header) {
        if (header == null) {
            return null;
        }
        int comma = header.indexOf(',');
        String v = (comma < 0 ? header : header.substring(0, comma)).strip();
        return v.isEmpty() ? null : v;
    }
}
