package org.hozon.archive.queue;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import org.hozon.platform.selftest.SelfTestService;

/**
 * Consumes the archive queue. Each kind of message is handed to the one service that owns it.
 * A message of an unknown kind fails, so the broker retries it and finally moves it to the
 * dead-letter queue: nothing is dropped silently.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = ArchiveQueue.JNDI_NAME),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
})
public class ArchiveQueueListener implements MessageListener {

    @EJB
    SelfTestService selfTests;

    @Override
    public void onMessage(Message message) {
        try {
            String kind = message.getStringProperty(ArchiveQueue.KIND);
            if (ArchiveQueue.KIND_SELF_TEST.equals(kind)) {
                selfTests.messageReceived(message.getStringProperty(ArchiveQueue.RUN_ID));
            } else {
                throw new IllegalArgumentException("Unknown archive message kind: " + kind);
            }
        } catch (JMSException e) {
            throw new IllegalStateException("Unreadable archive message", e);
        }
    }
}
