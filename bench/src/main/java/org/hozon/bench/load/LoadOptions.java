package org.hozon.bench.load;

import java.util.ArrayList;
import java.util.List;

/** The driver's command line, parsed; see {@link #USAGE}. */
final class LoadOptions {
    static final String USAGE = String.join("\n",
            "usage: bench/run-load <baseUrl> [options]",
            "  <baseUrl>               DICOMweb root, e.g. http://127.0.0.1:8080/dicom-web",
            "  --clients 1,4,16        STOW concurrency levels, run in this order",
            "  --instances N           instances stored per level (default 2000)",
            "  --duration S            instead: store for S seconds per level",
            "  --per-request N         instances per STOW request, one study/series each (default 10)",
            "  --warmup N              instances stored before the first level, not reported (default 100)",
            "  --pool N                distinct pixel slices generated up front (default 64)",
            "  --header-only           instances without Pixel Data (about 2 KB each), to fill an index fast",
            "  --seed N                data seed: same seed, same studies and UIDs (default 1)",
            "  --first-study N         number of the first study sent (default 0); raise it to add",
            "                          new studies to a server already loaded with this seed",
            "  --qido-queries N        QIDO searches after loading (default 2000; 0 skips QIDO)",
            "  --qido-clients 1[,4]    QIDO concurrency levels (default 1)",
            "  --qido-limit N          add limit=N to every search (default: no limit)",
            "  --skip-stow             store nothing; search the studies the same options would store\n"
                    + "                          (count mode: --instances, not --duration)",
            "  --server-pid PID        also report the CPU used by this server process (same machine, Linux)",
            "  --user U --password P   HTTP basic authentication",
            "  --archive-throughput, --archive-lag   Hozon's archive figures: --archive-lag --help");

    final String baseUrl;
    final List<Integer> clients;
    final int instances;
    final int durationSeconds;
    final int perRequest;
    final int warmup;
    final int pool;
    final boolean headerOnly;
    final long seed;
    final int firstStudy;
    final int qidoQueries;
    final List<Integer> qidoClients;
    final int qidoLimit;
    final boolean skipStow;
    final long serverPid;
    final String user;
    final String password;

    private LoadOptions(Builder b) {
        baseUrl = b.baseUrl;
        clients = List.copyOf(b.clients);
        instances = b.instances;
        durationSeconds = b.durationSeconds;
        perRequest = b.perRequest;
        warmup = b.warmup;
        pool = b.pool;
        headerOnly = b.headerOnly;
        seed = b.seed;
        firstStudy = b.firstStudy;
        qidoQueries = b.qidoQueries;
        qidoClients = List.copyOf(b.qidoClients);
        qidoLimit = b.qidoLimit;
        skipStow = b.skipStow;
        serverPid = b.serverPid;
        user = b.user;
        password = b.password;
    }

    /** Requests per level in count mode (each carries {@link #perRequest} instances). */
    int requestsPerLevel() {
        return (instances + perRequest - 1) / perRequest;
    }

    int warmupRequests() {
        return (warmup + perRequest - 1) / perRequest;
    }

    /** Parses {@code args}; throws IllegalArgumentException with a message on bad input. */
    static LoadOptions parse(String[] args) {
        Builder b = new Builder();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                if (b.baseUrl != null) {
                    throw new IllegalArgumentException("more than one base URL: " + a);
                }
                b.baseUrl = a;
                continue;
            }
            if (a.equals("--skip-stow")) {
                b.skipStow = true;
                continue;
            }
            if (a.equals("--header-only")) {
                b.headerOnly = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--clients" -> b.clients = intList(a, v);
                case "--instances" -> b.instances = positive(a, v);
                case "--duration" -> b.durationSeconds = positive(a, v);
                case "--per-request" -> b.perRequest = positive(a, v);
                case "--warmup" -> b.warmup = nonNegative(a, v);
                case "--pool" -> b.pool = positive(a, v);
                case "--seed" -> b.seed = Long.parseLong(v);
                case "--first-study" -> b.firstStudy = nonNegative(a, v);
                case "--qido-queries" -> b.qidoQueries = nonNegative(a, v);
                case "--qido-clients" -> b.qidoClients = intList(a, v);
                case "--qido-limit" -> b.qidoLimit = nonNegative(a, v);
                case "--server-pid" -> b.serverPid = positive(a, v);
                case "--user" -> b.user = v;
                case "--password" -> b.password = v;
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (b.baseUrl == null || !(b.baseUrl.startsWith("http://") || b.baseUrl.startsWith("https://"))) {
            throw new IllegalArgumentException("a base URL (http://...) is required");
        }
        return new LoadOptions(b);
    }

    private static List<Integer> intList(String option, String v) {
        List<Integer> out = new ArrayList<>();
        for (String s : v.split(",")) {
            int n = positive(option, s.trim());
            if (n > 1024) {
                throw new IllegalArgumentException(option + ": at most 1024 clients");
            }
            out.add(n);
        }
        return out;
    }

    private static int positive(String option, String v) {
        int n = nonNegative(option, v);
        if (n == 0) {
            throw new IllegalArgumentException(option + " must be positive");
        }
        return n;
    }

    private static int nonNegative(String option, String v) {
        try {
            int n = Integer.parseInt(v);
            if (n < 0) {
                throw new IllegalArgumentException(option + " must not be negative: " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number: " + v);
        }
    }

    private static final class Builder {
        String baseUrl;
        List<Integer> clients = List.of(1, 4, 16);
        int instances = 2000;
        int durationSeconds;
        int perRequest = 10;
        int warmup = 100;
        int pool = 64;
        boolean headerOnly;
        long seed = 1;
        int firstStudy;
        int qidoQueries = 2000;
        List<Integer> qidoClients = List.of(1);
        int qidoLimit;
        boolean skipStow;
        long serverPid;
        String user;
        String password;
    }
}
