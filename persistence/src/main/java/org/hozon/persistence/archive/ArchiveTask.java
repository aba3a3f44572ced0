package org.hozon.persistence.archive;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The archive outbox: one row per stored instance, written in the same transaction as the
 * instance, so that no acknowledged instance can miss its copy to S3.
 */
@Entity
@Table(name = "archive_task")
public class ArchiveTask {

    /** Waiting for the archiver. */
    public static final String PENDING = "PENDING";
    /** Claimed by an archiver until {@code next_attempt_at} (its lease). */
    public static final String RUNNING = "RUNNING";
    /**
     * Every required target confirmed its copy. {@code next_attempt_at} is then when copies still
     * missing on optional targets are tried again, or {@link #NEVER} when every target holds one.
     */
    public static final String ARCHIVED = "ARCHIVED";
    /** Gave up after the maximum number of attempts; an operator retries it. */
    public static final String FAILED = "FAILED";

    /** {@code next_attempt_at} of an ARCHIVED task that every target holds: nothing left to do. */
    public static final Instant NEVER = Instant.parse("9999-12-31T00:00:00Z");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "pk")
    private Long pk;

    @Column(name = "instance_fk", nullable = false)
    private Long instanceFk;

    @Column(name = "status", nullable = false, length = 16)
    private String status;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "last_error", length = 2000)
    private String lastError;

    @Column(name = "key_id", length = 64)
    private String keyId;

    @Column(name = "wrapped_key")
    private byte[] wrappedKey;

    @Column(name = "nonce_prefix")
    private byte[] noncePrefix;

    @Column(name = "object_key", length = 1024)
    private String objectKey;

    @Column(name = "claimed_by", length = 300)
    private String claimedBy;

    /** For JPA. */
    protected ArchiveTask() {
    }

    /**
     * A {@link #PENDING} task, due now.
     *
     * @param instanceFk the instance to archive
     * @param now        creation time
     */
    public ArchiveTask(Long instanceFk, Instant now) {
        this.instanceFk = instanceFk;
        this.status = PENDING;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /** @return the primary key */
    public Long pk() {
        return pk;
    }

    /** @return the instance's primary key */
    public Long instanceFk() {
        return instanceFk;
    }

    /** @return the status */
    public String status() {
        return status;
    }

    /** @return the number of attempts so far */
    public int attempts() {
        return attempts;
    }

    /** @return when it was created (the instance's acknowledgement) */
    public Instant createdAt() {
        return createdAt;
    }

    /** @return when it is due: its next attempt, the end of its claim's lease, or {@link #NEVER} */
    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    /** @return when it became ARCHIVED, or null */
    public Instant completedAt() {
        return completedAt;
    }

    /** @return the last error, or null */
    public String lastError() {
        return lastError;
    }

    /** @return who holds (or last held) its claim: node name and run, or null */
    public String claimedBy() {
        return claimedBy;
    }

    /** @return the data object's key in every target, or null before the first attempt */
    public String objectKey() {
        return objectKey;
    }

    /** @return the id of the KEK that wrapped the data key, or null before the first attempt */
    public String keyId() {
        return keyId;
    }

    /** @return the wrapped data key, or null before the first attempt */
    public byte[] wrappedKey() {
        return wrappedKey == null ? null : wrappedKey.clone();
    }

    /** @return the envelope's nonce prefix, or null before the first attempt */
    public byte[] noncePrefix() {
        return noncePrefix == null ? null : noncePrefix.clone();
    }

    /**
     * Fixes the data key and nonce prefix of this instance's envelope (first attempt only).
     *
     * @param keyId       the KEK id
     * @param wrappedKey  the wrapped data key
     * @param noncePrefix the nonce prefix
     */
    public void chooseKey(String keyId, byte[] wrappedKey, byte[] noncePrefix) {
        this.keyId = keyId;
        this.wrappedKey = wrappedKey.clone();
        this.noncePrefix = noncePrefix.clone();
    }

    /**
     * Fixes the data object's key (first attempt, or the first after an upgrade that added it).
     *
     * @param objectKey the key
     */
    public void name(String objectKey) {
        this.objectKey = objectKey;
    }

    /**
     * Every target holds the copy.
     *
     * @param now completion time (kept if it was ARCHIVED already)
     */
    public void archived(Instant now) {
        archived(now, NEVER, null);
    }

    /**
     * Every required target holds the copy; optional ones may still lack it.
     *
     * @param now         completion time (kept if it was ARCHIVED already)
     * @param nextAttempt when to try the missing optional copies again, or {@link #NEVER}
     * @param error       why optional copies are missing, or null
     */
    public void archived(Instant now, Instant nextAttempt, String error) {
        if (!ARCHIVED.equals(status) || completedAt == null) {
            completedAt = now;
        }
        status = ARCHIVED;
        nextAttemptAt = nextAttempt;
        lastError = cut(error);
    }

    /**
     * An attempt failed.
     *
     * @param error       what went wrong
     * @param giveUp      whether no more attempts will be made
     * @param nextAttempt when the recovery timer may send it again
     */
    public void failed(String error, boolean giveUp, Instant nextAttempt) {
        status = giveUp ? FAILED : PENDING;
        lastError = cut(error);
        nextAttemptAt = nextAttempt;
    }

    private static String cut(String error) {
        return error == null ? null : error.substring(0, Math.min(error.length(), 2000));
    }

    /**
     * Back to {@link #PENDING}, due now, with its attempts counted from zero (an operator's retry,
     * or the recovery of a lost message).
     *
     * @param now       the time
     * @param resetCount whether to start counting attempts afresh
     */
    public void requeue(Instant now, boolean resetCount) {
        status = PENDING;
        nextAttemptAt = now;
        if (resetCount) {
            attempts = 0;
        }
    }
}
