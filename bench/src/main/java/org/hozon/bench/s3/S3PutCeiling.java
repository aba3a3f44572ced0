package org.hozon.bench.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.SecretKey;

import org.hozon.archive.crypto.DataKeys;
import org.hozon.archive.crypto.EnvelopeHeader;
import org.hozon.archive.crypto.EnvelopeWriter;
import org.hozon.bench.data.CtFiles;
import org.hozon.bench.data.CtStudyGenerator;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * The S3 side of archiving alone: PUTs of the envelopes Hozon would write for CT instances
 * (sealed beforehand, from files in the page cache) and, with {@code sidecars=true}, a small
 * sidecar object after each, with the AWS SDK configured as Hozon's (JDK URL connection,
 * {@code x-amz-checksum-sha256}, {@code If-None-Match: *}), from several threads. Prints objects/s,
 * the plaintext MB/s they stand for, and the CPU the client and the S3 server (its pid) used per
 * PUT. Run by {@code bench/run-s3-ceiling}; arguments {@code key=value}, see {@link #main}.
 */
public final class S3PutCeiling {
    private static final int DISTINCT = 32;

    private S3PutCeiling() {
    }

    /**
     * Arguments: {@code s3} (endpoint), {@code bucket} (hozon-archive), {@code access-key}, {@code secret-key},
     * {@code objects} (4000), {@code threads} (4), {@code sidecars} (true), {@code server-pid}, {@code dir} (temp files).
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>(Map.of("bucket", "hozon-archive", "access-key", "hozon",
                "secret-key", "hozon-secret-key", "objects", "4000", "threads", "4", "sidecars", "true", "server-pid", "0"));
        o.putIfAbsent("expect-continue", "true");
        o.putIfAbsent("retries", "true");
        o.putIfAbsent("chunked", "true");
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("arguments are key=value: " + a);
            }
            o.put(a.substring(0, eq), a.substring(eq + 1));
        }
        Path dir = Files.createTempDirectory(Path.of(o.getOrDefault("dir", System.getProperty("java.io.tmpdir"))), "s3-ceiling");
        try {
            run(o, dir);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    private static void run(Map<String, String> o, Path dir) throws Exception {
        // the envelopes of DISTINCT CT instances, as the archiver seals them
        CtStudyGenerator generator = new CtStudyGenerator(11);
        Path[] files = new Path[DISTINCT];
        String[] checksums = new String[DISTINCT];
        long plain = 0;
        long sealed = 0;
        for (int i = 0; i < DISTINCT; i++) {
            ByteArrayOutputStream instance = new ByteArrayOutputStream(600_000);
            CtFiles.write(generator.instance(i, 0, i), instance);
            ByteArrayOutputStream envelope = new ByteArrayOutputStream(600_000);
            SecretKey key = DataKeys.generate();
            EnvelopeWriter.encrypt(new java.io.ByteArrayInputStream(instance.toByteArray()), envelope,
                    new EnvelopeHeader(EnvelopeHeader.DEFAULT_COMPRESSION, EnvelopeHeader.DEFAULT_SEGMENT_SIZE,
                            DataKeys.noncePrefix(), "kek-1", hex(32) + ".key"), key);
            files[i] = Files.write(dir.resolve(i + ".hze"), envelope.toByteArray());
            checksums[i] = Base64.getEncoder().encodeToString(sha256().digest(envelope.toByteArray()));
            plain += instance.size();
            sealed += envelope.size();
        }
        byte[] sidecar = new byte[190]; // a sidecar of a CT instance: ids, wrapped key, receipt, 9 segment lengths
        ThreadLocalRandom.current().nextBytes(sidecar);
        String sidecarChecksum = Base64.getEncoder().encodeToString(sha256().digest(sidecar));
        double plainPerObject = plain / (double) DISTINCT;
        double sealedPerObject = sealed / (double) DISTINCT;
        int objects = Integer.parseInt(o.get("objects"));
        int threads = Integer.parseInt(o.get("threads"));
        boolean sidecars = Boolean.parseBoolean(o.get("sidecars"));
        long serverPid = Long.parseLong(o.get("server-pid"));
        String bucket = o.get("bucket");
        note("%d objects of %.0f bytes (envelopes of %.0f-byte CT instances)%s, %d threads, endpoint %s, Expect: 100-continue %s,"
                + " aws-chunked signed payload %s", objects, sealedPerObject, plainPerObject,
                sidecars ? " each followed by a 190-byte sidecar" : "", threads, o.get("s3"), o.get("expect-continue"),
                o.get("chunked"));

        try (S3Client s3 = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofMinutes(2)).build())
                .endpointOverride(URI.create(o.get("s3"))).region(Region.US_EAST_1).forcePathStyle(true)
                .overrideConfiguration(c -> {
                    if (!Boolean.parseBoolean(o.get("retries"))) {
                        c.retryStrategy(AwsRetryStrategy.doNotRetry());
                    }
                })
                .serviceConfiguration(S3Configuration.builder()
                        .expectContinueEnabled(Boolean.parseBoolean(o.get("expect-continue")))
                        .chunkedEncodingEnabled(Boolean.parseBoolean(o.get("chunked"))).build())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(o.get("access-key"), o.get("secret-key")))).build()) {
            String prefix = "s3-ceiling-" + System.currentTimeMillis() + "/";
            ConcurrentLinkedQueue<String> written = new ConcurrentLinkedQueue<>();
            // warm-up: the JIT and the connections, not counted
            put(s3, bucket, prefix, files, checksums, sidecar, sidecarChecksum, sidecars, Math.min(400, objects), threads,
                    written);
            long cpu0 = processCpu();
            long server0 = ticks(serverPid);
            long t0 = System.nanoTime();
            int errors = put(s3, bucket, prefix, files, checksums, sidecar, sidecarChecksum, sidecars, objects, threads,
                    written);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double clientCores = (processCpu() - cpu0) / 1e9 / seconds;
            double serverCores = serverPid > 0 ? (ticks(serverPid) - server0) / 100.0 / seconds : Double.NaN;
            int puts = objects * (sidecars ? 2 : 1);
            System.out.println(String.format(Locale.ROOT, "%-5s %7s %7s %6s %8s %8s %8s %9s %8s %9s %8s %8s",
                    "S3PUT", "objects", "threads", "errors", "seconds", "objects/s", "PUT/s", "sealedMB/s", "plainMB/s",
                    "client_c", "server_c", "srv_ms/PUT"));
            System.out.println(String.format(Locale.ROOT, "%-5s %7d %7d %6d %8.1f %8.1f %8.1f %9.1f %8.1f %9.2f %8.2f %8.2f",
                    "S3PUT", objects, threads, errors, seconds, objects / seconds, puts / seconds,
                    objects * sealedPerObject / 1e6 / seconds, objects * plainPerObject / 1e6 / seconds, clientCores,
                    serverCores, serverCores * 1000 * seconds / puts));
            note("client: %.2f ms CPU per PUT (the SDK and the JDK HTTP client); load average %s", clientCores * 1000 * seconds / puts,
                    Files.readString(Path.of("/proc/loadavg")).trim());
            delete(s3, bucket, written);
        }
    }

    private static int put(S3Client s3, String bucket, String prefix, Path[] files, String[] checksums, byte[] sidecar,
            String sidecarChecksum, boolean sidecars, int objects, int threads, ConcurrentLinkedQueue<String> written)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < objects) {
                    String key = prefix + hex(32);
                    int f = i % files.length;
                    String what = "data object";
                    try {
                        s3.putObject(request(bucket, key, files[f].toFile().length(), checksums[f]), RequestBody.fromFile(files[f]));
                        written.add(key);
                        if (sidecars) {
                            what = "sidecar";
                            s3.putObject(request(bucket, key + ".key", sidecar.length, sidecarChecksum),
                                    RequestBody.fromBytes(sidecar));
                            written.add(key + ".key");
                        }
                    } catch (RuntimeException e) {
                        if (errors.getAndIncrement() < 3) {
                            note("error on a %s: %s", what, e);
                        }
                    }
                }
            }, "put-" + t);
            all.add(thread);
            thread.start();
        }
        for (Thread thread : all) {
            thread.join();
        }
        return errors.get();
    }

    private static PutObjectRequest request(String bucket, String key, long length, String sha256b64) {
        return PutObjectRequest.builder().bucket(bucket).key(key).contentLength(length)
                .contentType("application/octet-stream").checksumSHA256(sha256b64).ifNoneMatch("*").build();
    }

    private static void delete(S3Client s3, String bucket, ConcurrentLinkedQueue<String> keys) {
        List<ObjectIdentifier> batch = new ArrayList<>();
        for (String key : keys) {
            batch.add(ObjectIdentifier.builder().key(key).build());
            if (batch.size() == 1000) {
                deleteBatch(s3, bucket, batch);
            }
        }
        deleteBatch(s3, bucket, batch);
    }

    private static void deleteBatch(S3Client s3, String bucket, List<ObjectIdentifier> batch) {
        if (!batch.isEmpty()) {
            s3.deleteObjects(b -> b.bucket(bucket).delete(Delete.builder().objects(List.copyOf(batch)).quiet(true).build()));
            batch.clear();
        }
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long processCpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static long ticks(long pid) throws IOException {
        if (pid <= 0) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static void note(String format, Object... args) {
        System.out.println("# " + String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
