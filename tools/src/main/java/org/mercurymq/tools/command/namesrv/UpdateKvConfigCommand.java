package org.mercurymq.tools.command.namesrv;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;

/** {@code updateKvConfig -s namespace -k key -v value}: sets a KV entry on every name server given. */
public class UpdateKvConfigCommand implements SubCommand {
    @Override
    public String commandName() {
        return "updateKvConfig";
    }

    @Override
    public String commandDesc() {
        return "Create or update KV config.";
    }

    @Override
    public Options buildOptions(Options options) {
        CliOptions.arg(options, "s", "namespace", "set the namespace", true);
        CliOptions.arg(options, "k", "key", "set the key name", true);
        CliOptions.arg(options, "v", "value", "set the key value", true);
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        ctx.admin().createAndUpdateKvConfig(CliOptions.value(line, "s"), CliOptions.value(line, "k"), CliOptions.value(line, "v"));
        ctx.out().printf("create or update kv config to namespace success.%n");
    }
}
