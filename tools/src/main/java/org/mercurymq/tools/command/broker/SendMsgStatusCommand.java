package org.mercurymq.tools.command.broker;

import java.nio.charset.StandardCharsets;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.client.producer.DefaultMQProducer;
import org.mercurymq.client.producer.SendResult;
import org.mercurymq.common.message.Message;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;
import org.mercurymq.tools.command.ToolClients;

/**
 * {@code sendMsgStatus -b brokerName [-s 128] [-c 50]}: sends to the topic named like the broker (every broker
 * has one) one warm-up message, then {@code count} messages, printing each send's time and result.
 */
public class SendMsgStatusCommand implements SubCommand {
    private static final String UNIT = "hello jodie";

    @Override
    public String commandName() {
        return "sendMsgStatus";
    }

    @Override
    public String commandDesc() {
        return "send msg to broker.";
    }

    @Override
    public Options buildOptions(Options options) {
        CliOptions.arg(options, "b", "brokerName", "Broker Name", true);
        CliOptions.arg(options, "s", "messageSize", "Message Size, Default: 128", false);
        CliOptions.arg(options, "c", "count", "send message count, Default: 50", false);
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        String brokerName = CliOptions.value(line, "b");
        int size = CliOptions.intValue(line, "s", 128);
        int count = CliOptions.intValue(line, "c", 50);
        DefaultMQProducer producer = ToolClients.producer(ctx, "PID_SMSC", false);
        producer.setInstanceName("PID_SMSC_" + System.currentTimeMillis() + "_" + System.nanoTime());
        producer.start();
        try {
            producer.send(message(brokerName, 16));
            for (int i = 0; i < count; i++) {
                long begin = System.currentTimeMillis();
                SendResult result = producer.send(message(brokerName, size));
                ctx.out().printf("rt=%sms, SendResult=%s%n", System.currentTimeMillis() - begin, result);
            }
        } finally {
            producer.shutdown();
        }
    }

    /** A body of "hello jodie" repeated until it is at least {@code size} characters long. */
    static Message message(String topic, int size) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < size; i += UNIT.length()) {
            body.append(UNIT);
        }
        return new Message(topic, body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
