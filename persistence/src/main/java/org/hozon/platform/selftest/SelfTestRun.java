package org.hozon.platform.selftest;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One self-test of a Hozon node: it wrote this row, wrote and read back an object in the
 * archive bucket, and sent a message on the archive queue whose consumer stamps
 * {@link #messageReceivedAt()}.
 */
@Entity
@Table(name = "self_test_run")
public class SelfTestRun {

    @Id
    @Column(name = "id", length = 36, nullable = false)
    private String id;

    @Column(name = "node", nullable = false)
    private String node;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "object_key", length = 1024, nullable = false)
    private String objectKey;

    @Column(name = "object_verified", nullable = false)
    private boolean objectVerified;

    @Column(name = "message_received_at")
    private Instant messageReceivedAt;

    /** For JPA. */
    protected SelfTestRun() {
    }

    /**
     * A new run.
     *
     * @param id             unique id of the run
     * @param node           name of the node that ran it
     * @param startedAt      when it started
     * @param objectKey      key of the object written to the archive bucket
     * @param objectVerified whether the object read back equals what was written
     */
    public SelfTestRun(String id, String node, Instant startedAt, String objectKey, boolean objectVerified) {
        this.id = Objects.requireNonNull(id);
        this.node = Objects.requireNonNull(node);
        this.startedAt = Objects.requireNonNull(startedAt);
        this.objectKey = Objects.requireNonNull(objectKey);
        this.objectVerified = objectVerified;
    }

    /** @return unique id of the run */
    public String id() {
        return id;
    }

    /** @return name of the node that ran it */
    public String node() {
        return node;
    }

    /** @return when it started */
    public Instant startedAt() {
        return startedAt;
    }

    /** @return key of the object written to the archive bucket */
    public String objectKey() {
        return objectKey;
    }

    /** @return whether the object read back equals what was written */
    public boolean objectVerified() {
        return objectVerified;
    }

    /** @return when the archive queue consumer received the run's message, or null if not yet */
    public Instant messageReceivedAt() {
        return messageReceivedAt;
    }

    /**
     * Records that the archive queue consumer received this run's message.
     *
     * @param at when it was received
     */
    public void messageReceived(Instant at) {
        this.messageReceivedAt = Objects.requireNonNull(at);
    }
}
