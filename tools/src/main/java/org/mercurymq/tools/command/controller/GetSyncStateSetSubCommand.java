package org.mercurymq.tools.command.controller;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;

/** {@code getSyncStateSet -a addrs -b brokerName}: the group's master, epochs and in-sync replicas. */
public class GetSyncStateSetSubCommand implements SubCommand {
    @Override
    public String commandName() {
        return "getSyncStateSet";
    }

    @Override
    public String commandDesc() {
        return "Fetch syncStateSet for target brokers";
    }

    @Override
    public Options buildOptions(Options options) {
        CliOptions.arg(options, "a", "controllerAddress", "the address of controller (host:port;...)", true);
        CliOptions.arg(options, "b", "brokerName", "which broker group", true);
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        String brokerName = CliOptions.value(line, "b");
        DefaultMQAdminExt.ReplicaInfoView v = ctx.admin().getReplicaInfo(
            ControllerAddrs.parse(CliOptions.value(line, "a")), brokerName);
        ctx.out().printf("#brokerName\t%s%n#MasterBrokerId\t%d%n#MasterAddr\t%s%n#MasterEpoch\t%d%n"
                + "#SyncStateSetEpoch\t%d%n#SyncStateSetNums\t%d%n#SyncStateSet\t%s%n", brokerName, v.masterBrokerId(),
            v.masterAddress() == null ? "" : v.masterAddress(), v.masterEpoch(), v.syncStateSetEpoch(),
            v.syncStateSet().size(), v.syncStateSet());
    }
}
