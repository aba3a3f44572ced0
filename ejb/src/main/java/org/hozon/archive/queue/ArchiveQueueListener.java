package org.hozon.archive.queue;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import org.hozon.archive.service.ArchiveService;
import org.hozon.archive.service.CopyRemovalService;
import org.hozon.platform.selftest.SelfTestService;

/**
 * Consumes the archive queue. Each kind of message is handed to the one service that owns it.
 * A message of an unknown kind fails, so the broker retries it and finally moves it to the
 * dead-letter queue: nothing is dropped silently. An archive or deletion attempt that fails is
 * recorded in the database and retried by the recovery timer with backoff; only an error that
 * could not be recorded (the database unreachable) rolls the message back, so the broker
 * redelivers it with exponential backoff (see the queue's address settings).
 * {@code maxSession} ({@code hozon.archive.sessions}, a server setting: annotations take no
 * MicroProfile Config) bounds how many instances are archived in parallel. 8 rather than 4: an
 * attempt waits on the database and on S3 for much of its time, and with 4 sessions a 2-core
 * machine was a fifth idle while a backlog drained (158-162 instances/s; 8: 194-225).
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = ArchiveQueue.JNDI_NAME),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "${hozon.archive.sessions:8}")
})
public class ArchiveQueueListener implements MessageListener {

    @EJB
    SelfTestService selfTests;

    @EJB
    ArchiveService archiver;

    @EJB
    CopyRemovalService removals;

    @Override
    public void onMessage(Message message) {
        try {
            String kind = message.getStringProperty(ArchiveQueue.KIND);
            if (ArchiveQueue.KIND_SELF_TEST.equals(kind)) {
                selfTests.messageReceived(message.getStringProperty(ArchiveQueue.RUN_ID));
            } else if (ArchiveQueue.KIND_ARCHIVE.equals(kind)) {
                archiver.archive(message.getLongProperty(ArchiveQueue.TASK_PK));
            } else if (ArchiveQueue.KIND_DELETE_COPY.equals(kind)) {
                removals.process(message.getLongProperty(ArchiveQueue.DELETION_PK));
            } else {
                throw new IllegalArgumentException("Unknown archive message kind: " + kind);
            }
        } catch (JMSException e) {
            throw new IllegalStateException("Unreadable archive message", e);
        }
    }
}
