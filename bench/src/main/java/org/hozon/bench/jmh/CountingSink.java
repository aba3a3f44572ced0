package org.hozon.bench.jmh;

import java.io.OutputStream;

/** Counts bytes and discards them, so that a benchmark's figure is the writer's cost alone. */
final class CountingSink extends OutputStream {
    long count;

    @Override
    public void write(int b) {
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        count += len;
    }
}
