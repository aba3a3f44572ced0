package org.hozon.bench.jmh;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.hozon.bench.data.CtFiles;
import org.hozon.bench.data.CtStudyGenerator;
import org.hozon.dicom.Dataset;
import org.hozon.dicom.Tag;
import org.hozon.dicom.io.DicomReader;
import org.hozon.dicom.io.ElementHandler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Header-only parse of a 512×512 16-bit CT instance (≈525 KB Part 10 file): File Meta
 * Information and data set up to Pixel Data, whose value is neither read nor skipped over.
 * {@code fromFile} opens, parses and closes the file each time (the page cache holds it);
 * {@code fromMemory} isolates the parser. Instances per second on one thread.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class HeaderParseBenchmark {
    private static final ElementHandler HEADER_ONLY = ElementHandler.stopAtPixelData(64 * 1024);

    private Path dir;
    private Path file;
    private long fileLength;
    private byte[] bytes;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("hozon-bench");
        file = CtFiles.write(new CtStudyGenerator(42).instance(3, 0, 17), dir.resolve("ct.dcm"));
        fileLength = Files.size(file);
        bytes = Files.readAllBytes(file); // the benchmark's own input, not a stream being parsed
        if (fileLength < 520_000) {
            throw new IllegalStateException("CT file is only " + fileLength + " bytes");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
    }

    @Benchmark
    public Dataset fromFile() throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, fileLength);
        }
    }

    @Benchmark
    public Dataset fromMemory() throws IOException {
        return parse(new ByteArrayInputStream(bytes), bytes.length);
    }

    private static Dataset parse(InputStream in, long length) throws IOException {
        DicomReader reader = new DicomReader(in, length).handler(HEADER_ONLY);
        reader.readFileMetaInformation();
        Dataset ds = reader.readDataset();
        if (reader.stoppedAt() == null || reader.stoppedAt().tag() != Tag.PixelData) {
            throw new IllegalStateException("did not stop at Pixel Data");
        }
        return ds;
    }
}
