package org.hozon.archive.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.crypto.SecretKey;

/**
 * The tenant's key-encryption keys, each named by its id (the keystore alias). New wraps use the
 * active one; unwraps find theirs by the id recorded beside the wrapped key. Several may exist
 * (rotation: add a key, make it active, keep the old ones for unwrapping).
 */
public final class KeyRing {
    private final Map<String, SecretKey> keys;
    private final String activeId;

    /**
     * @param keys     KEKs by id
     * @param activeId the id new wraps use
     */
    public KeyRing(Map<String, SecretKey> keys, String activeId) {
        this.keys = Collections.unmodifiableMap(new TreeMap<>(keys));
        if (!this.keys.containsKey(activeId)) {
            throw new IllegalArgumentException("active key id '" + activeId + "' is not in the keystore " + this.keys.keySet());
        }
        this.activeId = activeId;
    }

    /**
     * Loads every AES secret key of a PKCS#12 keystore (keytool -genseckey -keyalg AES -keysize 256
     * -storetype PKCS12), all protected by the store password.
     *
     * @param path     the keystore file
     * @param password its password (also each key's)
     * @param activeId the id new wraps use; empty: the only key in the store
     * @return the ring
     * @throws IllegalStateException if the store cannot be read or the active key is not clear
     */
    public static KeyRing load(Path path, char[] password, Optional<String> activeId) {
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            Map<String, SecretKey> keys = new TreeMap<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    Key key = store.getKey(alias, password);
                    if (key instanceof SecretKey secret && "AES".equalsIgnoreCase(secret.getAlgorithm())
                            && secret.getEncoded() != null && secret.getEncoded().length == 32) {
                        keys.put(alias, secret);
                    }
                }
            }
            if (keys.isEmpty()) {
                throw new IllegalStateException("keystore " + path + " holds no AES-256 secret key");
            }
            String active = activeId.filter(s -> !s.isBlank()).orElseGet(() -> {
                if (keys.size() != 1) {
                    throw new IllegalStateException("keystore " + path + " holds several keys " + keys.keySet()
                            + "; set hozon.keys.active-id");
                }
                return keys.keySet().iterator().next();
            });
            return new KeyRing(keys, active);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the keystore " + path + ": " + e.getMessage(), e);
        }
    }

    /** @return the id of the key new wraps use */
    public String activeId() {
        return activeId;
    }

    /** @return the key new wraps use */
    public SecretKey active() {
        return keys.get(activeId);
    }

    /**
     * @param id a key id
     * @return that KEK
     * @throws EnvelopeException if the keystore does not hold it
     */
    public SecretKey get(String id) throws EnvelopeException {
        SecretKey key = keys.get(id);
        if (key == null) {
            throw new EnvelopeException("no KEK with id '" + id + "' in the keystore");
        }
        return key;
    }

    /** @return every id */
    public java.util.Set<String> ids() {
        return keys.keySet();
    }
}
