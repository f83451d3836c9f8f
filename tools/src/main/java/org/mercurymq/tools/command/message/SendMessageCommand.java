package org.mercurymq.tools.command.message;

import java.nio.charset.StandardCharsets;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.client.producer.DefaultMQProducer;
import org.mercurymq.client.producer.SendResult;
import org.mercurymq.common.message.Message;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;
import org.mercurymq.tools.command.ToolClients;

/**
 * {@code sendMessage -t topic -p body [-k keys] [-c tags] [-b broker -i queueId] [-m true]}: sends one message (to a
 * given queue with -b and -i) from a producer group named by the current time, and prints where it went.
 */
public class SendMessageCommand implements SubCommand {
    private static final String ROW = "%-32s  %-4s  %-20s    %s%n";

    @Override
    public String commandName() {
        return "sendMessage";
    }

    @Override
    public String commandDesc() {
        return "Send a message";
    }

    @Override
    public Options buildOptions(Options options) {
        CliOptions.arg(options, "t", "topic", "Topic name", true);
        CliOptions.arg(options, "p", "body", "UTF-8 string format of the message body", true);
        CliOptions.arg(options, "k", "key", "Message keys", false);
        CliOptions.arg(options, "c", "tags", "Message tags", false);
        CliOptions.arg(options, "b", "broker", "Send message to target broker", false);
        CliOptions.arg(options, "i", "qid", "Send message to target queue", false);
        CliOptions.arg(options, "m", "msgTraceEnable", "Message Trace Enable, Default: false", false);
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        String topic = CliOptions.value(line, "t");
        String body = CliOptions.value(line, "p");
        String brokerName = CliOptions.value(line, "b");
        int queueId = -1;
        if (line.hasOption('i')) {
            if (brokerName == null) {
                ctx.out().print("Broker name must be set if the queue is chosen!");
                return;
            }
            queueId = CliOptions.intValue(line, "i", -1);
        }
        boolean trace = line.hasOption('m') && Boolean.parseBoolean(CliOptions.value(line, "m"));
        Message msg = new Message(topic, CliOptions.value(line, "c"), CliOptions.value(line, "k"),
            body.getBytes(StandardCharsets.UTF_8));
        DefaultMQProducer producer = ToolClients.producer(ctx, Long.toString(System.currentTimeMillis()), trace);
        SendResult result;
        producer.start();
        try {
            result = brokerName != null && queueId > -1
                ? producer.send(msg, new MessageQueue(topic, brokerName, queueId)) : producer.send(msg);
        } finally {
            producer.shutdown();
        }
        ctx.out().printf(ROW, "#Broker Name", "#QID", "#Send Result", "#MsgId");
        if (result != null) {
            ctx.out().printf(ROW, result.getMessageQueue().getBrokerName(), result.getMessageQueue().getQueueId(),
                result.getSendStatus(), result.getMsgId());
        } else {
            ctx.out().printf(ROW, "Unknown", "Unknown", "Failed", "None");
        }
    }
}
