package org.hozon.archive.service;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * This run of the application on this node, as recorded in the claims it takes
 * ({@code claimed_by}): the node's name ({@code jboss.node.name}, unique per node, as WildFly's
 * transactions already require) and a random id of this run. When the application starts again,
 * the claims an earlier run of the same node left are certainly abandoned and are taken back at
 * once, instead of waiting for their leases.
 */
@ApplicationScoped
public class ArchiveNode {

    private final String node = nodeName();
    private final String run = node + "/" + UUID.randomUUID();

    /** @return the node's name */
    public String node() {
        return node;
    }

    /** @return what claims of this run record: {@code <node>/<run id>} */
    public String claimant() {
        return run;
    }

    /** @return the pattern (SQL LIKE, escape character {@code !}) matching the claims of any run of this node */
    public String anyRunOfThisNode() {
        return node.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "/%";
    }

    private static String nodeName() {
        String name = System.getProperty("jboss.node.name");
        if (name != null && !name.isBlank()) {
            return name;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
