package org.mercurymq.tools.command.stats;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.remoting.protocol.body.ProducerInfo;
import org.mercurymq.remoting.protocol.body.ProducerTableInfo;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;

/** {@code producer -b addr}: the producer instances connected to a broker, by group (GET_ALL_PRODUCER_INFO). */
public class ProducerSubCommand implements SubCommand {
    @Override
    public String commandName() {
        return "producer";
    }

    @Override
    public String commandDesc() {
        return "Query producer's instances, connection, status, etc.";
    }

    @Override
    public Options buildOptions(Options options) {
        CliOptions.arg(options, "b", "broker", "broker address", true);
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        ProducerTableInfo table = ctx.admin().getAllProducerInfo(CliOptions.value(line, "b"));
        print(table, ctx.out());
    }

    static void print(ProducerTableInfo table, PrintStream out) {
        for (Map.Entry<String, List<ProducerInfo>> e : table.getData().entrySet()) {
            if (e.getValue() == null || e.getValue().isEmpty()) {
                out.printf("producer group (%s) instances are empty\n", e.getKey());
                continue;
            }
            for (ProducerInfo p : e.getValue()) {
                out.printf("producer group (%s) instance : %s\n", e.getKey(), String.format(
                    "clientId=%s,remoteIP=%s, language=%s, version=%d, lastUpdateTimestamp=%d", p.getClientId(),
                    p.getRemoteIP(), p.getLanguage(), p.getVersion(), p.getLastUpdateTimestamp()));
            }
        }
    }
}
