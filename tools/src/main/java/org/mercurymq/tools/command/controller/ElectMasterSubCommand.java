package org.mercurymq.tools.command.controller;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;
import org.mercurymq.tools.command.SubCommandException;

/**
 * {@code electMaster -a addrs -c cluster -b brokerName -i brokerId}: makes that replica the master (a switchover when
 * the master is alive); refused unless it is alive and in the SyncStateSet.
 */
public class ElectMasterSubCommand implements SubCommand {
    @Override
    public String commandName() {
        return "electMaster";
    }

    @Override
    public String commandDesc() {
        return "Re-elect the specified broker as master.";
    }

    @Override
    public Options buildOptions(Options options) {
        CliOptions.arg(options, "a", "controllerAddress", "the address of controller (host:port;...)", true);
        CliOptions.arg(options, "c", "clusterName", "the cluster name", true);
        CliOptions.arg(options, "b", "brokerName", "the broker group", true);
        CliOptions.arg(options, "i", "brokerId", "the controller id of the new master", true);
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        long id;
        try {
            id = Long.parseLong(CliOptions.value(line, "i"));
        } catch (NumberFormatException e) {
            throw new SubCommandException("-i must be a broker id, was " + CliOptions.value(line, "i"));
        }
        String brokerName = CliOptions.value(line, "b");
        DefaultMQAdminExt.ReplicaInfoView v = ctx.admin().electMaster(ControllerAddrs.parse(CliOptions.value(line, "a")),
            CliOptions.value(line, "c"), brokerName, id);
        ctx.out().printf("#brokerName\t%s%n#MasterBrokerId\t%d%n#MasterAddr\t%s%n#MasterEpoch\t%d%n#SyncStateSet\t%s%n",
            brokerName, v.masterBrokerId(), v.masterAddress() == null ? "" : v.masterAddress(), v.masterEpoch(),
            v.syncStateSet());
    }
}
