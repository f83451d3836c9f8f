package org.mercurymq.tools.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Command-line parsing, help and error reporting, without any server. */
class MQAdminStartupTest {
    @Test
    void noArgumentsListsEveryCommandAndSucceeds() {
        CliRun run = CliRun.of();
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.startsWith("The most commonly used mqadmin commands are:"), run.out);
        assertTrue(run.out.contains("   updateTopic          Update or create topic"), run.out);
        for (SubCommand c : MQAdminStartup.commands()) {
            assertTrue(run.out.contains("   " + c.commandName() + " "), c.commandName());
        }
        assertEquals(run.out, CliRun.of("help").out);
    }

    @Test
    void commandNamesAreUnique() {
        Set<String> names = new HashSet<>();
        for (SubCommand c : MQAdminStartup.commands()) {
            assertTrue(names.add(c.commandName()), c.commandName());
        }
        // RocketMQ 4.9.7's 57 plus the 4 controller-mode commands of RocketMQ 5 (docs/mqadmin.md, "Controller mode")
        assertEquals(61, names.size());
    }

    @Test
    void helpForACommandPrintsItsOptions() {
        CliRun run = CliRun.of("help", "updateTopic");
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.startsWith("usage: mqadmin updateTopic -b <arg> | -c <arg>"), run.out);
        assertTrue(run.out.contains(" -t,--topic <arg>            topic name"), run.out);
        assertTrue(run.out.contains(" -n,--namesrvAddr <arg>"), run.out);
        assertEquals(run.out, CliRun.of("updateTopic", "-h").out);
    }

    @Test
    void unknownCommandFailsWithOneLine() {
        CliRun run = CliRun.of("noSuchCommand", "-t", "x");
        assertEquals(1, run.exitCode);
        assertEquals("mqadmin: 'noSuchCommand' is not a command. See 'mqadmin help' for the list of commands.",
            run.err.trim());
        assertEquals("", run.out);
        assertEquals(1, CliRun.of("help", "noSuchCommand").exitCode);
    }

    @Test
    void missingRequiredOptionFailsWithUsage() {
        CliRun run = CliRun.of("topicRoute", "-n", "127.0.0.1:1");
        assertEquals(1, run.exitCode);
        assertTrue(run.err.startsWith("mqadmin topicRoute: Missing required option: t"), run.err);
        assertTrue(run.err.contains("usage: mqadmin topicRoute"), run.err);
    }

    @Test
    void exactlyOneOfBrokerOrClusterIsRequired() {
        CliRun run = CliRun.of("updateTopic", "-t", "T", "-n", "127.0.0.1:1");
        assertEquals(1, run.exitCode);
        assertTrue(run.err.contains("Missing required option: [-b create topic to which broker"), run.err);
        CliRun both = CliRun.of("updateTopic", "-t", "T", "-b", "a:1", "-c", "C", "-n", "127.0.0.1:1");
        assertEquals(1, both.exitCode);
        assertTrue(both.err.contains("has already been selected"), both.err);
    }

    @Test
    void badOptionValuesAreRejectedBeforeAnyRequest() {
        CliRun perm = CliRun.of("updateTopic", "-t", "T", "-c", "C", "-p", "5", "-n", "127.0.0.1:1");
        assertEquals(1, perm.exitCode);
        assertEquals("mqadmin updateTopic failed: perm must be 2 (W), 4 (R) or 6 (RW), got 5", perm.err.trim());
        CliRun queues = CliRun.of("updateTopic", "-t", "T", "-c", "C", "-r", "eight", "-n", "127.0.0.1:1");
        assertEquals("mqadmin updateTopic failed: option -r needs a whole number, got 'eight'", queues.err.trim());
        CliRun topic = CliRun.of("updateTopic", "-t", "bad topic!", "-c", "C", "-n", "127.0.0.1:1");
        assertTrue(topic.err.contains("contains illegal characters"), topic.err);
        CliRun order = CliRun.of("updateTopic", "-t", "T", "-c", "C", "-o", "yes", "-n", "127.0.0.1:1");
        assertTrue(order.err.contains("option -o needs true or false, got 'yes'"), order.err);
        CliRun time = CliRun.of("resetOffsetByTime", "-g", "G", "-t", "T", "-s", "yesterday", "-n", "127.0.0.1:1");
        assertEquals(1, time.exitCode);
        assertTrue(time.err.contains("timestamp 'yesterday' is not 'now', epoch milliseconds or yyyy-MM-dd#HH:mm:ss:SSS"),
            time.err);
    }

    @Test
    void unreachableNameServerFailsWithOneReadableLine() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        CliRun run = CliRun.of("clusterList", "-n", "127.0.0.1:" + closedPort);
        assertEquals(1, run.exitCode, run.toString());
        assertTrue(run.err.startsWith("mqadmin clusterList failed: cannot connect: "), run.err);
        assertTrue(run.err.contains("127.0.0.1:" + closedPort), run.err);
        assertFalse(run.err.contains("\tat "), "no stack trace: " + run.err);
        assertEquals(1, run.err.trim().split("\n").length, run.err);
    }
}
