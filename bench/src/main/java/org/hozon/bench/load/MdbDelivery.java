package org.hozon.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Pauses and resumes the archive queue's MDB ({@code stop-delivery} / {@code start-delivery} of
 * WildFly's management model) with {@code jboss-cli.sh}, which authenticates locally as the user
 * that runs the server. Messages wait in the queue meanwhile; nothing else changes in Hozon.
 */
final class MdbDelivery {
    private static final String MDB = "/deployment=hozon.ear/subdeployment=hozon-ejb.jar/subsystem=ejb3"
            + "/message-driven-bean=ArchiveQueueListener";

    private final String cli;
    private final String controller;

    MdbDelivery(String jbossCli, String host, int managementPort) throws IOException {
        this.cli = jbossCli != null ? jbossCli : findCli();
        this.controller = host + ":" + managementPort;
    }

    void stop() throws IOException, InterruptedException {
        run(MDB + ":stop-delivery");
    }

    void start() throws IOException, InterruptedException {
        run(MDB + ":start-delivery");
    }

    String cli() {
        return cli;
    }

    private void run(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(cli, "--connect", "--controller=" + controller, "--command=" + command))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0 || !out.contains("\"outcome\" => \"success\"")) {
            throw new IOException("jboss-cli " + command + " failed: " + out.trim());
        }
    }

    /** The CLI of the WildFly this repository builds (bench/run-load runs from the repository root). */
    private static String findCli() throws IOException {
        Path target = Path.of("wildfly-config", "target");
        if (Files.isDirectory(target)) {
            try (DirectoryStream<Path> homes = Files.newDirectoryStream(target, "wildfly-*")) {
                for (Path home : homes) {
                    Path cli = home.resolve("bin/jboss-cli.sh");
                    if (Files.isExecutable(cli)) {
                        return cli.toString();
                    }
                }
            }
        }
        throw new IOException("no wildfly-config/target/wildfly-*/bin/jboss-cli.sh; build first or pass --jboss-cli");
    }
}
