package org.mercurymq.test.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A Mercury NameServer in a child JVM, started like {@code bin/mqnamesrv -c file}, on a free loopback port.
 * {@link #kill9()}, {@link #pause()} / {@link #resume()} and {@link #restart()} (same port and directory)
 * serve chaos tests. Not thread-safe; one test owns it.
 */
public final class NamesrvProcess implements ClusterNode {
    public static final String BOOT_LINE = "The Name Server boot success";

    private final String nodeName;
    private final Path dir;
    private final Path confFile;
    private final int port;
    private final LaunchOptions launch;
    private JvmProcess process;

    private NamesrvProcess(String nodeName, Path dir, Path confFile, int port, LaunchOptions launch) {
        this.nodeName = nodeName;
        this.dir = dir;
        this.confFile = confFile;
        this.port = port;
        this.launch = launch;
    }

    /** Starts and waits for the boot line; {@code extraConfig} holds more {@code key=value} lines. */
    public static NamesrvProcess start(Path dir, String... extraConfig) {
        return start("namesrv", dir, LaunchOptions.local(), extraConfig);
    }

    /** Starts a node called {@code nodeName} with the given launch options and waits for the boot line. */
    public static NamesrvProcess start(String nodeName, Path dir, LaunchOptions launch, String... extraConfig) {
        int port = FreePort.nextStable();
        StringBuilder conf = new StringBuilder()
            .append("listenPort=").append(port).append('\n')
            .append("bindAddress=").append(launch.host()).append('\n')
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
        NamesrvProcess n = new NamesrvProcess(nodeName, dir, confFile, port, launch);
        n.launch();
        return n;
    }

    private void launch() {
        JvmProcess p = JvmProcess.builder("namesrv", "org.mercurymq.namesrv.NamesrvStartup")
            .dir(dir)
            .launch(launch)
            .heap("-Xmx128m")
            .mercuryLogging("namesrv")
            .args("-c", confFile.toString())
            .start();
        try {
            p.awaitOutput(BOOT_LINE, Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
        process = p;
    }

    @Override
    public String name() {
        return nodeName;
    }

    @Override
    public String address() {
        return launch.host() + ":" + port;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public boolean isAlive() {
        return process != null && process.isAlive();
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

    /** Starts the name server again on the same port (its routes are rebuilt by broker registrations). */
    @Override
    public void restart() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(nodeName + " still running");
        }
        launch();
    }

    public JvmProcess process() {
        return process;
    }

    /** As {@link #start(Path, String...)} with extra {@code -D} system properties for the JVM (e.g. tls.*). */
    public static NamesrvProcess start(Path dir, Map<String, String> sysProps, String... extraConfig) {
        return start("namesrv", dir, LaunchOptions.local().withSysProps(sysProps), extraConfig);
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }
}
