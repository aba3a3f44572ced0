package org.hozon.archive.crypto;

/**
 * Whose data key it is: bound as authenticated data into the wrapped key.
 *
 * @param tenant         the hospital
 * @param sopInstanceUid the instance
 * @param keyId          the KEK that wraps the key
 */
public record ObjectIdentity(String tenant, String sopInstanceUid, String keyId) {

    /** Rejects missing parts and the separator byte inside a part. */
    public ObjectIdentity {
        for (String s : new String[] {tenant, sopInstanceUid, keyId}) {
            if (s == null || s.isEmpty() || s.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("identity parts must be non-empty and contain no NUL");
            }
        }
    }
}
