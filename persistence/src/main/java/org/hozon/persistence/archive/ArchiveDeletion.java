package org.hozon.persistence.archive;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The deletion outbox: an archive copy (data object and sidecar in one target) to remove from S3
 * because its instance was deleted. Written in the DELETE's transaction (or by an archiver that
 * finds its instance gone), processed asynchronously, retried until S3 confirms; the row is
 * removed then. The copy's identity (nonce prefix, wrapped key, ciphertext SHA-256) lets the
 * processor remove exactly that copy and never a newer one of a re-stored instance under the same key.
 */
@Entity
@Table(name = "archive_deletion")
public class ArchiveDeletion {

    /** Waiting to be processed. */
    public static final String PENDING = "PENDING";
    /** Claimed by a processor until {@code next_attempt_at} (its lease). */
    public static final String RUNNING = "RUNNING";

    /** The instance was deleted (DELETE). */
    public static final String REASON_DELETE = "DELETE";
    /** The instance was deleted while being archived; the archiver removes what it uploaded. */
    public static final String REASON_ORPHAN = "ORPHAN";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "pk")
    private Long pk;

    @Column(name = "target", nullable = false, length = 64)
    private String target;

    @Column(name = "bucket", nullable = false, length = 255)
    private String bucket;

    @Column(name = "object_key", nullable = false, length = 1024)
    private String objectKey;

    @Column(name = "sidecar_key", nullable = false, length = 1024)
    private String sidecarKey;

    @Column(name = "nonce_prefix")
    private byte[] noncePrefix;

    @Column(name = "wrapped_key")
    private byte[] wrappedKey;

    @Column(name = "ciphertext_sha256", length = 64)
    private String ciphertextSha256;

    @Column(name = "reason", nullable = false, length = 16)
    private String reason;

    @Column(name = "status", nullable = false, length = 16)
    private String status;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error", length = 2000)
    private String lastError;

    @Column(name = "claimed_by", length = 300)
    private String claimedBy;

    /** For JPA. */
    protected ArchiveDeletion() {
    }

    /**
     * A {@link #PENDING} deletion.
     *
     * @param target           the target's name
     * @param bucket           its bucket
     * @param objectKey        the data object
     * @param sidecarKey       its sidecar
     * @param noncePrefix      the envelope's nonce prefix (identifies the data object), or null
     * @param wrappedKey       the wrapped data key (identifies the sidecar), or null
     * @param ciphertextSha256 the data object's SHA-256, hex, if it was recorded; or null
     * @param reason           {@link #REASON_DELETE} or {@link #REASON_ORPHAN}
     * @param now              creation time
     */
    public ArchiveDeletion(String target, String bucket, String objectKey, String sidecarKey, byte[] noncePrefix,
            byte[] wrappedKey, String ciphertextSha256, String reason, Instant now) {
        this.target = target;
        this.bucket = bucket;
        this.objectKey = objectKey;
        this.sidecarKey = sidecarKey;
        this.noncePrefix = noncePrefix == null ? null : noncePrefix.clone();
        this.wrappedKey = wrappedKey == null ? null : wrappedKey.clone();
        this.ciphertextSha256 = ciphertextSha256;
        this.reason = reason;
        this.status = PENDING;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /** @return the primary key */
    public Long pk() {
        return pk;
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

    /** @return the nonce prefix of the envelope to delete, or null */
    public byte[] noncePrefix() {
        return noncePrefix == null ? null : noncePrefix.clone();
    }

    /** @return the wrapped data key of the sidecar to delete, or null */
    public byte[] wrappedKey() {
        return wrappedKey == null ? null : wrappedKey.clone();
    }

    /** @return the data object's SHA-256, hex, or null */
    public String ciphertextSha256() {
        return ciphertextSha256;
    }

    /** @return why */
    public String reason() {
        return reason;
    }

    /** @return the status */
    public String status() {
        return status;
    }

    /** @return attempts so far */
    public int attempts() {
        return attempts;
    }

    /** @return when it was written */
    public Instant createdAt() {
        return createdAt;
    }

    /** @return when it is due (next attempt, or the end of a claim's lease) */
    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    /** @return the last error, or null */
    public String lastError() {
        return lastError;
    }

    /** @return who holds (or last held) its claim: node name and run, or null */
    public String claimedBy() {
        return claimedBy;
    }

    /**
     * An attempt failed: PENDING again, due at {@code nextAttempt}.
     *
     * @param error       what went wrong
     * @param nextAttempt when to try again
     */
    public void failed(String error, Instant nextAttempt) {
        status = PENDING;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), 2000));
        nextAttemptAt = nextAttempt;
    }
}
