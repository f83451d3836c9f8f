package org.mercurymq.tools.command.namesrv;

import java.util.Map;
import java.util.Properties;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;
import org.mercurymq.tools.command.broker.GetBrokerConfigCommand;

/** {@code getNamesrvConfig}: the config of every name server given. */
public class GetNamesrvConfigCommand implements SubCommand {
    @Override
    public String commandName() {
        return "getNamesrvConfig";
    }

    @Override
    public String commandDesc() {
        return "Get configs of name server.";
    }

    @Override
    public Options buildOptions(Options options) {
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        for (Map.Entry<String, Properties> e : ctx.admin().getNameServerConfig(null).entrySet()) {
            GetBrokerConfigCommand.printConfig(ctx.out(), "============" + e.getKey() + "============", e.getValue());
        }
    }
}
