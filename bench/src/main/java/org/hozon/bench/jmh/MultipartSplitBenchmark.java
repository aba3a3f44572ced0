package org.hozon.bench.jmh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.hozon.bench.data.RepeatingInputStream;
import org.hozon.bench.data.SyntheticCt;
import org.hozon.dicomweb.multipart.MultipartReader;
import org.hozon.dicomweb.multipart.Part;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Splitting a 1 GiB {@code multipart/related} STOW body of 525 KB CT parts, draining each part
 * through a 64 KiB buffer as ingest does when it copies a part to a file. One operation is the
 * whole body: GB/s = 1.0737 / (seconds per operation).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
@State(Scope.Benchmark)
public class MultipartSplitBenchmark {
    private static final String BOUNDARY = "hozon-bench-7d3f0c2e91a4b5";
    /** Parts per body: 2,045 parts of 525,000 bytes plus headers make 1 GiB. */
    private static final int PARTS = 2045;

    private byte[] part;
    private byte[] close;
    private final byte[] buffer = new byte[64 * 1024];

    @Setup
    public void setUp() throws IOException {
        byte[] pixels = SyntheticCt.slice(1, 50);
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.write(("--" + BOUNDARY + "\r\nContent-Type: application/dicom; transfer-syntax=1.2.840.10008.1.2.1\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        p.write(new byte[525_000 - pixels.length]); // stands for preamble and header
        p.write(pixels);
        p.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        part = p.toByteArray();
        close = ("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        long size = new RepeatingInputStream(new byte[0], part, PARTS, close).length();
        if (size < (1L << 30)) {
            throw new IllegalStateException("body is " + size + " bytes, less than 1 GiB");
        }
    }

    @Benchmark
    public long split1GiB() throws IOException {
        long total = 0;
        try (MultipartReader reader = new MultipartReader(
                new RepeatingInputStream(new byte[0], part, PARTS, close), BOUNDARY)) {
            for (Part p = reader.nextPart(); p != null; p = reader.nextPart()) {
                InputStream body = p.body();
                for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                    total += n;
                }
            }
        }
        return total;
    }
}
