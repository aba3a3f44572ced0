package org.hozon.platform.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.hozon.archive.queue.ArchiveQueue;

/** Ready only when the broker accepts a connection and the archive queue can be browsed. */
@Readiness
@ApplicationScoped
public class BrokerReadinessCheck implements HealthCheck {

    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory connectionFactory;

    @Resource(lookup = ArchiveQueue.JNDI_NAME)
    Queue archiveQueue;

    @Override
    public HealthCheckResponse call() {
        try (JMSContext context = connectionFactory.createContext();
                QueueBrowser browser = context.createBrowser(archiveQueue)) {
            browser.getEnumeration();
            return HealthCheckResponse.named("broker").up().withData("queue", ArchiveQueue.JNDI_NAME).build();
        } catch (Exception e) {
            return HealthChecks.down("broker", e);
        }
    }
}
