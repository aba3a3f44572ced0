package org.hozon.bench.load;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The command line of the archive modes ({@code --archive-throughput}, {@code --archive-lag}); see {@link #USAGE}. */
final class ArchiveOptions {
    static final String USAGE = String.join("\n",
            "usage: bench/run-load <baseUrl> --archive-throughput [options]",
            "       bench/run-load <baseUrl> --archive-lag --rate R [options]",
            "  --archive-throughput    pause archiving (the archive MDB's delivery, via jboss-cli), store",
            "                          --instances CT instances, resume, and time the backlog draining:",
            "                          plaintext MB/s archived (compress + encrypt + PUT)",
            "  --archive-lag           STOW at a constant --rate for --duration while sampling",
            "                          /admin/archive; then the percentiles of acknowledgement -> ARCHIVED",
            "  --instances N           throughput: instances stored for the backlog (default 6000)",
            "  --warmup N              instances stored and archived first, not counted (default 2000)",
            "  --clients N             throughput: STOW clients filling the backlog (default 8);",
            "                          lag: most requests in flight (default 32)",
            "  --rate R                lag: instances per second (required)",
            "  --duration D            lag: how long, e.g. 600, 120s, 10m (default 10m)",
            "  --per-request N         instances per STOW request (default 10; lag: 5)",
            "  --sample S              lag: seconds between progress lines (default 10)",
            "  --drain S               lag: seconds to wait for the backlog after the last STOW (default 300)",
            "  --delete-after S        lag, with --jdbc: DELETE each study once archived (and its lags read), at the",
            "                          earliest S s after its STOW, so a long run fits the disk (default 0: keep)",
            "  --jdbc URL              the server's PostgreSQL (e.g. jdbc:postgresql://127.0.0.1:5433/hozon):",
            "                          exact lag percentiles over every task of the run from archive_task;",
            "                          without it, the admin API's (last 10,000 archived tasks) are shown",
            "  --jdbc-user U           (default hozon)   --jdbc-password P (default hozon)",
            "  --admin URL             the archive status (default: <scheme://host:port of baseUrl>/admin/archive)",
            "  --management-port P     WildFly management port for jboss-cli (default: baseUrl port + 1910)",
            "  --jboss-cli PATH        default: wildfly-config/target/wildfly-*/bin/jboss-cli.sh",
            "  --pids name=PID,...     also report the CPU of these processes, e.g. wildfly=123,s3proxy=456",
            "  --seed N                data seed (default: the current time, so every run stores new UIDs)",
            "  --pool N                distinct pixel slices (default 64)",
            "  --user U --password P   HTTP basic authentication");

    private static final Set<String> VALUED = Set.of("--instances", "--warmup", "--clients", "--rate", "--duration", "--per-request",
            "--sample", "--drain", "--delete-after", "--jdbc", "--jdbc-user", "--jdbc-password", "--admin", "--management-port",
            "--jboss-cli", "--seed", "--pool", "--user", "--password");

    enum Mode { THROUGHPUT, LAG }

    final Mode mode;
    final String baseUrl;
    final String adminUrl;
    final int instances;
    final int warmup;
    final int clients;
    final double rate;
    final int durationSeconds;
    final int perRequest;
    final int sampleSeconds;
    final int drainSeconds;
    final int deleteAfterSeconds;
    final String jdbcUrl;
    final String jdbcUser;
    final String jdbcPassword;
    final int managementPort;
    final String jbossCli;
    final Map<String, Long> pids;
    final long seed;
    final int pool;
    final String user;
    final String password;

    private ArchiveOptions(Mode mode, Map<String, String> v, Map<String, Long> pids) {
        this.mode = mode;
        this.baseUrl = v.get("base");
        URI base = URI.create(baseUrl);
        String origin = base.getScheme() + "://" + base.getHost() + ":" + port(base);
        this.adminUrl = v.getOrDefault("--admin", origin + "/admin/archive");
        this.instances = positive("--instances", v.getOrDefault("--instances", "6000"));
        this.warmup = Integer.parseInt(v.getOrDefault("--warmup", "2000"));
        this.clients = positive("--clients", v.getOrDefault("--clients", mode == Mode.LAG ? "32" : "8"));
        this.rate = mode == Mode.LAG ? positiveDouble("--rate", v.get("--rate")) : 0;
        this.durationSeconds = duration(v.getOrDefault("--duration", "10m"));
        this.perRequest = positive("--per-request", v.getOrDefault("--per-request", mode == Mode.LAG ? "5" : "10"));
        this.sampleSeconds = positive("--sample", v.getOrDefault("--sample", "10"));
        this.drainSeconds = positive("--drain", v.getOrDefault("--drain", "300"));
        this.deleteAfterSeconds = Integer.parseInt(v.getOrDefault("--delete-after", "0"));
        this.jdbcUrl = v.get("--jdbc");
        this.jdbcUser = v.getOrDefault("--jdbc-user", "hozon");
        this.jdbcPassword = v.getOrDefault("--jdbc-password", "hozon");
        this.managementPort = positive("--management-port", v.getOrDefault("--management-port",
                Integer.toString(port(base) + 1910)));
        this.jbossCli = v.get("--jboss-cli");
        this.pids = Map.copyOf(pids);
        this.seed = Long.parseLong(v.getOrDefault("--seed", Long.toString(System.currentTimeMillis())));
        this.pool = positive("--pool", v.getOrDefault("--pool", "64"));
        this.user = v.get("--user");
        this.password = v.get("--password");
    }

    /** @return whether {@code args} asks for an archive mode */
    static boolean wanted(String[] args) {
        for (String a : args) {
            if (a.equals("--archive-throughput") || a.equals("--archive-lag")) {
                return true;
            }
        }
        return false;
    }

    /** Parses {@code args}; throws IllegalArgumentException with a message on bad input. */
    static ArchiveOptions parse(String[] args) {
        Mode mode = null;
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Long> pids = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                if (values.putIfAbsent("base", a) != null) {
                    throw new IllegalArgumentException("more than one base URL: " + a);
                }
            } else if (a.equals("--archive-throughput") || a.equals("--archive-lag")) {
                Mode m = a.equals("--archive-lag") ? Mode.LAG : Mode.THROUGHPUT;
                if (mode != null && mode != m) {
                    throw new IllegalArgumentException("--archive-throughput and --archive-lag are separate runs");
                }
                mode = m;
            } else if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value");
            } else if (a.equals("--pids")) {
                for (String pair : args[++i].split(",")) {
                    String[] nv = pair.split("=", 2);
                    if (nv.length != 2) {
                        throw new IllegalArgumentException("--pids wants name=PID,...: " + pair);
                    }
                    pids.put(nv[0], (long) positive("--pids", nv[1]));
                }
            } else if (VALUED.contains(a)) {
                values.put(a, args[++i]);
            } else {
                throw new IllegalArgumentException("unknown option " + a);
            }
        }
        String base = values.get("base");
        if (base == null || !(base.startsWith("http://") || base.startsWith("https://"))) {
            throw new IllegalArgumentException("a base URL (http://...) is required");
        }
        if (values.containsKey("--delete-after") && !values.containsKey("--jdbc")) {
            throw new IllegalArgumentException("--delete-after needs --jdbc (a study goes only once its lags were read)");
        }
        if (mode == Mode.LAG && !values.containsKey("--rate")) {
            throw new IllegalArgumentException("--archive-lag needs --rate");
        }
        return new ArchiveOptions(mode, values, pids);
    }

    private static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    static int duration(String v) {
        try {
            if (v.endsWith("m")) {
                return positive("--duration", v.substring(0, v.length() - 1)) * 60;
            }
            return positive("--duration", v.endsWith("s") ? v.substring(0, v.length() - 1) : v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--duration wants seconds or minutes, e.g. 600, 120s, 10m: " + v);
        }
    }

    private static int positive(String option, String v) {
        try {
            int n = Integer.parseInt(v);
            if (n <= 0) {
                throw new IllegalArgumentException(option + " must be positive: " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number: " + v);
        }
    }

    private static double positiveDouble(String option, String v) {
        try {
            double d = Double.parseDouble(v);
            if (!(d > 0)) {
                throw new IllegalArgumentException(option + " must be positive: " + v);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number: " + v);
        }
    }
}
