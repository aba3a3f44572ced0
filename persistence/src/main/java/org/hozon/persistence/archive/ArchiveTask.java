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
}
