package org.mercurymq.test.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;

/**
 * A Mercury Broker in a child JVM, started like {@code bin/mqbroker -c file} on a free loopback port triple
 * with its store in {@code <dir>/store} (64 MiB commit-log segments). {@link #kill9()} and {@link #terminate()}
 * stop it, {@link #pause()} / {@link #resume()} freeze it; {@link #restart()} starts it again on the same port
 * and store. Not thread-safe; one test owns it.
 */
public final class BrokerProcess implements ClusterNode {
    public static final String BOOT_LINE = "boot success";

    private final String nodeName;
    private final Path dir;
    private final Path confFile;
    private final Path storeDir;
    private final int port;
    private final String brokerName;
    private final LaunchOptions launch;
    private final Map<String, String> sysProps;
    private JvmProcess process;
    private int starts;

    private BrokerProcess(String nodeName, Path dir, Path confFile, Path storeDir, int port, String brokerName,
                          LaunchOptions launch, Map<String, String> sysProps) {
        this.nodeName = nodeName;
        this.dir = dir;
        this.sysProps = sysProps;
        this.confFile = confFile;
        this.storeDir = storeDir;
        this.port = port;
        this.brokerName = brokerName;
        this.launch = launch;
    }

    /** Starts and waits for the boot line; {@code extraConfig} holds more {@code key=value} lines. */
    public static BrokerProcess start(Path dir, String namesrvAddr, String brokerName, String... extraConfig) {
        return start(brokerName, dir, namesrvAddr, brokerName, LaunchOptions.local(), Map.of(), extraConfig);
    }

    /** As {@link #start(Path, String, String, String...)} with extra {@code -D} system properties for the JVM. */
    public static BrokerProcess start(Path dir, String namesrvAddr, String brokerName, Map<String, String> sysProps,
                                      String... extraConfig) {
        return start(brokerName, dir, namesrvAddr, brokerName, LaunchOptions.local(), sysProps, extraConfig);
    }

    /**
     * Starts a node called {@code nodeName} with the given launch options and waits for the boot line. The
     * store is {@code <dir>/store} unless {@code extraConfig} sets {@code storePathRootDir}.
     */
    public static BrokerProcess start(String nodeName, Path dir, String namesrvAddr, String brokerName,
                                      LaunchOptions launch, String... extraConfig) {
        return start(nodeName, dir, namesrvAddr, brokerName, launch, Map.of(), extraConfig);
    }

    private static BrokerProcess start(String nodeName, Path dir, String namesrvAddr, String brokerName,
                                       LaunchOptions launch, Map<String, String> sysProps, String... extraConfig) {
        int port = FreePort.nextForBroker();
        Path storeDir = dir.resolve("store");
        for (String line : extraConfig) {
            if (line.startsWith("storePathRootDir=")) {
                storeDir = Paths.get(line.substring("storePathRootDir=".length()).trim());
            }
        }
        StringBuilder conf = new StringBuilder()
            .append("brokerClusterName=MercuryCluster\n")
            .append("brokerName=").append(brokerName).append('\n')
            .append("listenPort=").append(port).append('\n')
            .append("bindAddress=").append(launch.host()).append('\n')
            .append("brokerIP1=").append(launch.host()).append('\n')
            .append("storePathRootDir=").append(storeDir).append('\n')
            .append("mappedFileSizeCommitLog=67108864\n")
            .append("mappedFileSizeConsumeQueue=600000\n")
            .append("maxHashSlotNum=50000\n")
            .append("maxIndexNum=200000\n")
            .append("sendMessageThreadPoolNums=2\n")
            .append("pullMessageThreadPoolNums=4\n")
            .append("serverSelectorThreads=2\n")
            // tests check function, not flow control: a busy 2-core CI machine can queue a send for 200 ms
            .append("waitTimeMillsInSendQueue=3000\n");
        if (namesrvAddr != null) {
            conf.append("namesrvAddr=").append(namesrvAddr).append('\n');
        }
        for (String line : extraConfig) {
            if (!line.startsWith("storePathRootDir=")) {
                conf.append(line).append('\n');
            }
        }
        Path confFile = dir.resolve("broker.conf");
        try {
            Files.createDirectories(dir);
            Files.write(confFile, conf.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BrokerProcess b = new BrokerProcess(nodeName, dir, confFile, storeDir, port, brokerName, launch, sysProps);
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
            .launch(launch)
            .heap(launch.heap() != null ? launch.heap() : "-Xmx256m")
            .mercuryLogging("broker")
            .sysProp("mercury.pid.file", pidFile().toString());
        sysProps.forEach(b::sysProp);
        JvmProcess p = b.args("-c", confFile.toString()).start();
        try {
            // generous: on a loaded 2-core machine a JVM start has been seen to take over 20 s
            p.awaitOutput(BOOT_LINE, Duration.ofSeconds(120));
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
        process = p;
    }

    /** Starts the broker again on the same port and store (after kill9 or terminate). */
    @Override
    public void restart() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("broker still running");
        }
        launch();
    }

    @Override
    public void kill9() {
        process.kill9();
    }

    @Override
    public void pause() {
        process.pause();
    }

    @Override
    public void resume() {
        process.resume();
    }

    @Override
    public String name() {
        return nodeName;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public LaunchOptions launchOptions() {
        return launch;
    }

    /** SIGTERM and wait for the graceful exit; returns the exit code. */
    public int terminate() {
        return process.terminate(Duration.ofSeconds(60));
    }

    @Override
    public String address() {
        return launch.host() + ":" + port;
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
        return storeDir;
    }

    /** The {@code -c} file the broker was started with. */
    public Path configFile() {
        return confFile;
    }

    public JvmProcess process() {
        return process;
    }

    @Override
    public void close() {
        if (process != null) {
            // a paused JVM would ignore SIGTERM; SIGKILL works on a stopped process too
            process.close();
        }
    }
}
