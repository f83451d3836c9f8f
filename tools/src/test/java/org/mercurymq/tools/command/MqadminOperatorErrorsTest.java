package org.mercurymq.tools.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * What a newcomer typing RocketMQ habits gets (issue 11): {@code -n host} without a port and RocketMQ commands that
 * Mercury's mqadmin lacks are each answered with one line that says what is wrong, and no stack trace.
 */
class MqadminOperatorErrorsTest {
    @Test
    void aNameServerWithoutPortIsOneLineNamingTheFix() {
        CliRun run = CliRun.of("clusterList", "-n", "localhost");

        assertEquals(1, run.exitCode, run.toString());
        assertEquals("mqadmin clusterList: -n 'localhost': 'localhost' is not host:port (a name server listens on 9876"
            + " by default, e.g. -n localhost:9876)", run.err.trim(), run.toString());
        assertEquals("", run.out);
    }

    @Test
    void oneBadAddressInAListIsNamed() {
        CliRun run = CliRun.of("clusterList", "-n", "127.0.0.1:9876;10.0.0.2:x");

        assertEquals(1, run.exitCode, run.toString());
        assertEquals(1, run.err.trim().split("\n").length, run.toString());
        assertFalse(run.err.contains("\tat "), run.toString());
        assertEquals(true, run.err.contains("'10.0.0.2:x' is not host:port"), run.toString());
    }

    @Test
    void wellFormedAddressesPassTheCheck() {
        assertNull(MQAdminStartup.badNamesrvAddr("127.0.0.1:9876;ns2.example:9877"));
        assertNull(MQAdminStartup.badNamesrvAddr(null));
    }

    /**
     * Every command name of RocketMQ 4.9.7's mqadmin is implemented; should one go missing it is answered "does
     * not implement yet" rather than "not a command" (RocketMQCommandNames).
     */
    @Test
    void everyRocketmqCommandIsImplemented() {
        java.util.List<String> missing = new java.util.ArrayList<>();
        for (String name : RocketMQCommandNames.all()) {
            if (!implemented(name)) {
                missing.add(name);
            }
        }
        assertEquals(java.util.Collections.emptyList(), missing);
    }

    @Test
    void aNameRocketmqDoesNotHaveEitherIsStillNotACommand() {
        CliRun run = CliRun.of("statsEverything");

        assertEquals("mqadmin: 'statsEverything' is not a command. See 'mqadmin help' for the list of commands.",
            run.err.trim());
    }

    private static boolean implemented(String name) {
        for (SubCommand c : MQAdminStartup.commands()) {
            if (c.commandName().equalsIgnoreCase(name) || name.equalsIgnoreCase(c.commandAlias())) {
                return true;
            }
        }
        return false;
    }
}
