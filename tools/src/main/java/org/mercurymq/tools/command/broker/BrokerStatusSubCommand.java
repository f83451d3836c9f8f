package org.mercurymq.tools.command.broker;

import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.ClusterAddresses;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;

/** {@code brokerStatus -b addr | -c cluster}: a broker's runtime info table, key by key. */
public class BrokerStatusSubCommand implements SubCommand {
    @Override
    public String commandName() {
        return "brokerStatus";
    }

    @Override
    public String commandDesc() {
        return "Fetch broker runtime status data";
    }

    @Override
    public Options buildOptions(Options options) {
        return CliOptions.oneOf(options, CliOptions.withArg("b", "brokerAddr", "Broker address"),
            CliOptions.withArg("c", "clusterName", "which cluster"));
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        DefaultMQAdminExt admin = ctx.admin();
        if (line.hasOption('b')) {
            for (Map.Entry<String, String> e : admin.fetchBrokerRuntimeStats(CliOptions.value(line, "b")).getTable().entrySet()) {
                ctx.out().printf("%-32s: %s%n", e.getKey(), e.getValue());
            }
            return;
        }
        for (String addr : ClusterAddresses.mastersAndSlaves(admin.examineBrokerClusterInfo(), CliOptions.value(line, "c"))) {
            for (Map.Entry<String, String> e : admin.fetchBrokerRuntimeStats(addr).getTable().entrySet()) {
                ctx.out().printf("%-24s %-32s: %s%n", addr, e.getKey(), e.getValue());
            }
        }
    }
}
