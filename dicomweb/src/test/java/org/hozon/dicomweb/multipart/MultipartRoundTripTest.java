package org.hozon.dicomweb.multipart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** Writer → reader round trips over random and adversarial bodies, at buffer edges. */
class MultipartRoundTripTest {
    private static final String BOUNDARY = "hozon-Boundary_0123456789";

    /** Random bytes salted with line breaks, dashes and prefixes of the delimiter. */
    static byte[] adversarialBody(Random rnd, int size, String boundary) {
        byte[] b = new byte[size];
        rnd.nextBytes(b);
        byte[] delim = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        int i = 0;
        while (i < size) {
            int kind = rnd.nextInt(6);
            int len;
            if (kind == 0) { // a proper prefix of the delimiter
                len = Math.min(1 + rnd.nextInt(delim.length - 1), size - i);
                System.arraycopy(delim, 0, b, i, len);
            } else if (kind == 1) { // the whole boundary, but not at a line start
                byte[] s = ("x--" + boundary).getBytes(StandardCharsets.US_ASCII);
                len = Math.min(s.length, size - i);
                System.arraycopy(s, 0, b, i, len);
            } else if (kind == 2) { // a full delimiter followed by a boundary character: still data
                byte[] s = ("\r\n--" + boundary + "0").getBytes(StandardCharsets.US_ASCII);
                len = Math.min(s.length, size - i);
                if (len == s.length) {
                    System.arraycopy(s, 0, b, i, len);
                } else {
                    len = 0;
                }
            } else {
                len = 0;
            }
            if (len > 0 && i + len < size) {
                b[i + len] = '#'; // so random bytes never complete a planted prefix
            }
            i += len + 1 + rnd.nextInt(64);
        }
        return b;
    }

    private static void assertRoundTrip(List<byte[]> bodies, int bufferSize, int readMode) throws IOException {
        byte[] body = Bodies.write(BOUNDARY, bodies);
        MultipartReader r = new MultipartReader(new ByteArrayInputStream(body), BOUNDARY, bufferSize,
                MultipartReader.DEFAULT_MAX_HEADER_BYTES, MultipartReader.DEFAULT_MAX_HEADER_COUNT);
        for (int i = 0; i < bodies.size(); i++) {
            Part p = r.nextPart();
            assertEquals(i, p.index());
            assertEquals("/p/" + i, p.contentLocation());
            byte[] got = switch (readMode) {
                case 0 -> Bodies.readInChunks(p.body(), 8192);
                case 1 -> Bodies.readBytewise(p.body());
                case 2 -> Bodies.readInChunks(p.body(), 7);
                default -> p.body().readAllBytes(); // fine in a test: bodies here are small
            };
            assertArrayEquals(bodies.get(i), got, "part " + i + " of size " + bodies.get(i).length);
            assertEquals(-1, p.body().read(), "body stays at its end");
        }
        assertNull(r.nextPart());
        assertNull(r.nextPart());
    }

    @Test
    void everySizeFromZeroAroundASmallBuffer() throws IOException {
        Random rnd = new Random(1);
        List<byte[]> bodies = new ArrayList<>();
        for (int size = 0; size <= 700; size++) {
            bodies.add(adversarialBody(rnd, size, BOUNDARY));
        }
        for (int mode = 0; mode < 4; mode++) {
            assertRoundTrip(bodies, 256, mode);
        }
        assertRoundTrip(bodies, 300, 0);
        assertRoundTrip(bodies, 4096, 2);
    }

    @Test
    void partSizesAroundTheDefaultBufferSize() throws IOException {
        Random rnd = new Random(2);
        List<byte[]> bodies = new ArrayList<>();
        int b = MultipartReader.DEFAULT_BUFFER_SIZE;
        for (int d = -100; d <= 100; d += 3) {
            bodies.add(adversarialBody(rnd, b + d, BOUNDARY));
        }
        for (int d = 1; d <= 100; d += 9) {
            bodies.add(adversarialBody(rnd, 2 * b - d, BOUNDARY));
        }
        assertRoundTrip(bodies, b, 0);
        assertRoundTrip(bodies, b, 3);
    }

    @Test
    void delimiterStraddlesBufferEdgeAtEveryOffset() throws IOException {
        // With a 256-byte buffer, a first part of n bytes puts the delimiter at every offset of
        // the first and second buffer fill.
        Random rnd = new Random(3);
        for (int n = 150; n < 560; n++) {
            List<byte[]> bodies = List.of(adversarialBody(rnd, n, BOUNDARY), new byte[0],
                    adversarialBody(rnd, 300, BOUNDARY));
            assertRoundTrip(bodies, 256, 0);
        }
    }

