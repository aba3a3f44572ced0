package org.hozon.archive.queue;

/** Names of the archive queue and of the message properties its consumer understands. */
public final class ArchiveQueue {

    /** JNDI name of the queue (configured by wildfly-config). */
    public static final String JNDI_NAME = "java:/jms/queue/ArchiveQueue";

    /** String property naming what a message asks for. */
    public static final String KIND = "hozon_kind";

    /** Kind of a self-test message; its {@link #RUN_ID} names the run. */
    public static final String KIND_SELF_TEST = "self-test";

    /** Kind of a message asking to archive one instance; its {@link #TASK_PK} names the archive task. */
    public static final String KIND_ARCHIVE = "archive";

    /**
     * Kind of a message asking to remove one archive copy from S3; its {@link #DELETION_PK} names
     * the row of the deletion outbox.
     */
    public static final String KIND_DELETE_COPY = "delete-copy";

    /** Long property: the deletion's primary key. */
    public static final String DELETION_PK = "hozon_deletion_pk";

    /** Long property: the archive task's primary key. */
    public static final String TASK_PK = "hozon_task_pk";

    /** String property: the self-test run a message belongs to. */
    public static final String RUN_ID = "hozon_run_id";

    private ArchiveQueue() {
    }
}
