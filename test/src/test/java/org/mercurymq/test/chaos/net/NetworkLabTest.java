package org.mercurymq.test.chaos.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.test.harness.JvmProcess;

/**
 * The lab's own promises: nodes reach each other and the host over the bridge, a child JVM runs inside a node's
 * namespace under the PID the test sees, partitions cut exactly the named pair and heal, and nothing the lab
 * made survives close() or the death of its JVM. Skips, saying why, where namespaces cannot be made.
 */
@Tag("serial")
class NetworkLabTest {
    private static final int ECHO_PORT = 7000;

    @TempDir
    Path dir;

    @Test
    void partitionsCutOnlyTheNamedPairAndHeal() throws Exception {
        String prefix;
        String subnet;
        try (NetworkLab lab = NetworkLab.createOrSkip()) {
            prefix = lab.prefix();
            subnet = lab.host().address().substring(0, lab.host().address().lastIndexOf('.'));
            NetNode a = lab.addNode("a");
            NetNode b = lab.addNode("b");
            try (JvmProcess echo = JvmProcess.builder("echo-a", TcpEcho.class.getName()).dir(dir.resolve("a"))
                     .heap("-Xmx32m").launch(a.launchOptions()).args(a.address(), "" + ECHO_PORT)
                     .start()) {
                echo.awaitOutput("listening", Duration.ofSeconds(30));
                assertNotEquals(netns(ProcessHandle.current().pid()), netns(echo.pid()),
                    "the echo server runs in another network namespace");
                assertTrue(ProcessHandle.of(echo.pid()).flatMap(h -> h.info().command()).orElse("").endsWith("java"),
                    "the PID the test holds is the java process itself, not 'ip'");
                assertTrue(hostReaches(a), "host reaches a");
                assertEquals(0, probe(b, a), "b reaches a");

                lab.partition(b, a);
                assertEquals(1, probe(b, a), "b cannot reach a across the cut");
                assertTrue(hostReaches(a), "the cut between a and b leaves host-a alone");
                lab.partition(lab.host(), a);
                assertFalse(hostReaches(a), "host cannot reach a across the cut");

                lab.heal(b, a);
                lab.heal(lab.host(), a);
                assertEquals(0, probe(b, a), "b reaches a again after healing");
                assertTrue(hostReaches(a), "host reaches a again after healing");

                long pid = echo.pid();
                echo.kill9();
                assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "killed by PID");
            }
            lab.partition(lab.host(), a);   // left in place on purpose: close() must remove the host's route
        }
        assertNothingLeft(prefix, subnet);
    }

    @Test
    void theLeftoversOfAKilledRunAreRemovedByTheNextLab() throws Exception {
        NetworkLab dead = NetworkLab.createOrSkip();
        String prefix = dead.prefix();
        String subnet = dead.host().address().substring(0, dead.host().address().lastIndexOf('.'));
        NetNode a = dead.addNode("a");
        dead.partition(dead.host(), a);
        // pretend the owning JVM was killed: its record now names a process that has exited
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path record = Paths.get("/run/mercury-netlab", prefix);
        String rec = Files.readString(record).replaceAll("pid=\\d+", "pid=" + gone.pid());
        Files.write(record, rec.getBytes(StandardCharsets.UTF_8));

        try (NetworkLab next = NetworkLab.create()) {
            assertNothingLeft(prefix, subnet);
            assertFalse(Files.exists(record), "the stale record is gone");
            assertNotEquals(prefix, next.prefix());
        }
        dead.close();
    }

    private static void assertNothingLeft(String prefix, String subnet) {
        assertEquals("", String.join(",", LabTeardown.namespacesWithPrefix(prefix)), "namespaces of " + prefix);
        assertEquals("", String.join(",", LabTeardown.linksWithPrefix(prefix)), "links of " + prefix);
        assertFalse(Shell.run("ip", "-4", "route", "show", "table", "all").contains(subnet + "."),
            "routes into " + subnet + ".0/24");
    }

    private static boolean hostReaches(NetNode node) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(node.address(), ECHO_PORT), 2000);
            s.setSoTimeout(2000);
            s.getOutputStream().write(7);
            return s.getInputStream().read() == 7;
        } catch (IOException e) {
            return false;
        }
    }

    /** Exit code of a TCP connect from inside {@code from}'s namespace (bash's /dev/tcp: no JVM start-up). */
    private static int probe(NetNode from, NetNode to) throws Exception {
        Process p = new ProcessBuilder("ip", "netns", "exec", from.namespace(), "timeout", "5", "bash", "-c",
            "exec 3<>/dev/tcp/" + to.address() + "/" + ECHO_PORT).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int code = p.waitFor();
        System.out.println("probe " + from.name() + " -> " + to.name() + ": exit " + code
            + (out.isEmpty() ? "" : ", " + out));
        return code == 0 ? 0 : 1;
    }

    private static String netns(long pid) throws IOException {
        return Files.readSymbolicLink(Paths.get("/proc/" + pid + "/ns/net")).toString();
    }
}
