package org.mercurymq.tools.command.message;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.client.consumer.DefaultMQPullConsumer;
import org.mercurymq.client.consumer.PullResult;
import org.mercurymq.client.consumer.PullStatus;
import org.mercurymq.common.GroupNames;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;
import org.mercurymq.tools.command.ToolClients;

/** {@code queryMsgByOffset -t topic -b brokerName -i queueId -o offset}: the message at one queue offset, in detail. */
public class QueryMsgByOffsetSubCommand implements SubCommand {
    @Override
    public String commandName() {
        return "queryMsgByOffset";
    }

    @Override
    public String commandDesc() {
        return "Query Message by offset";
    }

    @Override
    public Options buildOptions(Options options) {
        CliOptions.arg(options, "t", "topic", "topic name", true);
        CliOptions.arg(options, "b", "brokerName", "Broker Name", true);
        CliOptions.arg(options, "i", "queueId", "Queue Id", true);
        CliOptions.arg(options, "o", "offset", "Queue Offset", true);
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        MessageQueue mq = new MessageQueue(CliOptions.value(line, "t"), CliOptions.value(line, "b"),
            CliOptions.intValue(line, "i", 0));
        long offset = CliOptions.longValue(line, "o", 0);
        DefaultMQPullConsumer consumer = ToolClients.pullConsumer(ctx, GroupNames.TOOLS_CONSUMER_GROUP);
        consumer.start();
        try {
            PullResult r = consumer.pull(mq, "*", offset, 1);
            if (r.getPullStatus() == PullStatus.FOUND) {
                MessageDetailPrinter.print(ctx.admin(), r.getMsgFoundList().get(0), ctx.out());
            }
        } finally {
            consumer.shutdown();
        }
    }
}
