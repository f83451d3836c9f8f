package org.mercurymq.tools.command.controller;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.remoting.protocol.controller.EpochEntryCacheBody;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.ClusterAddresses;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;

/** {@code getBrokerEpoch -b addr | -c cluster}: each broker's epoch entries (start and end offsets) and max offset. */
public class GetBrokerEpochSubCommand implements SubCommand {
    @Override
    public String commandName() {
        return "getBrokerEpoch";
    }

    @Override
    public String commandDesc() {
        return "Fetch broker epoch entries";
    }

    @Override
    public Options buildOptions(Options options) {
        return CliOptions.oneOf(options, CliOptions.withArg("b", "brokerAddr", "which broker to fetch"),
            CliOptions.withArg("c", "clusterName", "which cluster"));
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        DefaultMQAdminExt admin = ctx.admin();
        List<String> addrs = new ArrayList<>();
        if (line.hasOption('b')) {
            addrs.add(CliOptions.value(line, "b"));
        } else {
            addrs.addAll(ClusterAddresses.mastersAndSlaves(admin.examineBrokerClusterInfo(), CliOptions.value(line, "c")));
        }
        for (String addr : addrs) {
            EpochEntryCacheBody c = admin.getBrokerEpochCache(addr);
            ctx.out().printf("#clusterName\t%s%n#brokerName\t%s%n#brokerAddr\t%s%n#brokerId\t%d%n#maxOffset\t%d%n",
                c.getClusterName(), c.getBrokerName(), addr, c.getBrokerId(), c.getMaxOffset());
            for (EpochEntryCacheBody.Entry e : c.getEpochList()) {
                ctx.out().printf("#Epoch: %d\tStartOffset: %d\tEndOffset: %d%n", e.epoch(), e.startOffset(),
                    e.endOffset());
            }
            ctx.out().println();
        }
    }
}
