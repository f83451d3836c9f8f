package org.mercurymq.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mqcontroller's command line: -p prints the effective config, RocketMQ's DLedger names are aliases, bad input exits 1. */
class ControllerStartupTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... lines) throws Exception {
        Path conf = dir.resolve("controller.conf");
        Files.write(conf, String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        return new ControllerStartup(new PrintStream(out, true, "UTF-8"), new PrintStream(err, true, "UTF-8"))
            .run(new String[] {"-c", conf.toString(), "-p"});
    }

    @Test
    void dledgerKeysAreAliasesOfTheRatisKeys() throws Exception {
        assertEquals(0, run("controllerDLegerPeers=n0-127.0.0.1:9880;n1-127.0.0.1:9881", "controllerDLegerSelfId=n1",
            "enableElectUncleanMaster=true"));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("controllerRatisPeers=n0-127.0.0.1:9880;n1-127.0.0.1:9881"), printed);
        assertTrue(printed.contains("controllerRatisSelfId=n1"), printed);
        assertTrue(printed.contains("enableElectUncleanMaster=true"), printed);
    }

    @Test
    void anotherConsensusTypeIsRefused() throws Exception {
        assertEquals(1, run("controllerType=DLedger"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("controllerType=DLedger is not supported"),
            err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aSelfIdOutsideThePeersStopsStartUp() throws Exception {
        Path conf = dir.resolve("bad.conf");
        Files.write(conf, ("listenPort=0\nbindAddress=127.0.0.1\ncontrollerRatisPeers=n0-127.0.0.1:1\n"
            + "controllerRatisSelfId=n9\ncontrollerStorePath=" + dir.resolve("ratis") + "\n").getBytes(StandardCharsets.UTF_8));
        int exit = new ControllerStartup(new PrintStream(out, true, "UTF-8"), new PrintStream(err, true, "UTF-8"))
            .run(new String[] {"-c", conf.toString()});
        assertEquals(1, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("controllerRatisSelfId n9 is not in controllerRatisPeers"),
            err.toString(StandardCharsets.UTF_8));
    }
}
