package org.mercurymq.test.chaos.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.mercurymq.test.harness.JvmProcess;

/**
 * A Mercury Broker in a child JVM inside a lab node's namespace: it listens on the node's address
 * (bindAddress) on 10911 (VIP 10909, HA 10912 on all of the namespace's addresses) and registers that
 * address with the name servers (brokerIP1, and brokerIP2 for HA), so clients and slaves reach it across
 * the lab's bridge. Kill it by PID like any {@link JvmProcess}. Not thread-safe; one test owns it.
 */
public final class NodeBroker implements AutoCloseable {
    public static final int PORT = 10911;

    private final NetNode node;
    private final String brokerName;
    private final Path dir;
    private final JvmProcess process;

    private NodeBroker(NetNode node, String brokerName, Path dir, JvmProcess process) {
        this.node = node;
        this.brokerName = brokerName;
        this.dir = dir;
        this.process = process;
    }

    /** Starts and waits for the boot line; {@code extraConfig} holds more {@code key=value} lines. */
    public static NodeBroker start(NetNode node, Path dir, String namesrvAddr, String brokerName,
                                   String... extraConfig) {
        StringBuilder conf = new StringBuilder()
            .append("brokerClusterName=MercuryCluster\n")
            .append("brokerName=").append(brokerName).append('\n')
            .append("listenPort=").append(PORT).append('\n')
            .append("bindAddress=").append(node.address()).append('\n')
            .append("brokerIP1=").append(node.address()).append('\n')
            .append("brokerIP2=").append(node.address()).append('\n')
            .append("namesrvAddr=").append(namesrvAddr).append('\n')
            .append("storePathRootDir=").append(dir.resolve("store")).append('\n')
            .append("mappedFileSizeCommitLog=67108864\n")
            .append("mappedFileSizeConsumeQueue=600000\n")
            .append("maxHashSlotNum=50000\n")
            .append("maxIndexNum=200000\n")
            .append("sendMessageThreadPoolNums=2\n")
            .append("pullMessageThreadPoolNums=4\n")
            .append("serverSelectorThreads=2\n");
        for (String line : extraConfig) {
            conf.append(line).append('\n');
        }
        Path confFile = dir.resolve("broker.conf");
        try {
            Files.createDirectories(dir);
            Files.write(confFile, conf.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JvmProcess p = JvmProcess.builder("broker-" + node.name(), "org.mercurymq.broker.BrokerStartup")
            .dir(dir)
            .heap("-Xmx256m")
            .launchPrefix(node.launchPrefix())
            .mercuryLogging("broker")
            .sysProp("mercury.pid.file", dir.resolve("broker.pid").toString())
            .args("-c", confFile.toString())
            .start();
        try {
            p.awaitOutput("boot success", Duration.ofSeconds(90));
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
        return new NodeBroker(node, brokerName, dir, p);
    }

    /** The address the broker registers and clients use. */
    public String address() {
        return node.endpoint(PORT);
    }

    public String brokerName() {
        return brokerName;
    }

    public NetNode node() {
        return node;
    }

    public Path storeDir() {
        return dir.resolve("store");
    }

    public JvmProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