    @Test
    void bodyEndingInCrOrLfOrDashesKeepsThem() throws IOException {
        List<byte[]> bodies = List.of(Bodies.ascii("a\r"), Bodies.ascii("b\r\n"), Bodies.ascii("c\n"),
                Bodies.ascii("\r\n--"), Bodies.ascii("--" + BOUNDARY), Bodies.ascii("\r\n\r\n"));
        assertRoundTrip(bodies, 256, 0);
        assertRoundTrip(bodies, 256, 1);
    }

    @Test
    void skipAndTransferToAndUnreadRemaindersAreHandled() throws IOException {
        Random rnd = new Random(4);
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            bodies.add(adversarialBody(rnd, 1000 + i * 517, BOUNDARY));
        }
        byte[] body = Bodies.write(BOUNDARY, bodies);
        MultipartReader r = new MultipartReader(new ByteArrayInputStream(body), BOUNDARY, 512, 16384, 64);
        for (int i = 0; i < bodies.size(); i++) {
            Part p = r.nextPart();
            byte[] expected = bodies.get(i);
            if (i % 3 == 0) {
                continue; // unread: skipped by nextPart
            }
            InputStream in = p.body();
            byte[] head = new byte[10];
            assertEquals(10, in.readNBytes(head, 0, 10));
            long skipped = in.skip(100);
            assertEquals(100, skipped);
            byte[] rest = in.readAllBytes();
            assertEquals(expected.length - 110, rest.length);
            assertEquals(expected[110], rest[0]);
            assertEquals(expected[expected.length - 1], rest[rest.length - 1]);
        }
        assertNull(r.nextPart());
    }

    @Test
    void staleBodyStreamReturnsEndAfterNextPart() throws IOException {
        byte[] body = Bodies.write(BOUNDARY, List.of(Bodies.ascii("first body"), Bodies.ascii("second")));
        MultipartReader r = new MultipartReader(new ByteArrayInputStream(body), BOUNDARY);
        Part first = r.nextPart();
        assertEquals('f', first.body().read());
        Part second = r.nextPart();
        assertEquals(-1, first.body().read());
        assertEquals("second", Bodies.text(second.body().readAllBytes()));
    }

    @Test
    void hugePartIsStreamedWithBoundedMemory() throws IOException {
        long size = 200L * 1024 * 1024;
        Random rnd = new Random(5);
        byte[] block = adversarialBody(rnd, 1 << 20, BOUNDARY);
        block[0] = '#'; // the block repeats: its start must not complete a prefix at its end
        byte[] head = Bodies.ascii("--" + BOUNDARY + "\r\nContent-Type: application/octet-stream\r\n\r\n");
        byte[] tail = Bodies.ascii("\r\n--" + BOUNDARY + "--\r\n");
        InputStream generated = new GeneratedBody(head, block, size, tail);
        MultipartReader r = new MultipartReader(generated, BOUNDARY);
        Part p = r.nextPart();
        CrcCount sink = new CrcCount();
        p.body().transferTo(sink);
        assertNull(r.nextPart());
        CRC32 expected = new CRC32();
        for (long left = size; left > 0; left -= block.length) {
            expected.update(block, 0, (int) Math.min(block.length, left));
        }
        assertEquals(size, sink.count);
        assertEquals(expected.getValue(), sink.crc.getValue());
    }

    /** head, then {@code size} bytes repeating {@code block}, then tail; generated on the fly. */
    static final class GeneratedBody extends InputStream {
        private final byte[] head;
        private final byte[] block;
        private final long size;
        private final byte[] tail;
        private long pos;

        GeneratedBody(byte[] head, byte[] block, long size, byte[] tail) {
            this.head = head;
            this.block = block;
            this.size = size;
            this.tail = tail;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long total = head.length + size + tail.length;
            if (pos >= total) {
                return -1;
            }
            int n;
            if (pos < head.length) {
                n = (int) Math.min(len, head.length - pos);
                System.arraycopy(head, (int) pos, b, off, n);
            } else if (pos < head.length + size) {
                long p = pos - head.length;
                int inBlock = (int) (p % block.length);
                n = (int) Math.min(Math.min(len, block.length - inBlock), size - p);
                System.arraycopy(block, inBlock, b, off, n);
            } else {
                int t = (int) (pos - head.length - size);
                n = Math.min(len, tail.length - t);
                System.arraycopy(tail, t, b, off, n);
            }
            pos += n;
            return n;
        }
    }

    static final class CrcCount extends OutputStream {
        final CRC32 crc = new CRC32();
        long count;

        @Override
        public void write(int b) {
            crc.update(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            crc.update(b, off, len);
            count += len;
        }
    }
}
