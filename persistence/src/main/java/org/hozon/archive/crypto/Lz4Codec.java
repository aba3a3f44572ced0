package org.hozon.archive.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * The LZ4 implementation this JVM uses: lz4-java's native library (JNI, about twice as fast) when
 * it loads, else its pure-Java port. Chosen and logged once per class loader.
 *
 * <p>Both write valid LZ4 blocks, but not the same ones for the same input. A retried archive
 * attempt re-encrypts under the same data key and nonce prefix, so two attempts that compress
 * differently (one node native, another Java, or another lz4-java version) must not share nonces:
 * {@link #bindNoncePrefix} mixes this implementation's {@link #fingerprint} into the prefix, and
 * the same implementation still gives byte-identical objects. Decompression is always the
 * bounds-checked ("safe") decompressor, native or Java.
 */
final class Lz4Codec {
    private static final Logger LOG = Logger.getLogger(Lz4Codec.class.getName());
    /** What this JVM uses. */
    static final Lz4Codec DEFAULT = load();

    private final LZ4Compressor compressor;
    private final LZ4SafeDecompressor decompressor;
    private final String description;
    private final byte[] fingerprint;

    private Lz4Codec(LZ4Factory factory, String description) {
        this.compressor = factory.fastCompressor();
        this.decompressor = factory.safeDecompressor();
        this.description = description;
        this.fingerprint = fingerprintOf(description);
    }

    /** @return the native implementation if it loads, else the pure-Java one, saying which once */
    private static Lz4Codec load() {
        String version = lz4JavaVersion();
        try {
            Lz4Codec codec = new Lz4Codec(LZ4Factory.nativeInstance(), "lz4-java " + version + " native (JNI)");
            LOG.info("Archive compression: " + codec.description);
            return codec;
        } catch (Throwable e) { // UnsatisfiedLinkError, or anything else that stops the library loading
            Lz4Codec codec = javaOnly(version);
            LOG.info("Archive compression: " + codec.description + "; the native library did not load: " + e);
            return codec;
        }
    }

    /** @return the pure-Java implementation, whatever the platform */
    static Lz4Codec javaOnly() {
        return javaOnly(lz4JavaVersion());
    }

    private static Lz4Codec javaOnly(String version) {
        return new Lz4Codec(LZ4Factory.safeInstance(), "lz4-java " + version + " pure Java");
    }

    /** @return the native implementation (tests) */
    static Lz4Codec nativeOnly() {
        return new Lz4Codec(LZ4Factory.nativeInstance(), "lz4-java " + lz4JavaVersion() + " native (JNI)");
    }

    LZ4Compressor compressor() {
        return compressor;
    }

    LZ4SafeDecompressor decompressor() {
        return decompressor;
    }

    /** @return the implementation and library version, e.g. "lz4-java 1.10.1 native (JNI)" */
    String description() {
        return description;
    }

    /** @return 7 bytes that differ between implementations and versions */
    byte[] fingerprint() {
        return fingerprint.clone();
    }

    /**
     * @param prefix the object's random nonce prefix
     * @return the prefix to seal with: {@code prefix XOR fingerprint}, the same for the same
     *         prefix and implementation, different for another implementation
     */
    byte[] bindNoncePrefix(byte[] prefix) {
        byte[] bound = prefix.clone();
        for (int i = 0; i < bound.length; i++) {
            bound[i] ^= fingerprint[i];
        }
        return bound;
    }

    /**
     * @param prefix an object's random nonce prefix
     * @return the prefix bound by each implementation of this lz4-java version (native, pure Java)
     */
    static List<byte[]> knownBindings(byte[] prefix) {
        String version = lz4JavaVersion();
        List<byte[]> out = new ArrayList<>();
        for (String description : List.of("lz4-java " + version + " native (JNI)", "lz4-java " + version + " pure Java")) {
            byte[] fingerprint = fingerprintOf(description);
            byte[] bound = prefix.clone();
            for (int i = 0; i < bound.length; i++) {
                bound[i] ^= fingerprint[i];
            }
            out.add(bound);
        }
        return out;
    }

    private static byte[] fingerprintOf(String description) {
        try {
            // the segment modes are part of what decides the bytes: a change there changes the label
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("hozon-segment-codec/lz4+shuffle16-v1/" + description).getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(digest, EnvelopeHeader.NONCE_PREFIX_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String lz4JavaVersion() {
        try (InputStream in = LZ4Factory.class.getResourceAsStream("/META-INF/maven/at.yawk.lz4/lz4-java/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            }
        } catch (IOException e) {
            // fall through: the version is only part of a label
        }
        return "unknown";
    }

    @Override
    public String toString() {
        return description;
    }
}
