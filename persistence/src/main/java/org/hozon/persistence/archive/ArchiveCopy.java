package org.hozon.persistence.archive;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A copy of an instance that an S3 target confirmed: where it is and what its ciphertext is. */
@Entity
@Table(name = "archive_copy")
public class ArchiveCopy {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "pk")
    private Long pk;

    @Column(name = "instance_fk", nullable = false)
    private Long instanceFk;

    @Column(name = "target", nullable = false, length = 64)
    private String target;

    @Column(name = "bucket", nullable = false, length = 255)
    private String bucket;

    @Column(name = "object_key", nullable = false, length = 1024)
    private String objectKey;

    @Column(name = "sidecar_key", nullable = false, length = 1024)
    private String sidecarKey;

    @Column(name = "etag", length = 128)
    private String etag;

    @Column(name = "ciphertext_sha256", nullable = false, length = 64)
    private String ciphertextSha256;

    @Column(name = "ciphertext_size", nullable = false)
    private long ciphertextSize;

    @Column(name = "key_id", nullable = false, length = 64)
    private String keyId;

    @Column(name = "wrapped_key", nullable = false)
    private byte[] wrappedKey;

    @Column(name = "archived_at", nullable = false)
    private Instant archivedAt;

    @Column(name = "storage_class", length = 32)
    private String storageClass;

    /** For JPA. */
    protected ArchiveCopy() {
    }

    /**
     * @param instanceFk       the instance
     * @param target           the S3 target's name
     * @param bucket           its bucket
     * @param objectKey        the data object's key
     * @param sidecarKey       the sidecar's key
     * @param etag             the ETag S3 answered
     * @param ciphertextSha256 SHA-256 of the object, hex (S3 verified it)
     * @param ciphertextSize   the object's length
     * @param keyId            the KEK that wraps the data key
     * @param wrappedKey       the wrapped data key
     * @param archivedAt       when S3 confirmed
     */
    public ArchiveCopy(Long instanceFk, String target, String bucket, String objectKey, String sidecarKey, String etag,
            String ciphertextSha256, long ciphertextSize, String keyId, byte[] wrappedKey, Instant archivedAt) {
        this.instanceFk = instanceFk;
        this.target = target;
        this.bucket = bucket;
        this.objectKey = objectKey;
        this.sidecarKey = sidecarKey;
        this.etag = etag;
        this.ciphertextSha256 = ciphertextSha256;
        this.ciphertextSize = ciphertextSize;
        this.keyId = keyId;
        this.wrappedKey = wrappedKey.clone();
        this.archivedAt = archivedAt;
    }

    /**
     * Records the storage class the data object was written with.
     *
     * @param storageClass the class, or null for the bucket's default
     * @return this copy
     */
    public ArchiveCopy storedAs(String storageClass) {
        this.storageClass = storageClass;
        return this;
    }

    /** @return the primary key (null until persisted) */
    public Long pk() {
        return pk;
    }

    /** @return the instance */
    public Long instanceFk() {
        return instanceFk;
    }

    /** @return the target's name */
    public String target() {
        return target;
    }

    /** @return the bucket */
    public String bucket() {
        return bucket;
    }

    /** @return the data object's key */
    public String objectKey() {
        return objectKey;
    }

    /** @return the sidecar's key */
    public String sidecarKey() {
        return sidecarKey;
    }

    /** @return the ETag S3 answered for the data object */
    public String etag() {
        return etag;
    }

    /** @return SHA-256 of the data object, hex */
    public String ciphertextSha256() {
        return ciphertextSha256;
    }

    /** @return the data object's length */
    public long ciphertextSize() {
        return ciphertextSize;
    }

    /** @return the KEK that wraps the data key */
    public String keyId() {
        return keyId;
    }

    /** @return the wrapped data key */
    public byte[] wrappedKey() {
        return wrappedKey.clone();
    }

    /** @return when S3 confirmed the copy */
    public Instant archivedAt() {
        return archivedAt;
    }

    /** @return the data object's storage class, or null for the bucket's default (and for copies made before it was recorded) */
    public String storageClass() {
        return storageClass;
    }
}
