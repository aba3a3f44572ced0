package org.hozon.ingest;

import java.time.Instant;

import org.hozon.persistence.archive.ArchiveCopy;

/**
 * An archive copy that an instance already has, because it was restored from it: the instance
 * is indexed with its archive task ARCHIVED and this copy recorded, so it is never archived again.
 *
 * @param target           the S3 target's name
 * @param bucket           its bucket
 * @param objectKey        the data object's key
 * @param sidecarKey       the sidecar's key
 * @param etag             the object's ETag
 * @param ciphertextSha256 SHA-256 of the object, hex
 * @param ciphertextSize   the object's length
 * @param keyId            the KEK that wraps the data key
 * @param wrappedKey       the wrapped data key
 * @param noncePrefix      the envelope's nonce prefix
 * @param archivedAt       when the copy was made (the object's Last-Modified)
 */
public record ArchivedCopy(String target, String bucket, String objectKey, String sidecarKey, String etag,
        String ciphertextSha256, long ciphertextSize, String keyId, byte[] wrappedKey, byte[] noncePrefix,
        Instant archivedAt) {

    /** Keeps copies of the arrays. */
    public ArchivedCopy {
        wrappedKey = wrappedKey.clone();
        noncePrefix = noncePrefix.clone();
    }

    @Override
    public byte[] wrappedKey() {
        return wrappedKey.clone();
    }

    @Override
    public byte[] noncePrefix() {
        return noncePrefix.clone();
    }

    /** @return the {@code archive_copy} row of this copy for the instance {@code instancePk} */
    ArchiveCopy toEntity(Long instancePk) {
        return new ArchiveCopy(instancePk, target, bucket, objectKey, sidecarKey, etag, ciphertextSha256, ciphertextSize,
                keyId, wrappedKey, archivedAt);
    }
}
