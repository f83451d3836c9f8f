package org.mercurymq.tools.command.connection;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.common.MQVersion;
import org.mercurymq.remoting.protocol.body.Connection;
import org.mercurymq.remoting.protocol.body.ProducerConnection;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;

/** {@code producerConnection -g group -t topic}: the producers of a group connected to the topic's brokers. */
public class ProducerConnectionSubCommand implements SubCommand {
    @Override
    public String commandName() {
        return "producerConnection";
    }

    @Override
    public String commandDesc() {
        return "Query producer's socket connection and client version";
    }

    @Override
    public Options buildOptions(Options options) {
        CliOptions.arg(options, "g", "producerGroup", "producer group name", true);
        CliOptions.arg(options, "t", "topic", "topic name", true);
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        ProducerConnection pc = ctx.admin().examineProducerConnectionInfo(CliOptions.value(line, "g"), CliOptions.value(line, "t"));
        int i = 1;
        for (Connection c : ConsumerConnectionSubCommand.sorted(pc.getConnectionSet())) {
            ctx.out().printf("%04d  %-32s %-22s %-8s %s%n", i++, c.getClientId(), c.getClientAddr(), c.getLanguage(),
                MQVersion.getVersionDesc(c.getVersion()));
        }
    }
}
