package org.mercurymq.tools.command.consumer;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.common.MQVersion;
import org.mercurymq.common.TopicNames;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.protocol.body.ConsumeStats;
import org.mercurymq.remoting.protocol.body.ConsumerConnection;
import org.mercurymq.remoting.protocol.body.OffsetWrapper;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;
import org.mercurymq.tools.command.TimeText;

/**
 * {@code consumerProgress [-g group [-t topic]]}: a group's broker offset, consumer offset and lag per queue, its
 * TPS and total lag; without -g one summary line per group found through the retry topics.
 */
public class ConsumerProgressSubCommand implements SubCommand {
    static final String QUEUE_HEADER = "%-64s  %-32s  %-4s  %-20s  %-20s  %-20s  %s%n";
    static final String QUEUE_ROW = "%-64s  %-32s  %-4d  %-20d  %-20d  %-20d  %s%n";
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
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        DefaultMQAdminExt admin = ctx.admin();
        if (line.hasOption('g')) {
            printGroup(admin.examineConsumeStats(CliOptions.value(line, "g"), CliOptions.value(line, "t")), ctx.out());
        } else {
            printAllGroups(admin, ctx.out());
        }
    }

    /** The per-queue table, then the group's TPS and total lag. */
    static void printGroup(ConsumeStats stats, PrintStream out) {
        out.printf(QUEUE_HEADER, "#Topic", "#Broker Name", "#QID", "#Broker Offset", "#Consumer Offset", "#Diff",
            "#LastTime");
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
            out.printf(QUEUE_ROW, mq.getTopic(), mq.getBrokerName(), mq.getQueueId(), w.getBrokerOffset(),
                w.getConsumerOffset(), diff, last);
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
