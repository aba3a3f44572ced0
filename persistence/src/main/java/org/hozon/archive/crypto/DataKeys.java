package org.hozon.archive.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Data keys and their wrapping by a KEK. A data key is 256 random bits, fresh per instance: one
 * key never encrypts two objects (so GCM nonces can never collide across objects), losing or
 * shredding one key affects one instance only, and restore or recall of one instance needs only
 * its own sidecar.
 *
 * <p>Wrapped form: {@code nonce (12 random bytes) || AES-256-GCM(KEK, data key) with its 16-byte tag}
 * (60 bytes). The authenticated data binds the wrap to its object: {@code "hozon-dek-v1" 0 tenant 0
 * SOP Instance UID 0 key id}, so a wrapped key copied to another instance, tenant or key id
 * does not unwrap.
 */
public final class DataKeys {
    /** Length of a wrapped data key. */
    public static final int WRAPPED_LENGTH = 12 + 32 + 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private DataKeys() {
    }

    /** @return a fresh AES-256 data key */
    public static SecretKey generate() {
        byte[] k = new byte[32];
        RANDOM.nextBytes(k);
        return new SecretKeySpec(k, "AES");
    }

    /** @return a fresh random nonce prefix for an envelope */
    public static byte[] noncePrefix() {
        byte[] p = new byte[EnvelopeHeader.NONCE_PREFIX_LENGTH];
        RANDOM.nextBytes(p);
        return p;
    }

    /**
     * Wraps a data key.
     *
     * @param kek      the key-encryption key
     * @param dataKey  the data key
     * @param identity what the key belongs to
     * @return the wrapped key
     */
    public static byte[] wrap(SecretKey kek, SecretKey dataKey, ObjectIdentity identity) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, kek, new GCMParameterSpec(128, nonce));
            c.updateAAD(aad("hozon-dek-v1", identity));
            byte[] sealed = c.doFinal(dataKey.getEncoded());
            byte[] out = Arrays.copyOf(nonce, 12 + sealed.length);
            System.arraycopy(sealed, 0, out, 12, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot wrap a data key", e);
        }
    }

    /**
     * Unwraps a data key.
     *
     * @param kek      the KEK named by {@code identity.keyId()}
     * @param wrapped  the wrapped key
     * @param identity the object it must belong to
     * @return the data key
     * @throws EnvelopeException if it does not authenticate (wrong KEK, other object, tampered)
     */
    public static SecretKey unwrap(SecretKey kek, byte[] wrapped, ObjectIdentity identity) throws EnvelopeException {
        if (wrapped.length != WRAPPED_LENGTH) {
            throw new EnvelopeException("wrapped key has a wrong length " + wrapped.length);
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, kek, new GCMParameterSpec(128, wrapped, 0, 12));
            c.updateAAD(aad("hozon-dek-v1", identity));
            return new SecretKeySpec(c.doFinal(wrapped, 12, wrapped.length - 12), "AES");
        } catch (GeneralSecurityException e) {
            throw new EnvelopeException("data key does not unwrap for this object and key id", e);
        }
    }

    static byte[] aad(String purpose, ObjectIdentity id) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part : new String[] {purpose, id.tenant(), id.sopInstanceUid(), id.keyId()}) {
            out.writeBytes(part.getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        return out.toByteArray();
    }
}
