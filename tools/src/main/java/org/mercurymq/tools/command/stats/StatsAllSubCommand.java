package org.mercurymq.tools.command.stats;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.common.TopicNames;
import org.mercurymq.remoting.protocol.body.BrokerStatsData;
import org.mercurymq.remoting.protocol.body.ConsumeStats;
import org.mercurymq.remoting.protocol.route.BrokerData;
import org.mercurymq.remoting.protocol.route.TopicRouteData;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;
import org.mercurymq.tools.command.TerminalProgress;

/**
 * {@code statsAll [-a] [-t topic]}: per topic and consumer group, the accumulation, the minute TPS in and out
 * and the messages in and out over the last 24 hours, from each master's broker statistics (315) — see
 * docs/statistics.md "statsAll". A failing call leaves its value 0, as in RocketMQ. Topics are printed in name
 * order (RocketMQ prints them in hash order).
 */
public class StatsAllSubCommand implements SubCommand {
    static final String HEADER = "%-64s  %-64s %12s %11s %11s %14s %14s%n";
    static final String ROW = "%-64s  %-64s %12d %11.2f %11.2f %14d %14d%n";
    static final String NO_CONSUMER_ROW = "%-64s  %-64s %12d %11.2f %11s %14d %14s%n";

    @Override
    public String commandName() {
        return "statsAll";
    }

    @Override
    public String commandDesc() {
        return "Topic and Consumer tps stats";
    }

    @Override
    public Options buildOptions(Options options) {
        CliOptions.flag(options, "a", "activeTopic", "print active topic only");
        CliOptions.arg(options, "t", "topic", "print select topic only", false);
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        DefaultMQAdminExt admin = ctx.admin();
        PrintStream out = ctx.out();
        boolean active = line.hasOption('a');
        String only = CliOptions.value(line, "t");
        List<String> topics = new ArrayList<>();
        for (String topic : new TreeSet<>(admin.fetchAllTopicList().getTopicList())) {
            if (topic.startsWith(TopicNames.RETRY_GROUP_TOPIC_PREFIX) || topic.startsWith(TopicNames.DLQ_GROUP_TOPIC_PREFIX)) {
                continue;
            }
            if (only != null && !only.equals(topic)) {
                continue;
            }
            topics.add(topic);
        }
        out.printf(HEADER, "#Topic", "#Consumer Group", "#Accumulation", "#InTPS", "#OutTPS", "#InMsg24Hour",
            "#OutMsg24Hour");
        TerminalProgress progress = TerminalProgress.forConsole();
        try {
            for (int i = 0; i < topics.size(); i++) {
                progress.show("statsAll: topics " + (i + 1) + "/" + topics.size());
                try {
                    printTopic(admin, topics.get(i), active, out);
                } catch (Exception e) {
                    // as RocketMQ: a topic whose route or consumers cannot be read is left out
                }
            }
        } finally {
            progress.done();
        }
    }

    private static void printTopic(DefaultMQAdminExt admin, String topic, boolean active, PrintStream out)
        throws Exception {
        TopicRouteData route = admin.examineTopicRouteInfo(topic);
        List<String> groups = new ArrayList<>(new TreeSet<>(admin.queryTopicConsumeByWho(topic).getGroupList()));
        double inTps = 0;
        long inMsg24Hour = 0;
        for (String master : masters(route)) {
            BrokerStatsData d = view(admin, master, "TOPIC_PUT_NUMS", topic);
            if (d != null) {
                inTps += d.getStatsMinute().getTps();
                inMsg24Hour += sum24Hour(d);
            }
        }
        String topicCol = cut(topic);
        if (groups.isEmpty()) {
            if (!active || inMsg24Hour > 0) {
                out.printf(NO_CONSUMER_ROW, topicCol, "", 0L, inTps, "", inMsg24Hour, "NO_CONSUMER");
            }
            return;
        }
        for (String group : groups) {
            double outTps = 0;
            long outMsg24Hour = 0;
            for (String master : masters(route)) {
                BrokerStatsData d = view(admin, master, "GROUP_GET_NUMS", topic + "@" + group);
                if (d != null) {
                    outTps += d.getStatsMinute().getTps();
                    outMsg24Hour += sum24Hour(d);
                }
            }
            long accumulation = 0;
            try {
                ConsumeStats cs = admin.examineConsumeStats(group, topic);
                accumulation = Math.max(0, cs.computeTotalDiff());
            } catch (Exception e) {
                // no offsets yet: 0, as RocketMQ prints it
            }
            if (!active || inMsg24Hour > 0 || outMsg24Hour > 0) {
                out.printf(ROW, topicCol, cut(group), accumulation, inTps, outTps, inMsg24Hour, outMsg24Hour);
            }
        }
    }

    private static List<String> masters(TopicRouteData route) {
        List<String> out = new ArrayList<>();
        for (BrokerData bd : route.getBrokerDatas()) {
            String master = bd.getBrokerAddrs().get(0L);
            if (master != null) {
                out.add(master);
            }
        }
        return out;
    }

    private static BrokerStatsData view(DefaultMQAdminExt admin, String addr, String name, String key) {
        try {
            return admin.viewBrokerStatsData(addr, name, key);
        } catch (Exception e) {
            return null;            // no such item yet: counts as 0
        }
    }

    /** The day sum, else the hour sum, else the minute sum: a young item has only the shorter windows. */
    public static long sum24Hour(BrokerStatsData d) {
        if (d.getStatsDay().getSum() != 0) {
            return d.getStatsDay().getSum();
        }
        if (d.getStatsHour().getSum() != 0) {
            return d.getStatsHour().getSum();
        }
        return d.getStatsMinute().getSum();
    }

    private static String cut(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64);
    }
}
