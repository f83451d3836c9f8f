package org.mercurymq.test.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A Mercury controller peer in a child JVM, started like {@code bin/mqcontroller -c file}: a remoting port and a
 * Raft port, both free loopback ports, and its Raft log in its directory. {@link #group} starts a whole group.
 * Not thread-safe; one test owns it.
 */
public final class ControllerProcess implements ClusterNode {
    public static final String BOOT_LINE = "The Controller boot success";

    private final String nodeName;
    private final Path dir;
    private final Path confFile;
    private final int port;
    private JvmProcess process;

    private ControllerProcess(String nodeName, Path dir, Path confFile, int port) {
        this.nodeName = nodeName;
        this.dir = dir;
        this.confFile = confFile;
        this.port = port;
    }

    /**
     * Starts {@code size} peers (ids n0..), each in {@code root/controller-i}, and waits for every boot line;
     * {@code extraConfig} lines go to every peer's file.
     */
    public static List<ControllerProcess> group(Path root, int size, String... extraConfig) {
        StringBuilder peers = new StringBuilder();
        for (int i = 0; i < size; i++) {
            peers.append(i == 0 ? "" : ";").append('n').append(i).append("-127.0.0.1:").append(FreePort.next());
        }
        List<ControllerProcess> group = new ArrayList<>();
        try {
            for (int i = 0; i < size; i++) {
                group.add(prepare(root.resolve("controller-" + i), "n" + i, peers.toString(), extraConfig));
            }
            for (ControllerProcess c : group) {
                c.process = c.spawn();
            }
            for (ControllerProcess c : group) {
                c.process.awaitOutput(BOOT_LINE, Duration.ofSeconds(180));
            }
        } catch (RuntimeException e) {
            group.forEach(ControllerProcess::close);
            throw e;
        }
        return group;
    }

    private static ControllerProcess prepare(Path dir, String selfId, String peers, String... extraConfig) {
        int port = FreePort.next();
        StringBuilder conf = new StringBuilder()
            .append("listenPort=").append(port).append('\n')
            .append("bindAddress=127.0.0.1\n")
            .append("controllerRatisPeers=").append(peers).append('\n')
            .append("controllerRatisSelfId=").append(selfId).append('\n')
            .append("controllerStorePath=").append(dir.resolve("ratis")).append('\n')
            .append("serverWorkerThreads=2\n")
            .append("serverSelectorThreads=1\n");
        for (String line : extraConfig) {
            conf.append(line).append('\n');
        }
        Path confFile = dir.resolve("controller.conf");
        try {
            Files.createDirectories(dir);
            Files.write(confFile, conf.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ControllerProcess("controller-" + selfId, dir, confFile, port);
    }

    private JvmProcess spawn() {
        return JvmProcess.builder(nodeName, "org.mercurymq.controller.ControllerStartup")
            .dir(dir)
            .heap("-Xmx128m")
            .mercuryLogging("controller")
            .args("-c", confFile.toString())
            .start();
    }

    @Override
    public String name() {
        return nodeName;
    }

    @Override
    public String address() {
        return "127.0.0.1:" + port;
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

    /** Starts the peer again with the same ports and Raft log. */
    @Override
    public void restart() {
        if (isAlive()) {
            throw new IllegalStateException(nodeName + " still running");
        }
        JvmProcess p = spawn();
        try {
            p.awaitOutput(BOOT_LINE, Duration.ofSeconds(180));
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
        process = p;
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
