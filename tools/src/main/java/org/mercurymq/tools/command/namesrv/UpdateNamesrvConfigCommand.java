package org.mercurymq.tools.command.namesrv;

import java.util.Properties;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;

/** {@code updateNamesrvConfig -k key -v value}: changes one config key on every name server given. */
public class UpdateNamesrvConfigCommand implements SubCommand {
    @Override
    public String commandName() {
        return "updateNamesrvConfig";
    }

    @Override
    public String commandDesc() {
        return "Update configs of name server.";
    }

    @Override
    public Options buildOptions(Options options) {
        CliOptions.arg(options, "k", "key", "config key", true);
        CliOptions.arg(options, "v", "value", "config value", true);
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        String key = CliOptions.value(line, "k");
        String value = CliOptions.value(line, "v");
        Properties p = new Properties();
        p.setProperty(key, value);
        ctx.admin().updateNameServerConfig(p, null);
        // RocketMQ prints the name servers it updated right after "success!", as a bracketed list
        ctx.out().printf("update name server config success!%s%n%s : %s%n", ctx.admin().getNameServerAddressList(), key,
            value);
    }
}
