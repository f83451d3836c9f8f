package org.mercurymq.tools.command.message;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.client.producer.DefaultMQProducer;
import org.mercurymq.common.message.Message;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;
import org.mercurymq.tools.command.ToolClients;

/**
 * {@code checkMsgSendRT -t topic [-a 100] [-s 128]}: sends {@code amount} messages of {@code size} bytes round-robin
 * over the topic's queues and prints each send's time, then the average over all sends but the first (warm-up).
 */
public class CheckMsgSendRTCommand implements SubCommand {
    private static final String ROW = "%-32s  %-4s  %-20s    %s%n";

    @Override
    public String commandName() {
        return "checkMsgSendRT";
    }

    @Override
    public String commandDesc() {
        return "check message send response time";
    }

    @Override
    public Options buildOptions(Options options) {
        CliOptions.arg(options, "t", "topic", "topic name", true);
        CliOptions.arg(options, "a", "amount", "message amount | default 100", false);
        CliOptions.arg(options, "s", "size", "message size | default 128 Byte", false);
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        String topic = CliOptions.value(line, "t");
        long amount = CliOptions.longValue(line, "a", 100);
        long size = CliOptions.longValue(line, "s", 128);
        Message msg = new Message(topic, repeat('a', size).getBytes(StandardCharsets.UTF_8));
        DefaultMQProducer producer = ToolClients.producer(ctx, Long.toString(System.currentTimeMillis()), false);
        producer.start();
        try {
            ctx.out().printf(ROW, "#Broker Name", "#QID", "#Send Result", "#RT");
            long elapsed = 0;
            MessageQueue[] chosen = new MessageQueue[1];
            for (int i = 0; i < amount; i++) {
                long start = System.currentTimeMillis();
                boolean ok;
                try {
                    producer.send(msg, (List<MessageQueue> mqs, Message m, Object arg) -> {
                        chosen[0] = mqs.get((Integer) arg % mqs.size());
                        return chosen[0];
                    }, i);
                    ok = true;
                } catch (Exception e) {
                    ok = false;
                }
                long end = System.currentTimeMillis();
                if (i != 0) {
                    elapsed += end - start;
                }
                ctx.out().printf(ROW, chosen[0] == null ? "" : chosen[0].getBrokerName(),
                    chosen[0] == null ? 0 : chosen[0].getQueueId(), ok, end - start);
            }
            ctx.out().printf("Avg RT: %s%n", String.format("%.2f", (double) elapsed / (amount - 1)));
        } finally {
            producer.shutdown();
        }
    }

    static String repeat(char c, long n) {
        StringBuilder sb = new StringBuilder();
        for (long i = 0; i < n; i++) {
            sb.append(c);
        }
        return sb.toString();
    }
}
