package org.mercurymq.namesrv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamesrvStartupTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final NamesrvStartup startup = new NamesrvStartup(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path configFile(String text) throws Exception {
        Path file = dir.resolve("namesrv.conf");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void helpPrintsUsage() {
        assertEquals(0, startup.run(new String[] {"-h"}));
        assertTrue(out().contains("mqnamesrv"), out());
        assertTrue(out().contains("-c"), out());
    }

    @Test
    void printConfigShowsEffectiveValuesAndWarnsAboutTypos() throws Exception {
        Path file = configFile("listenPort=9999\norderMesageEnable=true\n");
        assertEquals(0, startup.run(new String[] {"-c", file.toString(), "-p"}));
        assertTrue(out().contains("listenPort=9999\n"), out());
        assertTrue(out().contains("orderMessageEnable=false\n"), out());
        assertTrue(out().contains("serverSelectorThreads=3\n"), out());
        assertTrue(err().contains("did you mean 'orderMessageEnable'"), err());
    }

    @Test
    void dashNIsAcceptedAsRocketMqsIsAndUnhonouredKeysAreWarnedOnce() throws Exception {
        Path file = configFile("clusterTest=true\nproductEnvName=center\n");
        assertEquals(0, startup.run(new String[] {"-n", "127.0.0.1:9876", "-c", file.toString(), "-p"}));
        String warn = "WARN clusterTest=true is not honoured by Mercury";
        assertEquals(err().indexOf(warn), err().lastIndexOf(warn), err());
        assertTrue(err().contains(warn), err());
        // set to its default: nothing to warn about
        assertTrue(!err().contains("productEnvName"), err());
    }

    @Test
    void invalidValueExitsWithOne() throws Exception {
        Path file = configFile("listenPort=ninety\n");
        assertEquals(1, startup.run(new String[] {"-c", file.toString()}));
        assertTrue(err().contains("listenPort"), err());
    }

    @Test
    void missingFileAndBadOptionExitWithOne() {
        assertEquals(1, startup.run(new String[] {"-c", dir.resolve("absent.conf").toString()}));
        assertTrue(err().contains("absent.conf"), err());
        assertEquals(1, startup.run(new String[] {"--bogus"}));
    }

    @Test
    void bootPrintsRocketMqLineAndPortInUseFails() throws Exception {
        Path file = configFile("listenPort=0\nbindAddress=127.0.0.1\nkvConfigPath=" + dir.resolve("kv.json")
            + "\nserverWorkerThreads=2\nserverSelectorThreads=1\n");
        assertEquals(NamesrvStartup.RUNNING, startup.run(new String[] {"-c", file.toString()}));
        try {
            assertTrue(out().contains("The Name Server boot success. serializeType=JSON\n"), out());
            assertTrue(startup.controller().listenPort() > 0);
        } finally {
            startup.controller().shutdown();
        }

        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Path busy = configFile("listenPort=" + taken.getLocalPort() + "\nbindAddress=127.0.0.1\nkvConfigPath="
                + dir.resolve("kv.json") + "\n");
            NamesrvStartup second = new NamesrvStartup(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(1, second.run(new String[] {"-c", busy.toString()}));
            assertTrue(err().contains("The Name Server failed to start"), err());
        }
    }
}
