package org.mercurymq.tools.command.stats;

import java.io.PrintStream;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.protocol.body.ConsumeStats;
import org.mercurymq.remoting.protocol.body.ConsumeStatsList;
import org.mercurymq.remoting.protocol.body.OffsetWrapper;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;

/**
 * {@code brokerConsumeStats -b addr [-t timeout] [-l level] [-o true|false]}: every online group's queues on one
 * broker (GET_BROKER_CONSUME_STATS) whose lag is at least {@code level} and that were consumed at least once,
 * then the broker's total lag.
 */
public class BrokerConsumeStatsSubCommand implements SubCommand {
    static final String HEADER = "%-64s  %-64s  %-32s  %-4s  %-20s  %-20s  %-20s  %s%n";
    static final String ROW = "%-64s  %-64s  %-32s  %-4d  %-20d  %-20d  %-20d  %s%n";

    @Override
    public String commandName() {
        return "brokerConsumeStats";
    }

    @Override
    public String commandDesc() {
        return "Fetch broker consume stats data";
    }

    @Override
    public Options buildOptions(Options options) {
        CliOptions.arg(options, "b", "brokerAddr", "Broker address", true);
        CliOptions.arg(options, "t", "timeoutMillis", "request timeout Millis", false);
        CliOptions.arg(options, "l", "level", "threshold of print diff", false);
        CliOptions.arg(options, "o", "order", "order topic", false);
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        long timeout = CliOptions.longValue(line, "t", 50_000);
        long level = CliOptions.longValue(line, "l", 0);
        boolean order = CliOptions.boolValue(line, "o", false);
        ConsumeStatsList list = ctx.admin().fetchConsumeStatsInBroker(CliOptions.value(line, "b"), order, timeout);
        print(list, level, ctx.out());
    }

    static void print(ConsumeStatsList list, long level, PrintStream out) {
        out.printf(HEADER, "#Topic", "#Group", "#Broker Name", "#QID", "#Broker Offset", "#Consumer Offset", "#Diff",
            "#LastTime");
        SimpleDateFormat ymdhms = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss");
        for (Map<String, List<ConsumeStats>> byGroup : list.getConsumeStatsList()) {
            for (Map.Entry<String, List<ConsumeStats>> e : byGroup.entrySet()) {
                for (ConsumeStats cs : e.getValue()) {
                    for (Map.Entry<MessageQueue, OffsetWrapper> q : new TreeMap<>(cs.getOffsetTable()).entrySet()) {
                        OffsetWrapper w = q.getValue();
                        long diff = w.getBrokerOffset() - w.getConsumerOffset();
                        // RocketMQ skips queues below the level and queues never consumed
                        if (diff < level || w.getLastTimestamp() <= 0) {
                            continue;
                        }
                        MessageQueue mq = q.getKey();
                        out.printf(ROW, mq.getTopic(), e.getKey(), mq.getBrokerName(), mq.getQueueId(),
                            w.getBrokerOffset(), w.getConsumerOffset(), diff, ymdhms.format(new Date(w.getLastTimestamp())));
                    }
                }
            }
        }
        out.printf("%nDiff Total: %d%n", list.getTotalDiff());
    }
}
