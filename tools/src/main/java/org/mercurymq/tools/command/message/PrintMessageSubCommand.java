package org.mercurymq.tools.command.message;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.client.consumer.DefaultMQPullConsumer;
import org.mercurymq.client.consumer.PullResult;
import org.mercurymq.common.GroupNames;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;
import org.mercurymq.tools.command.TerminalProgress;
import org.mercurymq.tools.command.ToolClients;

/**
 * {@code printMsg -t topic [-c charset] [-s subExpression] [-b begin] [-e end] [-d printBody]}: pulls and prints every
 * message of every queue of the topic (optionally between two store times). On a terminal a progress line on
 * stderr tells which queue it is at; piped output stays the listing alone.
 */
public class PrintMessageSubCommand implements SubCommand {
    static final int BATCH = 32;

    @Override
    public String commandName() {
        return "printMsg";
    }

    @Override
    public String commandDesc() {
        return "Print Message Detail";
    }

    @Override
    public Options buildOptions(Options options) {
        CliOptions.arg(options, "t", "topic", "topic name", true);
        // the trailing spaces of these long names are RocketMQ's: only the short forms work there too
        CliOptions.arg(options, "c", "charsetName ", "CharsetName(eg: UTF-8,GBK)", false);
        CliOptions.arg(options, "s", "subExpression ", "Subscribe Expression(eg: TagA || TagB)", false);
        CliOptions.arg(options, "b", "beginTimestamp ", "Begin timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]", false);
        CliOptions.arg(options, "e", "endTimestamp ", "End timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]", false);
        CliOptions.arg(options, "d", "printBody ", "print body", false);
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        String topic = CliOptions.value(line, "t");
        String charset = line.hasOption('c') ? CliOptions.value(line, "c") : "UTF-8";
        String sub = line.hasOption('s') ? CliOptions.value(line, "s") : "*";
        boolean printBody = !line.hasOption('d') || Boolean.parseBoolean(CliOptions.value(line, "d"));
        PrintStream out = ctx.out();
        DefaultMQPullConsumer consumer = ToolClients.pullConsumer(ctx, GroupNames.TOOLS_CONSUMER_GROUP);
        TerminalProgress progress = TerminalProgress.forConsole();
        consumer.start();
        try {
            List<MessageQueue> queues = new ArrayList<>(consumer.fetchSubscribeMessageQueues(topic));
            int n = 0;
            for (MessageQueue mq : queues) {
                n++;
                long min = consumer.minOffset(mq);
                long max = consumer.maxOffset(mq);
                if (line.hasOption('b')) {
                    min = consumer.searchOffset(mq, PullTimes.parse(CliOptions.value(line, "b")));
                }
                if (line.hasOption('e')) {
                    max = consumer.searchOffset(mq, PullTimes.parse(CliOptions.value(line, "e")));
                }
                out.printf("minOffset=%s, maxOffset=%s, %s%n", min, max, mq);
                readQueue:
                for (long offset = min; offset < max; ) {
                    progress.show(String.format("printMsg: queue %d/%d (%s %d), offset %d of %d", n, queues.size(),
                        mq.getBrokerName(), mq.getQueueId(), offset, max));
                    PullResult r;
                    try {
                        r = consumer.pull(mq, sub, offset, BATCH);
                    } catch (Exception e) {
                        System.err.println("printMsg: pull from " + mq + " at offset " + offset + " failed: " + e.getMessage());
                        break;
                    }
                    offset = r.getNextBeginOffset();
                    switch (r.getPullStatus()) {
                        case FOUND:
                            PullPrinter.print(r.getMsgFoundList(), charset, printBody, out);
                            break;
                        case NO_MATCHED_MSG:
                            out.printf("%s no matched msg. status=%s, offset=%s%n", mq, r.getPullStatus(), offset);
                            break;
                        default:
                            out.printf("%s print msg finished. status=%s, offset=%s%n", mq, r.getPullStatus(), offset);
                            break readQueue;
                    }
                }
                out.printf("--------------------------------------------------------\n");
            }
        } finally {
            progress.done();
            consumer.shutdown();
        }
    }
}
