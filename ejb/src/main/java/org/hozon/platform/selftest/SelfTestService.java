package org.hozon.platform.selftest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.hozon.archive.queue.ArchiveQueue;
import org.hozon.archive.s3.S3Settings;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Proves that the wires of this node work end to end: an object written to the archive
 * bucket and read back, a row written to the database, and a message on the archive queue
 * that its consumer acknowledges by stamping the row. Operators run it after an
 * installation or a configuration change ({@code POST /admin/self-test}).
 */
@Stateless
public class SelfTestService {

    /** Prefix of the objects the self-test writes; they are tiny and kept as evidence. */
    public static final String OBJECT_PREFIX = "self-test/";

    @PersistenceContext(unitName = "hozon")
    EntityManager em;

    @Inject
    JMSContext jms;

    @Resource(lookup = ArchiveQueue.JNDI_NAME)
    Queue archiveQueue;

    @Inject
    S3Client s3;

    @Inject
    S3Settings s3Settings;

    /**
     * Runs the synchronous part of a self-test and sends its message; the message is
     * delivered when this transaction commits, together with the row.
     *
     * @return the new run
     */
    public SelfTestRun start() {
        String id = UUID.randomUUID().toString();
        String key = OBJECT_PREFIX + id;
        byte[] content = ("Hozon self-test " + id).getBytes(StandardCharsets.US_ASCII);
        s3.putObject(b -> b.bucket(s3Settings.bucket()).key(key), RequestBody.fromBytes(content));
        byte[] readBack = s3.getObjectAsBytes(b -> b.bucket(s3Settings.bucket()).key(key)).asByteArray();

        SelfTestRun run = new SelfTestRun(id, nodeName(), Instant.now(), key, Arrays.equals(content, readBack));
        em.persist(run);

        TextMessage message = jms.createTextMessage(id);
        try {
            message.setStringProperty(ArchiveQueue.KIND, ArchiveQueue.KIND_SELF_TEST);
            message.setStringProperty(ArchiveQueue.RUN_ID, id);
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
        jms.createProducer().send(archiveQueue, message);
        return run;
    }

    /**
     * @param id id of a run
     * @return the run as stored, if it exists
     */
    public Optional<SelfTestRun> find(String id) {
        return Optional.ofNullable(em.find(SelfTestRun.class, id));
    }

    /**
     * Called by the archive queue consumer for a self-test message.
     *
     * @param id id of the run the message belongs to
     * @throws IllegalArgumentException if no such run exists
     */
    public void messageReceived(String id) {
        SelfTestRun run = em.find(SelfTestRun.class, id);
        if (run == null) {
            throw new IllegalArgumentException("No self-test run " + id);
        }
        run.messageReceived(Instant.now());
    }

    private static String nodeName() {
        String name = System.getProperty("jboss.node.name");
        if (name != null) {
            return name;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
