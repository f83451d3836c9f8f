package org.mercurymq.tools.command.offset;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.admin.MQAdminException;
import org.mercurymq.tools.admin.RollbackStats;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;
import org.mercurymq.tools.command.TimeText;

/**
 * {@code resetOffsetByTime -g group -t topic -s time [-f true]}: moves the group's offsets to the first message
 * stored at or after the time. Live consumers are reset through the brokers; when none is online the offsets are
 * committed directly (RocketMQ's fallback) and printed with the offsets they replaced.
 */
public class ResetOffsetByTimeCommand implements SubCommand {
    @Override
    public String commandName() {
        return "resetOffsetByTime";
    }

    @Override
    public String commandDesc() {
        return "Reset consumer offset by timestamp(without client restart).";
    }

    @Override
    public Options buildOptions(Options options) {
        CliOptions.arg(options, "g", "group", "set the consumer group", true);
        CliOptions.arg(options, "t", "topic", "set the topic", true);
        CliOptions.arg(options, "s", "timestamp", "set the timestamp[now|currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]", true);
        CliOptions.arg(options, "f", "force", "set the force rollback by timestamp switch[true|false]", false);
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        String group = CliOptions.value(line, "g");
        String topic = CliOptions.value(line, "t");
        String timeText = CliOptions.value(line, "s");
        // as RocketMQ 4.9.7: "now" is sent as -1, which the broker answers with each queue's max offset
        long timestamp = "now".equalsIgnoreCase(timeText.trim()) ? -1L
            : TimeText.parseTimestamp(timeText, System.currentTimeMillis());
        boolean force = CliOptions.boolValue(line, "f", true);
        DefaultMQAdminExt admin = ctx.admin();
        PrintStream out = ctx.out();
        Map<MessageQueue, Long> reset;
        try {
            reset = admin.resetOffsetByTimestamp(topic, group, timestamp, force);
        } catch (MQAdminException e) {
            if (e.getResponseCode() != ResponseCode.CONSUMER_NOT_ONLINE.code()) {
                throw e;
            }
            printOld(admin.resetOffsetByTimestampOld(group, topic, timestamp, force), group, topic, force, timeText,
                timestamp, out);
            return;
        }
        printTitle("group", group, topic, force, timeText, timestamp, out);
        out.printf("%-40s  %-40s  %-40s%n", "#brokerName", "#queueId", "#offset");
        for (Map.Entry<MessageQueue, Long> e : new TreeMap<>(reset).entrySet()) {
            out.printf("%-40s  %-40d  %-40d%n", e.getKey().getBrokerName(), e.getKey().getQueueId(), e.getValue());
        }
    }

    /** RocketMQ 4.9.7 names the group "group" when the brokers reset, "consumerGroup" when the offsets are committed. */
    private static void printTitle(String word, String group, String topic, boolean force, String timeText, long timestamp,
                                   PrintStream out) {
        out.printf("rollback consumer offset by specified %s[%s], topic[%s], force[%s], timestamp(string)[%s],"
            + " timestamp(long)[%s]%n", word, group, topic, force, timeText, timestamp);
    }

    private static void printOld(List<RollbackStats> stats, String group, String topic, boolean force, String timeText,
                                 long timestamp, PrintStream out) {
        printTitle("consumerGroup", group, topic, force, timeText, timestamp, out);
        out.printf("%-20s  %-20s  %-20s  %-20s  %-20s  %-20s%n", "#brokerName", "#queueId", "#brokerOffset",
            "#consumerOffset", "#timestampOffset", "#resetOffset");
        for (RollbackStats s : stats) {
            out.printf("%-20s  %-20d  %-20d  %-20d  %-20d  %-20d%n", s.getBrokerName(), s.getQueueId(), s.getBrokerOffset(),
                s.getConsumerOffset(), s.getTimestampOffset(), s.getRollbackOffset());
        }
    }
}
