package org.mercurymq.tools.command.offset;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

/**
 * {@code skipAccumulatedMessage -g group -t topic [-f true]}: moves the group's offsets on the topic to the end of
 * every queue (a reset to timestamp -1). Live consumers are reset through the brokers; with none online the
 * offsets are committed directly and printed with the offsets they replaced.
 */
public class SkipAccumulationSubCommand implements SubCommand {
    /** The timestamp that asks for each queue's max offset. */
    static final long NEWEST = -1;
    private static final int BROKER_NAME_WIDTH = 32;

    @Override
    public String commandName() {
        return "skipAccumulatedMessage";
    }

    @Override
    public String commandDesc() {
        return "Skip all messages that are accumulated (not consumed) currently";
    }

    @Override
    public Options buildOptions(Options options) {
        CliOptions.arg(options, "g", "group", "set the consumer group", true);
        CliOptions.arg(options, "t", "topic", "set the topic", true);
        CliOptions.arg(options, "f", "force", "set the force rollback by timestamp switch[true|false]", false);
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        String group = CliOptions.value(line, "g");
        String topic = CliOptions.value(line, "t");
        // Boolean.valueOf as RocketMQ: anything but "true" is false
        boolean force = !line.hasOption('f') || Boolean.parseBoolean(CliOptions.value(line, "f"));
        DefaultMQAdminExt admin = ctx.admin();
        Map<MessageQueue, Long> reset;
        try {
            reset = admin.resetOffsetByTimestamp(topic, group, NEWEST, force);
        } catch (MQAdminException e) {
            if (e.getResponseCode() != ResponseCode.CONSUMER_NOT_ONLINE.code()) {
                throw e;
            }
            List<RollbackStats> stats = admin.resetOffsetByTimestampOld(group, topic, NEWEST, force);
            ctx.out().printf("%-20s  %-20s  %-20s  %-20s  %-20s  %-20s%n", "#brokerName", "#queueId", "#brokerOffset",
                "#consumerOffset", "#timestampOffset", "#rollbackOffset");
            // RocketMQ prints in its offset table's hash order; the same keys in a HashMap give the same order
            Map<MessageQueue, RollbackStats> byQueue = new HashMap<>();
            for (RollbackStats s : stats) {
                byQueue.put(new MessageQueue(topic, s.getBrokerName(), (int) s.getQueueId()), s);
            }
            for (RollbackStats s : byQueue.values()) {
                ctx.out().printf("%-20s  %-20d  %-20d  %-20d  %-20d  %-20d%n", cut(s.getBrokerName()), s.getQueueId(),
                    s.getBrokerOffset(), s.getConsumerOffset(), s.getTimestampOffset(), s.getRollbackOffset());
            }
            return;
        }
        ctx.out().printf("%-40s  %-40s  %-40s%n", "#brokerName", "#queueId", "#offset");
        for (Map.Entry<MessageQueue, Long> e : new HashMap<>(reset).entrySet()) {
            ctx.out().printf("%-40s  %-40d  %-40d%n", cut(e.getKey().getBrokerName()), e.getKey().getQueueId(), e.getValue());
        }
    }

    /** At most the first 32 characters, as RocketMQ prints broker names here. */
    private static String cut(String s) {
        return s != null && s.length() > BROKER_NAME_WIDTH ? s.substring(0, BROKER_NAME_WIDTH) : s;
    }
}
