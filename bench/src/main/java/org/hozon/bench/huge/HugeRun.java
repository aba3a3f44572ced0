package org.hozon.bench.huge;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.crypto.SecretKey;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.hozon.archive.crypto.DataKeys;
import org.hozon.archive.crypto.EnvelopeHeader;
import org.hozon.archive.crypto.EnvelopeReader;
import org.hozon.archive.crypto.KeyRing;
import org.hozon.archive.crypto.ObjectIdentity;
import org.hozon.archive.crypto.ObjectNames;
import org.hozon.archive.crypto.Sidecar;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One very large instance through Hozon and back, in bounded memory on both sides: writes the
 * multi-frame file ({@link MultiFrameFile}, kept for the next run), STOWs it streaming from disk,
 * waits for ARCHIVED on {@code /admin/archive}, then GETs the S3 object and its sidecar, unwraps the
 * data key with the keystore, decrypts the object as a stream and compares its SHA-256 with the
 * file's. Run by {@code bench/run-huge}, which also watches the server's heap and RSS.
 * Options: {@code key=value} arguments, see {@link #main}.
 */
public final class HugeRun {
    private final Map<String, String> o;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private HugeRun(Map<String, String> options) {
        this.o = options;
    }

    /**
     * Arguments {@code key=value}: {@code url} (Hozon, e.g. http://127.0.0.1:8080), {@code file},
     * {@code frames} (4096), {@code seed} (7), {@code s3} (endpoint), {@code bucket}, {@code access-key},
     * {@code secret-key}, {@code keystore}, {@code password-file}, {@code tenant} (default).
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("frames", "4096", "seed", "7", "tenant", "default",
                "bucket", "hozon-archive", "access-key", "hozon", "secret-key", "hozon-secret-key"));
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("arguments are key=value: " + a);
            }
            options.put(a.substring(0, eq), a.substring(eq + 1));
        }
        System.exit(new HugeRun(options).run() ? 0 : 1);
    }

    private boolean run() throws Exception {
        Path file = Path.of(o.get("file"));
        long seed = Long.parseLong(o.get("seed"));
        int frames = Integer.parseInt(o.get("frames"));
        MultiFrameFile.Written written = prepare(file, seed, frames);

        Snapshot before = status();
        long t0 = System.nanoTime();
        stow(file, written);
        long acked = System.nanoTime();
        note("STOW: %,d bytes in %.1f s (%.0f MB/s)", written.size(), (acked - t0) / 1e9, written.size() / 1e6 / ((acked - t0) / 1e9));
        Snapshot after = waitForArchive(before);
        if (after.failed > before.failed) {
            note("FAILED: the archive task failed: %s", after.lastError);
            return false;
        }
        note("ARCHIVED %.1f s after the STOW acknowledgement", (System.nanoTime() - acked) / 1e9);
        return verify(written);
    }

    private MultiFrameFile.Written prepare(Path file, long seed, int frames) throws IOException {
        Path shaFile = file.resolveSibling(file.getFileName() + ".sha256");
        String uid = MultiFrameFile.sopInstanceUid(seed);
        if (Files.exists(file) && Files.exists(shaFile)) {
            String[] kept = Files.readString(shaFile).trim().split(" ");
            if (kept.length == 4 && kept[1].equals(uid) && kept[2].equals(Integer.toString(frames))
                    && Long.parseLong(kept[3]) == Files.size(file)) {
                note("reusing %s (%,d bytes, SHA-256 %s)", file, Files.size(file), kept[0]);
                return new MultiFrameFile.Written(uid, Files.size(file), kept[0]);
            }
        }
        long t0 = System.nanoTime();
        MultiFrameFile.Written w = MultiFrameFile.write(file, seed, frames);
        Files.writeString(shaFile, w.sha256() + " " + w.sopInstanceUid() + " " + frames + " " + w.size() + "\n");
        note("wrote %s: %d frames, %,d bytes in %.1f s, SHA-256 %s", file, frames, w.size(), (System.nanoTime() - t0) / 1e9,
                w.sha256());
        return w;
    }

    /** POST {url}/dicom-web/studies: one part, the file streamed from disk. */
    private void stow(Path file, MultiFrameFile.Written written) throws IOException, InterruptedException {
        String boundary = "hozon-huge-" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        HttpRequest request = HttpRequest.newBuilder(URI.create(o.get("url") + "/dicom-web/studies"))
                .timeout(Duration.ofMinutes(60))
                .header("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=" + boundary)
                .header("Accept", "application/dicom+json")
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || !r.body().contains(written.sopInstanceUid())) {
            throw new IOException("STOW answered " + r.statusCode() + ": " + r.body());
        }
    }

    private record Snapshot(long archived, long failed, long backlog, String lastError) {
    }

    private Snapshot status() throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(o.get("url") + "/admin/archive"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("/admin/archive answered " + r.statusCode() + ": " + r.body());
        }
        try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
            JsonObject s = reader.readObject();
            JsonObject tasks = s.getJsonObject("tasks");
            String error = s.getJsonArray("failed").isEmpty() ? ""
                    : s.getJsonArray("failed").getJsonObject(s.getJsonArray("failed").size() - 1).getString("lastError");
            return new Snapshot(tasks.getJsonNumber("ARCHIVED").longValue(), tasks.getJsonNumber("FAILED").longValue(),
                    s.getJsonNumber("backlog").longValue(), error);
        }
    }

    private Snapshot waitForArchive(Snapshot before) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (true) {
            Snapshot s = status();
            if (s.archived > before.archived || s.failed > before.failed) {
                return s;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("not archived after 30 minutes (backlog " + s.backlog + ")");
            }
            Thread.sleep(500);
        }
    }

    /** GETs sidecar and object, decrypts as a stream, compares SHA-256 with the file's. */
    private boolean verify(MultiFrameFile.Written written) throws Exception {
        char[] password = Files.readString(Path.of(o.get("password-file"))).trim().toCharArray();
        KeyRing ring = KeyRing.load(Path.of(o.get("keystore")), password, Optional.empty());
        String tenant = o.get("tenant");
        String object = new ObjectNames(ring.get(ring.activeId())).dataObject(tenant, written.sopInstanceUid());
        try (S3Client s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.builder().build())
                .endpointOverride(URI.create(o.get("s3"))).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(o.get("access-key"),
                        o.get("secret-key")))).build()) {
            String bucket = o.get("bucket");
            Sidecar sidecar = Sidecar.decode(s3.getObjectAsBytes(b -> b.bucket(bucket).key(ObjectNames.sidecarOf(object)))
                    .asByteArray());
            SecretKey kek = ring.get(sidecar.keyId());
            Sidecar.Receipt receipt = sidecar.openReceipt(kek, object);
            SecretKey dataKey = DataKeys.unwrap(kek, sidecar.wrappedKey(),
                    new ObjectIdentity(tenant, written.sopInstanceUid(), sidecar.keyId()));
            MessageDigest sha = MultiFrameFile.sha256();
            long t0 = System.nanoTime();
            long plain;
            long objectLength;
            try (InputStream in = s3.getObject(b -> b.bucket(bucket).key(object));
                    OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
                EnvelopeHeader header = EnvelopeHeader.read(in);
                plain = EnvelopeReader.decrypt(header, in, dataKey, out);
                objectLength = sidecar.segments().objectLength();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            String decrypted = HexFormat.of().formatHex(sha.digest());
            note("S3 object %s: %,d bytes (%.3f of the instance), %d segments; GET + decrypt %.1f s (%.0f MB/s)", object,
                    objectLength, objectLength / (double) written.size(), sidecar.segments().count(), seconds,
                    plain / 1e6 / seconds);
            note("receipt in the sidecar: SOP Instance UID %s, size %,d, SHA-256 %s", receipt.sopInstanceUid(),
                    receipt.size(), receipt.sha256());
            boolean same = decrypted.equals(written.sha256()) && receipt.sha256().equals(written.sha256())
                    && plain == written.size();
            note("%s: decrypted %,d bytes, SHA-256 %s; file %s", same ? "IDENTICAL" : "DIFFERENT", plain, decrypted,
                    written.sha256());
            return same;
        }
    }

    private static void note(String format, Object... args) {
        System.out.println("# " + String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
