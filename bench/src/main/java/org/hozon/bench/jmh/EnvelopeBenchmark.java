package org.hozon.bench.jmh;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.TimeUnit;

import javax.crypto.SecretKey;

import org.hozon.archive.crypto.DataKeys;
import org.hozon.archive.crypto.EnvelopeHeader;
import org.hozon.archive.crypto.EnvelopeReader;
import org.hozon.archive.crypto.EnvelopeWriter;
import org.hozon.bench.data.CtFiles;
import org.hozon.bench.data.CtStudyGenerator;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The archive envelope alone, on one thread: {@code seal} compresses and encrypts a batch of
 * 16 CT instances (≈8.4 MB, 512×512 16-bit synthetic slices as Part 10), {@code sealHashed} does
 * what the archiver does besides the PUT (SHA-256 of the plaintext and of the ciphertext too),
 * {@code open} decrypts and decompresses. The {@code MBps} line is plaintext megabytes (10^6
 * bytes) per second; ops/s counts batches.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class EnvelopeBenchmark {
    private static final int INSTANCES = 16;

    /** PLANES (LZ4 with byte planes, what the archiver writes), LZ4 (plain, format 1) or NONE (encryption alone). */
    @Param({"PLANES", "LZ4", "NONE"})
    public String compression;

    private byte[][] instances;
    private long plainBytes;
    private byte[][] sealed;
    private long sealedBytes;
    private SecretKey key;
    private EnvelopeHeader header;

    /** Plaintext megabytes processed, reported per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Megabytes {
        /** Plaintext megabytes. */
        public double MBps;
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        CtStudyGenerator generator = new CtStudyGenerator(42);
        instances = new byte[INSTANCES][];
        sealed = new byte[INSTANCES][];
        key = DataKeys.generate();
        int mode = switch (compression) {
            case "PLANES" -> EnvelopeHeader.COMPRESSION_LZ4_SHUFFLE16;
            case "LZ4" -> EnvelopeHeader.COMPRESSION_LZ4;
            default -> EnvelopeHeader.COMPRESSION_NONE;
        };
        header = new EnvelopeHeader(mode, EnvelopeHeader.DEFAULT_SEGMENT_SIZE, DataKeys.noncePrefix(), "kek-1",
                "0123456789abcdef0123456789abcdef.key");
        for (int i = 0; i < INSTANCES; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(600_000);
            CtFiles.write(generator.instance(i / 4, 0, i), out);
            instances[i] = out.toByteArray();
            plainBytes += instances[i].length;
            ByteArrayOutputStream env = new ByteArrayOutputStream(600_000);
            EnvelopeWriter.encrypt(new ByteArrayInputStream(instances[i]), env, header, key);
            sealed[i] = env.toByteArray();
            sealedBytes += sealed[i].length;
        }
        System.out.printf("%n# %d instances, %d bytes, sealed %d bytes (%.3f) with %s%n", INSTANCES, plainBytes, sealedBytes,
                sealedBytes / (double) plainBytes, compression);
    }

    @Benchmark
    public long seal(Megabytes mb) throws IOException {
        CountingSink out = new CountingSink();
        for (byte[] instance : instances) {
            EnvelopeWriter.encrypt(new ByteArrayInputStream(instance), out, header, key);
        }
        mb.MBps += plainBytes / 1e6;
        return out.count;
    }

    @Benchmark
    public byte[] sealHashed(Megabytes mb) throws IOException {
        MessageDigest plain = sha256();
        MessageDigest cipher = sha256();
        for (byte[] instance : instances) {
            EnvelopeWriter.encrypt(new DigestInputStream(new ByteArrayInputStream(instance), plain),
                    new DigestOutputStream(new CountingSink(), cipher), header, key);
        }
        mb.MBps += plainBytes / 1e6;
        plain.update(cipher.digest());
        return plain.digest();
    }

    @Benchmark
    public long open(Megabytes mb) throws IOException {
        CountingSink out = new CountingSink();
        for (byte[] object : sealed) {
            InputStream in = new ByteArrayInputStream(object);
            EnvelopeReader.decrypt(EnvelopeHeader.read(in), in, key, out);
        }
        mb.MBps += plainBytes / 1e6;
        return out.count;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
