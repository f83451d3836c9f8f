package org.mercurymq.tools.command.controller;

import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;

/** {@code getControllerMetaData -a addr}: each peer's id, the Raft leader and the peers (code 1005). */
public class GetControllerMetaDataSubCommand implements SubCommand {
    @Override
    public String commandName() {
        return "getControllerMetaData";
    }

    @Override
    public String commandDesc() {
        return "Get controller cluster's metadata";
    }

    @Override
    public Options buildOptions(Options options) {
        CliOptions.arg(options, "a", "controllerAddress", "the address of controller (host:port;...)", true);
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        for (String addr : ControllerAddrs.parse(CliOptions.value(line, "a"))) {
            Map<String, String> m = ctx.admin().getControllerMetaData(addr);
            ctx.out().printf("#ControllerAddress\t%s%n", addr);
            ctx.out().printf("#ControllerGroup\t%s%n", m.getOrDefault("group", ""));
            ctx.out().printf("#ControllerLeaderId\t%s%n", m.getOrDefault("controllerLeaderId", ""));
            ctx.out().printf("#IsLeader\t%s%n", m.getOrDefault("isLeader", ""));
            ctx.out().printf("#Peers\t%s%n", m.getOrDefault("peers", ""));
        }
    }
}
