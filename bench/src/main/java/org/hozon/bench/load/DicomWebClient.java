package org.hozon.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The HTTP side of the driver: STOW-RS and QIDO-RS requests to one DICOMweb base URL over
 * HTTP/1.1 with persistent connections, optionally with preemptive basic authentication.
 * Thread-safe; one instance is shared by all client threads.
 */
final class DicomWebClient {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final HttpClient http;
    private final String base;
    private final String authorization;

    /** A response: status and body (bodies here are small JSON documents). */
    static final class Response {
        final int status;
        final byte[] body;

        Response(int status, byte[] body) {
            this.status = status;
            this.body = body;
        }

        String bodyText(int max) {
            String s = new String(body, StandardCharsets.UTF_8);
            return s.length() > max ? s.substring(0, max) + "..." : s;
        }
    }

    DicomWebClient(String baseUrl, String user, String password) {
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.authorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
        // HTTP/1.1 explicitly: the default (HTTP/2) would try an h2c upgrade on plain http.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    String base() {
        return base;
    }

    /** POST {base}/studies with the request's multipart body, streamed from its segments. */
    Response stow(StowRequest request) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/studies"))
                .timeout(TIMEOUT)
                .header("Content-Type", request.contentType())
                .header("Accept", "application/dicom+json")
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        new SegmentPublisher(request.segments()), request.length()));
        return send(b);
    }

    /** GET {base}{pathAndQuery} accepting {@code application/dicom+json}. */
    Response get(String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(TIMEOUT)
                .header("Accept", "application/dicom+json")
                .GET();
        return send(b);
    }

    private Response send(HttpRequest.Builder b) throws IOException, InterruptedException {
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Response(r.statusCode(), r.body());
    }
}
