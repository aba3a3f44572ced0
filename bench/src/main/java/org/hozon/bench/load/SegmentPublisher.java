package org.hozon.bench.load;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes a list of byte arrays as read-only {@link ByteBuffer} views of at most 64 KiB, on
 * demand and without copying (the JDK's {@code BodyPublishers.ofByteArray} copies the whole
 * array when the request starts). Each subscription replays the list from the start, so the
 * HTTP client may resend.
 */
final class SegmentPublisher implements Flow.Publisher<ByteBuffer> {
    private static final int SLICE = 64 * 1024;

    private final List<byte[]> segments;

    SegmentPublisher(List<byte[]> segments) {
        this.segments = segments;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        Subscription s = new Subscription(subscriber);
        subscriber.onSubscribe(s);
    }

    private final class Subscription implements Flow.Subscription {
        private final Flow.Subscriber<? super ByteBuffer> subscriber;
        private final AtomicLong demand = new AtomicLong();
        /** Drain guard: request() may be called from onNext, or from another thread. */
        private final AtomicInteger work = new AtomicInteger();
        private volatile boolean cancelled;
        private boolean done;
        private int segment;
        private int offset;

        Subscription(Flow.Subscriber<? super ByteBuffer> subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                cancelled = true;
                subscriber.onError(new IllegalArgumentException("non-positive request: " + n));
                return;
            }
            demand.getAndUpdate(d -> d + n < 0 ? Long.MAX_VALUE : d + n);
            drain();
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        private void drain() {
            if (work.getAndIncrement() != 0) {
                return;
            }
            do {
                while (!cancelled && !done && demand.get() > 0 && segment < segments.size()) {
                    byte[] b = segments.get(segment);
                    int n = Math.min(SLICE, b.length - offset);
                    ByteBuffer view = ByteBuffer.wrap(b, offset, n).slice().asReadOnlyBuffer();
                    offset += n;
                    if (offset == b.length) {
                        segment++;
                        offset = 0;
                    }
                    demand.decrementAndGet();
                    subscriber.onNext(view);
                }
                if (!cancelled && !done && segment >= segments.size()) {
                    done = true;
                    subscriber.onComplete();
                }
            } while (work.decrementAndGet() != 0);
        }
    }
}
