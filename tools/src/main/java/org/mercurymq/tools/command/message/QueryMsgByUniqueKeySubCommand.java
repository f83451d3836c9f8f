package org.mercurymq.tools.command.message;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;

/** {@code queryMsgByUniqueKey -i uniqueKey -t topic}: a message by the id its producer gave it (SendResult msgId). */
public class QueryMsgByUniqueKeySubCommand implements SubCommand {
    @Override
    public String commandName() {
        return "queryMsgByUniqueKey";
    }

    @Override
    public String commandDesc() {
        return "Query Message by Unique key";
    }

    @Override
    public Options buildOptions(Options options) {
        CliOptions.arg(options, "i", "msgId", "Message Id", true);
        CliOptions.arg(options, "t", "topic", "The topic of msg", true);
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        String id = CliOptions.value(line, "i");
        MessageExt m = ctx.admin().queryMessageByUniqKey(CliOptions.value(line, "t"), id, 32, 0, Long.MAX_VALUE)
            .getMessageList().get(0);
        // the detail as RocketMQ 4.9.7 prints it: body written to a file, then the consuming groups' tracks
        MessageDetailPrinter.print(ctx.admin(), m, ctx.out(), false);
    }
}
