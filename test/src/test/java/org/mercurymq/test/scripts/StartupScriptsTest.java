package org.mercurymq.test.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator sees from bin/mqnamesrv, bin/mqbroker and bin/tools.sh when nothing goes as planned (issue 11,
 * "Operator and newcomer experience"): print-only runs leave no pid file, an expected start-up failure is one line
 * naming the key to change with no stack trace and no pid file left behind, and RocketMQ's example class names run
 * Mercury's examples.
 */
class StartupScriptsTest {
    @TempDir
    Path dir;

    @Test
    void printOnlyRunsWriteNoPidFile() throws Exception {
        Script script = new Script(dir);

        Script.Result r = script.run(120, "mqbroker", "-p");

        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.contains("brokerName="), r.toString());
        assertEquals(List.of(), pidFiles(script), "a pid file was left by mqbroker -p");
    }

    @Test
    void nameServerOnATakenPortSaysSoInOneLineAndLeavesNoPidFile() throws Exception {
        Script script = new Script(dir);
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("0.0.0.0", 0));
            int port = taken.getLocalPort();
            Path conf = Files.writeString(dir.resolve("namesrv.properties"), "listenPort=" + port + "\n");

            Script.Result r = script.run(120, "mqnamesrv", "-c", conf.toString());

            assertEquals(1, r.exit, r.toString());
            assertEquals(List.of("The Name Server failed to start: port " + port
                + " is already in use by another process: change listenPort"), r.errLines(), r.toString());
            assertEquals(List.of(), pidFiles(script), "a failed start left its pid file");
        }
    }

    @Test
    void brokerOnAStoreHeldByAnotherProcessSaysSoInOneLine() throws Exception {
        Script script = new Script(dir);
        Path store = Files.createDirectories(dir.resolve("store"));
        try (RandomAccessFile raf = new RandomAccessFile(store.resolve("lock").toFile(), "rw");
             FileChannel channel = raf.getChannel();
             FileLock held = channel.lock(0, 1, false)) {
            Script.Result r = script.run(120, "mqbroker", "-n", "127.0.0.1:1", "listenPort=0",
                "storePathRootDir=" + store, "brokerName=locked-test");

            assertEquals(1, r.exit, r.toString());
            List<String> lines = r.errLines();
            assertEquals(1, lines.size(), r.toString());
            assertTrue(lines.get(0).startsWith("The broker failed to start: the store is used by another running broker"),
                r.toString());
            assertTrue(lines.get(0).endsWith("give this one its own storePathRootDir (and storePathCommitLog)"),
                r.toString());
            assertFalse(r.err.contains("\tat "), "stack trace on the console: " + r);
            assertEquals(List.of(), pidFiles(script), "a failed start left its pid file");
        }
    }

    @Test
    void brokerOnATakenPortNamesListenPort() throws Exception {
        Script script = new Script(dir);
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("0.0.0.0", 0));
            int port = taken.getLocalPort();

            Script.Result r = script.run(120, "mqbroker", "-n", "127.0.0.1:1", "listenPort=" + port,
                "haListenPort=0", "storePathRootDir=" + dir.resolve("store"), "brokerName=port-test");

            assertEquals(1, r.exit, r.toString());
            assertEquals(List.of("The broker failed to start: port " + port + " is already in use by another process:"
                + " change listenPort (the broker also uses listenPort-2 and haListenPort)"), r.errLines(), r.toString());
        }
    }

    @Test
    void rocketmqExampleNamesRunMercurysExampleWithANote() throws Exception {
        Script script = new Script(dir).env("NAMESRV_ADDR", "127.0.0.1:1");

        // 0 messages: the example starts its producer and stops, without needing a cluster
        Script.Result r = script.run(120, "tools.sh", "org.apache.rocketmq.example.quickstart.Producer", "0");

        assertEquals(0, r.exit, r.toString());
        assertTrue(r.err.contains("note: org.apache.rocketmq.example.quickstart.Producer is Apache RocketMQ's example;"
            + " running Mercury's equivalent org.mercurymq.example.quickstart.Producer"), r.toString());
        assertFalse(r.err.contains("ClassNotFound") || r.err.contains("Could not find or load main class"), r.toString());
    }

    private static List<Path> pidFiles(Script script) throws IOException {
        if (!Files.isDirectory(script.pidDir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(script.pidDir())) {
            return files.toList();
        }
    }

    static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
