package org.hozon.bench.jmh;

import java.util.concurrent.TimeUnit;

import org.hozon.bench.data.CtStudyGenerator;
import org.hozon.dicom.Dataset;
import org.hozon.dicom.json.DicomJsonWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * DICOM JSON (PS3.18 Annex F) of a CT instance's header, written through the streaming generator
 * to a byte-counting sink: instances per second on one thread.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class JsonHeaderBenchmark {
    private final DicomJsonWriter writer = new DicomJsonWriter();
    private final CountingSink sink = new CountingSink();
    private Dataset header;

    @Setup
    public void setUp() {
        header = new CtStudyGenerator(42).header(3, 0, 17);
    }

    @Benchmark
    public long headerToJson() {
        sink.count = 0;
        writer.write(header, sink);
        return sink.count;
    }
}
