package org.mercurymq.tools.command.message;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.client.consumer.DefaultMQPullConsumer;
import org.mercurymq.client.consumer.PullResult;
import org.mercurymq.client.consumer.PullStatus;
import org.mercurymq.common.GroupNames;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;
import org.mercurymq.tools.command.TerminalProgress;
import org.mercurymq.tools.command.ToolClients;

/**
 * {@code printMsgByQueue -t topic -a brokerName -i queueId [-p true] [-d true] [-f true] ...}: reads one queue (stops
 * at the first pull that finds nothing), printing the messages with {@code -p true} and a count per tag, most
 * frequent first, with {@code -f true}.
 */
public class PrintMessageByQueueCommand implements SubCommand {
    @Override
    public String commandName() {
        return "printMsgByQueue";
    }

    @Override
    public String commandDesc() {
        return "Print Message Detail";
    }

    @Override
    public Options buildOptions(Options options) {
        // long names with spaces are RocketMQ's: only the short forms work there too
        CliOptions.arg(options, "t", "topic", "topic name", true);
        CliOptions.arg(options, "a", "brokerName ", "broker name", true);
        CliOptions.arg(options, "i", "queueId ", "queue id", true);
        CliOptions.arg(options, "c", "charsetName ", "CharsetName(eg: UTF-8,GBK)", false);
        CliOptions.arg(options, "s", "subExpression ", "Subscribe Expression(eg: TagA || TagB)", false);
        CliOptions.arg(options, "b", "beginTimestamp ", "Begin timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]", false);
        CliOptions.arg(options, "e", "endTimestamp ", "End timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]", false);
        CliOptions.arg(options, "p", "print msg", "print msg. eg: true | false(default)", false);
        CliOptions.arg(options, "d", "printBody ", "print body. eg: true | false(default)", false);
        CliOptions.arg(options, "f", "calculate", "calculate by tag. eg: true | false(default)", false);
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        String charset = line.hasOption('c') ? CliOptions.value(line, "c") : "UTF-8";
        boolean printMsg = line.hasOption('p') && Boolean.parseBoolean(CliOptions.value(line, "p"));
        boolean printBody = line.hasOption('d') && Boolean.parseBoolean(CliOptions.value(line, "d"));
        boolean byTag = line.hasOption('f') && Boolean.parseBoolean(CliOptions.value(line, "f"));
        String sub = line.hasOption('s') ? CliOptions.value(line, "s") : "*";
        MessageQueue mq = new MessageQueue(CliOptions.value(line, "t"), CliOptions.value(line, "a"),
            CliOptions.intValue(line, "i", 0));
        DefaultMQPullConsumer consumer = ToolClients.pullConsumer(ctx, GroupNames.TOOLS_CONSUMER_GROUP);
        TerminalProgress progress = TerminalProgress.forConsole();
        consumer.start();
        try {
            long min = consumer.minOffset(mq);
            long max = consumer.maxOffset(mq);
            if (line.hasOption('b')) {
                min = consumer.searchOffset(mq, PullTimes.parse(CliOptions.value(line, "b")));
            }
            if (line.hasOption('e')) {
                max = consumer.searchOffset(mq, PullTimes.parse(CliOptions.value(line, "e")));
            }
            Map<String, Long> tagCounts = new HashMap<>();
            for (long offset = min; offset < max; ) {
                progress.show(String.format("printMsgByQueue: offset %d of %d", offset, max));
                PullResult r;
                try {
                    r = consumer.pull(mq, sub, offset, PrintMessageSubCommand.BATCH);
                } catch (Exception e) {
                    System.err.println("printMsgByQueue: pull from " + mq + " at offset " + offset + " failed: " + e.getMessage());
                    break;
                }
                offset = r.getNextBeginOffset();
                if (r.getPullStatus() != PullStatus.FOUND) {
                    break;
                }
                if (byTag) {
                    for (MessageExt m : r.getMsgFoundList()) {
                        if (m.getTags() != null && !m.getTags().trim().isEmpty()) {
                            tagCounts.merge(m.getTags(), 1L, Long::sum);
                        }
                    }
                }
                if (printMsg) {
                    PullPrinter.print(r.getMsgFoundList(), charset, printBody, ctx.out());
                }
            }
            progress.done();
            if (byTag) {
                List<Map.Entry<String, Long>> counts = new ArrayList<>(tagCounts.entrySet());
                // stable sort by count, most first; equal counts keep the hash-map order, as RocketMQ's list sort does
                counts.sort((x, y) -> Long.compare(y.getValue(), x.getValue()));
                for (Map.Entry<String, Long> e : counts) {
                    ctx.out().printf("Tag: %-30s Count: %s%n", e.getKey(), e.getValue());
                }
            }
        } finally {
            progress.done();
            consumer.shutdown();
        }
    }
}
