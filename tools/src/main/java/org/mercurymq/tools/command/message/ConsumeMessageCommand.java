package org.mercurymq.tools.command.message;

import java.io.PrintStream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.client.consumer.DefaultMQPullConsumer;
import org.mercurymq.client.consumer.PullResult;
import org.mercurymq.common.GroupNames;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;
import org.mercurymq.tools.command.ToolClients;

/**
 * {@code consumeMessage -t topic [-b broker [-i queue [-o offset]]] [-g group] [-s begin] [-e end] [-c count]}: pulls
 * up to {@code count} (128) messages, from the oldest, of the whole topic or of one queue, and prints them. Nothing
 * is committed. The queue bounds and the messages of RocketMQ 4.9.7's tool are kept, off-by-ones included, so
 * its output can be compared line by line (docs/mqadmin.md).
 */
public class ConsumeMessageCommand implements SubCommand {
    static final long DEFAULT_COUNT = 128;

    @Override
    public String commandName() {
        return "consumeMessage";
    }

    @Override
    public String commandDesc() {
        return "Consume message";
    }

    @Override
    public Options buildOptions(Options options) {
        CliOptions.arg(options, "t", "topic", "Topic name", true);
        CliOptions.arg(options, "b", "brokerName", "Broker name", false);
        CliOptions.arg(options, "i", "queueId", "Queue Id", false);
        CliOptions.arg(options, "o", "offset", "Queue offset", false);
        CliOptions.arg(options, "g", "consumerGroup", "Consumer group name", false);
        CliOptions.arg(options, "s", "beginTimestamp ", "Begin timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]", false);
        CliOptions.arg(options, "e", "endTimestamp ", "End timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]", false);
        CliOptions.arg(options, "c", "MessageNumber", "Number of message to be consumed", false);
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        PrintStream out = ctx.out();
        String group = line.hasOption('g') ? CliOptions.value(line, "g") : GroupNames.TOOLS_CONSUMER_GROUP;
        String topic = CliOptions.value(line, "t");
        long count = CliOptions.longValue(line, "c", DEFAULT_COUNT);
        if (count <= 0) {
            out.print("Please input a positive messageNumber!");
            return;
        }
        String brokerName = CliOptions.value(line, "b");
        String queueId = null;
        long offset = 0;
        if (line.hasOption('i')) {
            if (brokerName == null) {
                out.print("Please set the brokerName before queueId!");
                return;
            }
            queueId = CliOptions.value(line, "i");
        }
        if (line.hasOption('o')) {
            if (queueId == null) {
                out.print("Please set queueId before offset!");
                return;
            }
            offset = CliOptions.longValue(line, "o", 0);
        }
        long now = System.currentTimeMillis();
        long begin = 0;
        long end = 0;
        if (line.hasOption('s')) {
            begin = PullTimes.parse(CliOptions.value(line, "s"));
            if (begin > now) {
                out.print("Please set the beginTimestamp before now!");
                return;
            }
        }
        if (line.hasOption('e')) {
            end = PullTimes.parse(CliOptions.value(line, "e"));
            if (end > now) {
                out.print("Please set the endTimestamp before now!");
                return;
            }
            if (begin > end) {
                out.print("Please make sure that the beginTimestamp is less than or equal to the endTimestamp");
                return;
            }
        }
        DefaultMQPullConsumer consumer = ToolClients.pullConsumer(ctx, group);
        consumer.start();
        try {
            if (queueId == null) {
                consumeTopic(consumer, topic, count, begin, end, out);
            } else {
                int qid;
                try {
                    qid = Integer.parseInt(queueId);
                } catch (NumberFormatException e) {
                    throw new org.mercurymq.tools.command.SubCommandException("-i needs a queue number, got '" + queueId + "'");
                }
                consumeQueue(consumer, new MessageQueue(topic, brokerName, qid), offset, count, begin, end, out);
            }
        } finally {
            consumer.shutdown();
        }
    }

    private static void consumeTopic(DefaultMQPullConsumer consumer, String topic, long count, long begin, long end,
                                     PrintStream out) throws Exception {
        long left = count;
        for (MessageQueue mq : consumer.fetchSubscribeMessageQueues(topic)) {
            if (left == 0) {
                return;
            }
            long min = consumer.minOffset(mq);
            long max = consumer.maxOffset(mq);
            if (begin > 0) {
                min = consumer.searchOffset(mq, begin);
            }
            if (end > 0) {
                max = consumer.searchOffset(mq, end);
            }
            if (max - min > left) {
                out.printf("The older %d message of the %d queue will be provided\n", left, mq.getQueueId());
                max = min + left - 1;
                left = 0;
            } else {
                // RocketMQ's count: one more than the queue held
                left = left - (max - min) - 1;
            }
            pullQueue(consumer, mq, min, max, out);
        }
    }

    private static void consumeQueue(DefaultMQPullConsumer consumer, MessageQueue mq, long offset, long count, long begin,
                                     long end, PrintStream out) throws Exception {
        long min = consumer.minOffset(mq);
        long max = consumer.maxOffset(mq);
        if (begin > 0) {
            min = consumer.searchOffset(mq, begin);
        }
        if (end > 0) {
            max = consumer.searchOffset(mq, end);
        }
        if (offset > max) {
            out.printf("%s no matched msg, offset=%s\n", mq, offset);
            return;
        }
        min = Math.max(min, offset);
        if (max - min > count) {
            out.printf("The oldler %d message will be provided\n", count);
            max = min + count - 1;
        }
        pullQueue(consumer, mq, min, max, out);
    }

    /** Pulls [min, max] (both ends included, as RocketMQ's tool asks), printing every message. */
    private static void pullQueue(DefaultMQPullConsumer consumer, MessageQueue mq, long min, long max, PrintStream out)
        throws Exception {
        for (long offset = min; offset <= max; ) {
            PullResult r;
            try {
                r = consumer.pull(mq, "*", offset, (int) (max - offset + 1));
            } catch (Exception e) {
                System.err.println("consumeMessage: pull from " + mq + " at offset " + offset + " failed: " + e.getMessage());
                return;
            }
            offset = r.getNextBeginOffset();
            switch (r.getPullStatus()) {
                case FOUND:
                    out.print("Consume ok\n");
                    PullPrinter.print(r.getMsgFoundList(), "UTF-8", true, out);
                    break;
                case NO_MATCHED_MSG:
                    out.printf("%s no matched msg. status=%s, offset=%s\n", mq, r.getPullStatus(), offset);
                    break;
                default:
                    out.printf("%s print msg finished. status=%s, offset=%s\n", mq, r.getPullStatus(), offset);
                    return;
            }
        }
    }
}
