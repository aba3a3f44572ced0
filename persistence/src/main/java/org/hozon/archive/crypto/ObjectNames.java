package org.hozon.archive.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque S3 object keys: {@code HMAC-SHA256(naming key, tenant 0 SOP Instance UID)} in hex. The
 * same instance always gets the same key (so a conditional PUT finds an earlier copy), yet
 * without the naming key nobody can tell which instance an object holds, or test a guessed UID.
 * The naming key is derived from a KEK ({@code HMAC-SHA256(KEK, "hozon-object-naming-v1")}), so
 * it lives only in the keystore.
 */
public final class ObjectNames {
    private final SecretKey namingKey;

    /** @param kek the KEK the naming key is derived from */
    public ObjectNames(SecretKey kek) {
        this.namingKey = new SecretKeySpec(hmac(kek.getEncoded(), "hozon-object-naming-v1".getBytes(StandardCharsets.UTF_8)),
                "HmacSHA256");
    }

    /**
     * @param tenant         the hospital
     * @param sopInstanceUid the instance
     * @return the data object's key (64 hex digits)
     */
    public String dataObject(String tenant, String sopInstanceUid) {
        return HexFormat.of().formatHex(hmac(namingKey.getEncoded(),
                (tenant + '\0' + sopInstanceUid).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * @param dataObject a data object's key
     * @return its sidecar's key
     */
    public static String sidecarOf(String dataObject) {
        return dataObject + ".key";
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 not available", e);
        }
    }
}
