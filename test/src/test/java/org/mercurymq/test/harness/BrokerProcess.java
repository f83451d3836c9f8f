package org.mercurymq.test.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A Mercury Broker in a child JVM, started like {@code bin/mqbroker -c file} on a free loopback port triple
 * with its store in {@code <dir>/store} (64 MiB commit-log segments). {@link #kill9()} and {@link #terminate()}
 * stop it; {@link #restart()} starts it again on the same port and store. Not thread-safe; one test owns it.
 */
public final class BrokerProcess implements AutoCloseable {
    public static final String BOOT_LINE = "boot success";

    private final Path dir;
    private final Path confFile;
    private final int port;
    private final String brokerName;
    private final Map<String, String> sysProps;
    private JvmProcess process;
    private int starts;

    private BrokerProcess(Path dir, Path confFile, int port, String brokerName, Map<String, String> sysProps) {
        this.dir = dir;
        this.sysProps = sysProps;
        this.confFile = confFile;
        this.port = port;
        this.brokerName = brokerName;
    }

    /** Starts and waits for the boot line; {@code extraConfig} holds more {@code key=value} lines. */
    public static BrokerProcess start(Path dir, String namesrvAddr, String brokerName, String... extraConfig) {
        return start(dir, namesrvAddr, brokerName, Map.of(), extraConfig);
    }

    /** As {@link #start(Path, String, String, String...)} with extra {@code -D} system properties for the JVM. */
    public static BrokerProcess start(Path dir, String namesrvAddr, String brokerName, Map<String, String> sysProps,
                                      String... extraConfig) {
        int port = FreePort.nextForBroker();
        StringBuilder conf = new StringBuilder()
            .append("brokerClusterName=MercuryCluster\n")
            .append("brokerName=").append(brokerName).append('\n')
            .append("listenPort=").append(port).append('\n')
            .append("bindAddress=127.0.0.1\n")
            .append("brokerIP1=127.0.0.1\n")
            .append("storePathRootDir=").append(dir.resolve("store")).append('\n')
            .append("mappedFileSizeCommitLog=67108864\n")
            .append("mappedFileSizeConsumeQueue=600000\n")
            .append("maxHashSlotNum=50000\n")
            .append("maxIndexNum=200000\n")
            .append("sendMessageThreadPoolNums=2\n")
            .append("pullMessageThreadPoolNums=4\n")
            .append("serverSelectorThreads=2\n");
        if (namesrvAddr != null) {
            conf.append("namesrvAddr=").append(namesrvAddr).append('\n');
        }
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
        BrokerProcess b = new BrokerProcess(dir, confFile, port, brokerName, sysProps);
        b.launch();
        return b;
    }

    private void launch() {
        starts++;
        try {
            // bin/runserver.sh writes the pid file before exec; the broker deletes it at a graceful exit
            Files.write(pidFile(), "0\n".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JvmProcess.Builder b = JvmProcess.builder("broker-" + starts, "org.mercurymq.broker.BrokerStartup")
            .dir(dir)
            .heap("-Xmx256m")
            .mercuryLogging("broker")
            .sysProp("mercury.pid.file", pidFile().toString());
        sysProps.forEach(b::sysProp);
        JvmProcess p = b.args("-c", confFile.toString()).start();
        try {
            p.awaitOutput(BOOT_LINE, Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
        process = p;
    }

    /** Starts the broker again on the same port and store (after kill9 or terminate). */
    public void restart() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("broker still running");
        }
        launch();
    }

    public void kill9() {
        process.kill9();
    }

    /** SIGTERM and wait for the graceful exit; returns the exit code. */
    public int terminate() {
        return process.terminate(Duration.ofSeconds(60));
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public String brokerName() {
        return brokerName;
    }

    public Path pidFile() {
        return dir.resolve("broker.pid");
    }

    public Path storeDir() {
        return dir.resolve("store");
    }

    public JvmProcess process() {
        return process;
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }
}
