package org.hozon.archive.service;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;

import org.hozon.archive.queue.ArchiveQueue;

/**
 * Sends "archive this task" and "delete this copy" messages, always inside the caller's transaction: the message is
 * delivered only if the transaction that wrote the task commits.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class ArchiveMessages {

    @Inject
    JMSContext jms;

    @Resource(lookup = ArchiveQueue.JNDI_NAME)
    Queue queue;

    /** @param taskPk the archive task to run */
    public void send(long taskPk) {
        send(ArchiveQueue.KIND_ARCHIVE, ArchiveQueue.TASK_PK, taskPk, "the archive message of task ");
    }

    /** @param deletionPk the deletion to process */
    public void sendDeletion(long deletionPk) {
        send(ArchiveQueue.KIND_DELETE_COPY, ArchiveQueue.DELETION_PK, deletionPk, "the message of deletion ");
    }

    private void send(String kind, String pkProperty, long pk, String what) {
        try {
            Message m = jms.createMessage();
            m.setStringProperty(ArchiveQueue.KIND, kind);
            m.setLongProperty(pkProperty, pk);
            jms.createProducer().send(queue, m);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot send " + what + pk, e);
        }
    }
}
