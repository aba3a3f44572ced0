package org.hozon.archive.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counters of this node since it started, per target: copies made and their bytes, failed copy
 * attempts, copies deleted and failed deletions. The metrics expose them as Prometheus counters.
 */
@ApplicationScoped
public class ArchiveMeters {

    /** The counters of one target. */
    public static final class Counters {
        final LongAdder copies = new LongAdder();
        final LongAdder bytes = new LongAdder();
        final LongAdder copyFailures = new LongAdder();
        final LongAdder deletions = new LongAdder();
        final LongAdder deletionFailures = new LongAdder();

        /** @return copies made */
        public long copies() {
            return copies.sum();
        }

        /** @return bytes of those copies (data objects) */
        public long bytes() {
            return bytes.sum();
        }

        /** @return failed copy attempts */
        public long copyFailures() {
            return copyFailures.sum();
        }

        /** @return copies deleted */
        public long deletions() {
            return deletions.sum();
        }

        /** @return failed deletion attempts */
        public long deletionFailures() {
            return deletionFailures.sum();
        }
    }

    private final Map<String, Counters> byTarget = new ConcurrentHashMap<>();

    /**
     * @param target a target's name
     * @return its counters
     */
    public Counters of(String target) {
        return byTarget.computeIfAbsent(target, k -> new Counters());
    }

    void copied(String target, long bytes) {
        Counters c = of(target);
        c.copies.increment();
        c.bytes.add(bytes);
    }

    void copyFailed(String target) {
        of(target).copyFailures.increment();
    }

    void deleted(String target) {
        of(target).deletions.increment();
    }

    void deletionFailed(String target) {
        of(target).deletionFailures.increment();
    }
}
