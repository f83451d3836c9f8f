package org.mercurymq.tools.command.namesrv;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;

/** {@code deleteKvConfig -s namespace -k key}: removes a KV entry from every name server given. */
public class DeleteKvConfigCommand implements SubCommand {
    @Override
    public String commandName() {
        return "deleteKvConfig";
    }

    @Override
    public String commandDesc() {
        return "Delete KV config.";
    }

    @Override
    public Options buildOptions(Options options) {
        CliOptions.arg(options, "s", "namespace", "set the namespace", true);
        CliOptions.arg(options, "k", "key", "set the key name", true);
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        ctx.admin().deleteKvConfig(CliOptions.value(line, "s"), CliOptions.value(line, "k"));
        ctx.out().printf("delete kv config from namespace success.%n");
    }
}
