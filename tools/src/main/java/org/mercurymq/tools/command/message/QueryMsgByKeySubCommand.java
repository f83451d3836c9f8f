package org.mercurymq.tools.command.message;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.tools.admin.QueryResult;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;

/** {@code queryMsgByKey -t topic -k key}: the messages of a topic carrying a key, with their unique ids. */
public class QueryMsgByKeySubCommand implements SubCommand {
    static final int MAX_NUM = 64;

    @Override
    public String commandName() {
        return "queryMsgByKey";
    }

    @Override
    public String commandDesc() {
        return "Query Message by Key";
    }

    @Override
    public Options buildOptions(Options options) {
        CliOptions.arg(options, "t", "topic", "topic name", true);
        CliOptions.arg(options, "k", "msgKey", "Message Key", true);
        CliOptions.arg(options, "b", "beginTimestamp", "Begin timestamp in ms (default 0)", false);
        CliOptions.arg(options, "e", "endTimestamp", "End timestamp in ms (default now)", false);
        CliOptions.arg(options, "c", "maxNum", "The maximum number of messages (default " + MAX_NUM + ")", false);
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        long begin = CliOptions.longValue(line, "b", 0);
        long end = CliOptions.longValue(line, "e", Long.MAX_VALUE);
        int maxNum = CliOptions.intValue(line, "c", MAX_NUM);
        QueryResult result = ctx.admin().queryMessage(CliOptions.value(line, "t"), CliOptions.value(line, "k"), maxNum, begin, end);
        ctx.out().printf("%-50s %4s %40s%n", "#Message ID", "#QID", "#Offset");
        for (MessageExt m : result.getMessageList()) {
            String uniq = m.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
            ctx.out().printf("%-50s %4d %40d%n", uniq != null ? uniq : m.getMsgId(), m.getQueueId(), m.getQueueOffset());
        }
    }
}
