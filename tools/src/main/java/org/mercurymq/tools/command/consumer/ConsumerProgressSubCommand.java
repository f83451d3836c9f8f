package org.mercurymq.tools.command.consumer;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.common.MQVersion;
import org.mercurymq.common.TopicNames;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.protocol.body.ConsumeStats;
import org.mercurymq.remoting.protocol.body.Connection;
import org.mercurymq.remoting.protocol.body.ConsumerConnection;
import org.mercurymq.remoting.protocol.body.ConsumerRunningInfo;
import org.mercurymq.remoting.protocol.body.OffsetWrapper;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;
import org.mercurymq.tools.command.TimeText;

/**
 * {@code consumerProgress [-g group [-t topic] [-s true]]}: a group's broker offset, consumer offset and lag per
 * queue, its TPS and total lag; with {@code -s true} also the IP of the client that holds each queue (asked from
 * every online client of the group, docs/mqadmin.md); without -g one summary line per group found through the
 * retry topics.
 */
public class ConsumerProgressSubCommand implements SubCommand {
    static final String QUEUE_HEADER = "%-64s  %-32s  %-4s  %-20s  %-20s  %-20s  %s%n";
    static final String QUEUE_ROW = "%-64s  %-32s  %-4d  %-20d  %-20d  %-20d  %s%n";
    /** With -s: the client IP sits between the consumer offset and the diff, one space after it (as 4.9.7). */
    static final String IP_QUEUE_HEADER = "%-64s  %-32s  %-4s  %-20s  %-20s  %-20s %-20s  %s%n";
    static final String IP_QUEUE_ROW = "%-64s  %-32s  %-4d  %-20d  %-20d  %-20s %-20d  %s%n";
    static final String GROUP_HEADER = "%-64s  %-6s  %-24s %-5s  %-14s  %-7s  %s%n";
    static final String GROUP_ROW = "%-64s  %-6d  %-24s %-5s  %-14s  %-7d  %d%n";

    @Override
    public String commandName() {
        return "consumerProgress";
    }

    @Override
    public String commandDesc() {
        return "Query consumers's progress, speed";
    }

    @Override
    public Options buildOptions(Options options) {
        CliOptions.arg(options, "g", "groupName", "consumer group name", false);
        CliOptions.arg(options, "t", "topic", "topic name", false);
        CliOptions.arg(options, "s", "showClientIP", "Show Client IP per Queue", false);
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        DefaultMQAdminExt admin = ctx.admin();
        if (line.hasOption('g')) {
            String group = CliOptions.value(line, "g");
            ConsumeStats stats = admin.examineConsumeStats(group, CliOptions.value(line, "t"));
            if (CliOptions.boolValue(line, "s", false)) {
                printGroup(stats, clientIpByQueue(admin, group), ctx.out());
            } else {
                printGroup(stats, null, ctx.out());
            }
        } else {
            printAllGroups(admin, ctx.out());
        }
    }

    /**
     * Which client IP holds each queue: every online client of the group is asked for its running info and each
     * queue in its process-queue table maps to the part of its clientId before '@'. When two clients report the
     * same queue (mid-rebalance) the one asked last wins. Any failure (group offline, a client not answering)
     * ends the lookup and keeps what was found so far: the table then shows N/A for the rest, as 4.9.7 does.
     */
    static Map<MessageQueue, String> clientIpByQueue(DefaultMQAdminExt admin, String group)
        throws InterruptedException {
        Map<MessageQueue, String> ipByQueue = new HashMap<>();
        try {
            ConsumerConnection cc = admin.examineConsumerConnectionInfo(group);
            for (Connection c : cc.getConnectionSet()) {
                String clientId = c.getClientId();
                ConsumerRunningInfo info = admin.getConsumerRunningInfo(group, clientId, false);
                for (MessageQueue mq : info.getMqTable().keySet()) {
                    ipByQueue.put(mq, clientId.split("@")[0]);
                }
            }
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            // keep the partial mapping; unmapped queues print N/A
        }
        return ipByQueue;
    }

    /** The per-queue table (with a client IP column when {@code ipByQueue} is not null), then TPS and total lag. */
    static void printGroup(ConsumeStats stats, Map<MessageQueue, String> ipByQueue, PrintStream out) {
        if (ipByQueue != null) {
            out.printf(IP_QUEUE_HEADER, "#Topic", "#Broker Name", "#QID", "#Broker Offset", "#Consumer Offset",
                "#Client IP", "#Diff", "#LastTime");
        } else {
            out.printf(QUEUE_HEADER, "#Topic", "#Broker Name", "#QID", "#Broker Offset", "#Consumer Offset", "#Diff",
                "#LastTime");
        }
        long diffTotal = 0;
        for (Map.Entry<MessageQueue, OffsetWrapper> e : new TreeMap<>(stats.getOffsetTable()).entrySet()) {
            MessageQueue mq = e.getKey();
            OffsetWrapper w = e.getValue();
            long diff = w.getBrokerOffset() - w.getConsumerOffset();
            diffTotal += diff;
            // RocketMQ 4.9.7 shows the last store time to the second
            String last = w.getLastTimestamp() > 0
                ? new java.text.SimpleDateFormat("yyyy-MM-dd HH:mm:ss").format(new java.util.Date(w.getLastTimestamp()))
                : "N/A";
            if (ipByQueue != null) {
                String ip = ipByQueue.get(mq);
                out.printf(IP_QUEUE_ROW, mq.getTopic(), mq.getBrokerName(), mq.getQueueId(), w.getBrokerOffset(),
                    w.getConsumerOffset(), ip == null ? "N/A" : ip, diff, last);
            } else {
                out.printf(QUEUE_ROW, mq.getTopic(), mq.getBrokerName(), mq.getQueueId(), w.getBrokerOffset(),
                    w.getConsumerOffset(), diff, last);
            }
        }
        out.println();
        out.printf("Consume TPS: %.2f%n", stats.getConsumeTps());
        out.printf("Diff Total: %d%n", diffTotal);
    }

    private static void printAllGroups(DefaultMQAdminExt admin, PrintStream out) throws Exception {
        out.printf(GROUP_HEADER, "#Group", "#Count", "#Version", "#Type", "#Model", "#TPS", "#Diff Total");
        for (String topic : new TreeSet<>(admin.fetchAllTopicList().getTopicList())) {
            if (!TopicNames.isRetryTopic(topic)) {
                continue;
            }
            String group = topic.substring(TopicNames.RETRY_GROUP_TOPIC_PREFIX.length());
            int count = 0;
            String version = "OFFLINE";
            String type = "";
            String model = "";
            try {
                ConsumerConnection cc = admin.examineConsumerConnectionInfo(group);
                count = cc.getConnectionSet().size();
                int minVersion = Integer.MAX_VALUE;
                for (org.mercurymq.remoting.protocol.body.Connection c : cc.getConnectionSet()) {
                    minVersion = Math.min(minVersion, c.getVersion());
                }
                version = count == 0 ? "OFFLINE" : MQVersion.getVersionDesc(minVersion);
                type = cc.getConsumeType() == null ? "" : cc.getConsumeType().getTypeCN();
                model = cc.getMessageModel() == null ? "" : cc.getMessageModel().name();
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                // offline group: keep the OFFLINE defaults
            }
            double tps = 0;
            long diff = 0;
            try {
                ConsumeStats stats = admin.examineConsumeStats(group);
                tps = stats.getConsumeTps();
                diff = stats.computeTotalDiff();
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                // no offsets yet
            }
            out.printf(GROUP_ROW, group, count, version, type, model, (long) tps, diff);
        }
    }
}
