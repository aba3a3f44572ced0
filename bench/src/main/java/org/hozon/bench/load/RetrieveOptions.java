package org.hozon.bench.load;

import java.util.ArrayList;
import java.util.List;

/**
 * The options of the WADO-RS retrieval modes, taken out of the command line before the STOW and
 * QIDO options ({@link LoadOptions}) are parsed from the rest.
 */
final class RetrieveOptions {
    static final String USAGE = String.join("\n",
            "retrieval modes (WADO-RS, after STOW and QIDO; plain http):",
            "  --retrieve-study        whole studies stored by this run (or by the same options, with",
            "                          --skip-stow) with Accept: multipart/related; type=\"application/dicom\";",
            "                          transfer-syntax=*: MB/s and studies/s per level",
            "  --retrieve-clients 1,4  concurrency levels (default 1,4)",
            "  --retrieve-duration S   seconds per level (default 10), after --retrieve-warmup S (default 3)",
            "  --verify-every N        SHA-256 of every part of every N-th study against what was stored (default 25)",
            "  --series-metadata       series metadata of one series of --series-size instances (p50/p95/p99)",
            "  --frame                 frame 1 of random instances of that series (p50/p95/p99)",
            "  --series-study N        study number of that series (default 9000000); stored if missing",
            "  --series-size N         instances in that series (default 500)",
            "  --latency-requests N    metadata or frame requests measured (default 500; 1 client)",
            "  --frame-accept TYPE     Accept of frame requests (default: multipart/related;",
            "                          type=\"application/octet-stream\"; transfer-syntax=*)");

    static final String FRAME_ACCEPT = "multipart/related; type=\"application/octet-stream\"; transfer-syntax=*";

    boolean study;
    boolean metadata;
    boolean frame;
    List<Integer> clients = List.of(1, 4);
    int durationSeconds = 10;
    int warmupSeconds = 3;
    int verifyEvery = 25;
    int seriesStudy = 9_000_000;
    int seriesSize = 500;
    int latencyRequests = 500;
    String frameAccept = FRAME_ACCEPT;

    /** The retrieval options and the arguments left for {@link LoadOptions}. */
    record Split(RetrieveOptions options, String[] rest) {
    }

    /** True if any retrieval mode was asked for. */
    boolean any() {
        return study || metadata || frame;
    }

    /** Takes the retrieval options out of {@code args}; IllegalArgumentException on bad values. */
    static Split split(String[] args) {
        RetrieveOptions o = new RetrieveOptions();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--retrieve-study" -> o.study = true;
                case "--series-metadata" -> o.metadata = true;
                case "--frame" -> o.frame = true;
                case "--retrieve-clients", "--retrieve-duration", "--retrieve-warmup", "--verify-every",
                        "--series-study", "--series-size", "--latency-requests", "--frame-accept" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(a + " needs a value");
                    }
                    o.set(a, args[++i]);
                }
                default -> rest.add(a);
            }
        }
        return new Split(o, rest.toArray(new String[0]));
    }

    private void set(String option, String v) {
        switch (option) {
            case "--retrieve-clients" -> {
                List<Integer> list = new ArrayList<>();
                for (String s : v.split(",")) {
                    int n = number(option, s.trim(), 1);
                    if (n > 256) {
                        throw new IllegalArgumentException(option + ": at most 256 clients");
                    }
                    list.add(n);
                }
                clients = List.copyOf(list);
            }
            case "--retrieve-duration" -> durationSeconds = number(option, v, 1);
            case "--retrieve-warmup" -> warmupSeconds = number(option, v, 0);
            case "--verify-every" -> verifyEvery = number(option, v, 0);
            case "--series-study" -> seriesStudy = number(option, v, 0);
            case "--series-size" -> seriesSize = number(option, v, 1);
            case "--latency-requests" -> latencyRequests = number(option, v, 1);
            case "--frame-accept" -> frameAccept = v;
            default -> throw new IllegalArgumentException("unknown option " + option);
        }
    }

    private static int number(String option, String v, int min) {
        try {
            int n = Integer.parseInt(v);
            if (n < min) {
                throw new IllegalArgumentException(option + " must be at least " + min + ": " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number: " + v);
        }
    }
}
