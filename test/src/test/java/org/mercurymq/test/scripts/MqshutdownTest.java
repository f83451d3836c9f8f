package org.mercurymq.test.scripts;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/mqshutdown} signals only the daemon a pid file names when that process really is this installation's
 * daemon of that role started with that pid file (issue 11: stale pid files let it kill an unrelated process).
 */
class MqshutdownTest {
    @TempDir
    Path dir;
    private Process victim;

    @AfterEach
    void killVictim() {
        if (victim != null) {
            victim.descendants().forEach(ProcessHandle::destroyForcibly);
            victim.destroyForcibly();
        }
    }

    @Test
    void aPidFileNamingAnUnrelatedProcessIsRemovedAndNothingIsSignalled() throws Exception {
        victim = new ProcessBuilder("sleep", "300").start();
        Script script = new Script(dir);
        Path pidFile = writePidFile(script, "broker", victim.pid());

        Script.Result r = script.run(60, "mqshutdown", "broker");

        assertEquals(0, r.exit, r.toString());
        assertTrue(r.err.contains("not signalling pid " + victim.pid()), r.toString());
        assertTrue(victim.isAlive(), "mqshutdown killed an unrelated process: " + r);
        assertFalse(Files.exists(pidFile), "the stale pid file is still there: " + r);
    }

    @Test
    void aPidFileOfThisInstallationsOtherRoleIsNotSignalled() throws Exception {
        Script script = new Script(dir);
        victim = fakeDaemon("org.mercurymq.namesrv.NamesrvStartup", script.pidDir().resolve("broker-1.pid"));
        writePidFile(script, "broker", victim.pid(), "broker-1.pid");

        Script.Result r = script.run(60, "mqshutdown", "broker");

        assertTrue(r.err.contains("not signalling pid " + victim.pid()), r.toString());
        assertTrue(victim.isAlive(), "mqshutdown broker stopped a name server: " + r);
    }

    @Test
    void theDaemonTheFileNamesIsStoppedAndItsFileRemoved() throws Exception {
        Script script = new Script(dir);
        Path pidFile = script.pidDir().resolve("broker-2.pid");
        victim = fakeDaemon("org.mercurymq.broker.BrokerStartup", pidFile);
        writePidFile(script, "broker", victim.pid(), "broker-2.pid");

        Script.Result r = script.run(60, "mqshutdown", "broker");

        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.contains("broker pid " + victim.pid() + " stopped"), r.toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> !victim.isAlive());
        assertFalse(Files.exists(pidFile), r.toString());
    }

    @Test
    void aPidFileOfAnExitedProcessIsRemoved() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Script script = new Script(dir);
        Path pidFile = writePidFile(script, "namesrv", gone.pid());

        Script.Result r = script.run(60, "mqshutdown", "namesrv");

        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.contains("removing stale pid file"), r.toString());
        assertFalse(Files.exists(pidFile), r.toString());
    }

    /**
     * A shell loop whose command line carries what bin/runserver.sh gives a daemon: the main class, this
     * installation's -Dmercury.home and the pid file. (sh -c puts the extra words into its argv.)
     */
    private static Process fakeDaemon(String mainClass, Path pidFile) throws IOException {
        return new ProcessBuilder("sh", "-c", "while :; do sleep 1; done", mainClass,
            "-Dmercury.home=" + Script.repoRoot(), "-Dmercury.pid.file=" + pidFile.toAbsolutePath()).start();
    }

    private static Path writePidFile(Script script, String role, long pid) throws IOException {
        return writePidFile(script, role, pid, role + "-" + pid + ".pid");
    }

    private static Path writePidFile(Script script, String role, long pid, String name) throws IOException {
        Files.createDirectories(script.pidDir());
        Path f = script.pidDir().resolve(name);
        Files.writeString(f, pid + "\n", StandardCharsets.UTF_8);
        return f;
    }
}
