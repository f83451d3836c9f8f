package org.mercurymq.test.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A Mercury NameServer in a child JVM, started like {@code bin/mqnamesrv -c file}, on a free loopback port. */
public final class NamesrvProcess implements AutoCloseable {
    private final JvmProcess process;
    private final int port;

    private NamesrvProcess(JvmProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts and waits for the boot line; {@code extraConfig} holds more {@code key=value} lines. */
    public static NamesrvProcess start(Path dir, String... extraConfig) {
        int port = FreePort.next();
        StringBuilder conf = new StringBuilder()
            .append("listenPort=").append(port).append('\n')
            .append("bindAddress=127.0.0.1\n")
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
        JvmProcess p = JvmProcess.builder("namesrv", "org.mercurymq.namesrv.NamesrvStartup")
            .dir(dir)
            .heap("-Xmx128m")
            .mercuryLogging("namesrv")
            .args("-c", confFile.toString())
            .start();
        p.awaitOutput("The Name Server boot success", Duration.ofSeconds(30));
        return new NamesrvProcess(p, port);
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    public JvmProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
