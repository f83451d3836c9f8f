package org.mercurymq.test.chaos.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.mercurymq.test.harness.JvmProcess;

/**
 * A Mercury NameServer in a child JVM inside a lab node's namespace, listening on the node's address only
 * (port 9876: each node has its own port space). Kill it by PID like any {@link JvmProcess}.
 */
public final class NodeNamesrv implements AutoCloseable {
    public static final int PORT = 9876;

    private final NetNode node;
    private final JvmProcess process;

    private NodeNamesrv(NetNode node, JvmProcess process) {
        this.node = node;
        this.process = process;
    }

    /** Starts and waits for the boot line; {@code extraConfig} holds more {@code key=value} lines. */
    public static NodeNamesrv start(NetNode node, Path dir, String... extraConfig) {
        StringBuilder conf = new StringBuilder()
            .append("listenPort=").append(PORT).append('\n')
            .append("bindAddress=").append(node.address()).append('\n')
            .append("kvConfigPath=").append(dir.resolve("kvConfig.json")).append('\n')
            .append("configStorePath=").append(dir.resolve("namesrv.properties")).append('\n')
            .append("serverWorkerThreads=2\n")
            .append("serverSelectorThreads=1\n");
        for (String line : extraConfig) {
            conf.append(line).append('\n');
        }
        Path confFile = dir.resolve("namesrv.conf");
        try {
            Files.createDirectories(dir);
            Files.write(confFile, conf.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JvmProcess p = JvmProcess.builder("namesrv-" + node.name(), "org.mercurymq.namesrv.NamesrvStartup")
            .dir(dir)
            .heap("-Xmx128m")
            .launchPrefix(node.launchPrefix())
            .mercuryLogging("namesrv")
            .args("-c", confFile.toString())
            .start();
        try {
            p.awaitOutput("The Name Server boot success", Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
        return new NodeNamesrv(node, p);
    }

    public String address() {
        return node.endpoint(PORT);
    }

    public NetNode node() {
        return node;
    }

    public JvmProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
