package org.mercurymq.tools.command.message;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;

/** {@code queryMsgById -i offsetMsgId[,offsetMsgId...]}: the messages stored under those offset message ids. */
public class QueryMsgByIdSubCommand implements SubCommand {
    @Override
    public String commandName() {
        return "queryMsgById";
    }

    @Override
    public String commandDesc() {
        return "Query Message by Id";
    }

    @Override
    public Options buildOptions(Options options) {
        return CliOptions.arg(options, "i", "msgId", "Message Id", true);
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        String[] ids = CliOptions.value(line, "i").split(",");
        for (int n = 0; n < ids.length; n++) {
            String id = ids[n].trim();
            MessageExt m = ctx.admin().viewMessage(id);
            if (n > 0) {
                ctx.out().println();
            }
            // the detail as RocketMQ 4.9.7 prints it: body written to a file, then the consuming groups' tracks
            MessageDetailPrinter.print(ctx.admin(), m, ctx.out(), true);
        }
    }
}
