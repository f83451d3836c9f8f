package org.mercurymq.tools.command.topic;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.remoting.protocol.route.BrokerData;
import org.mercurymq.remoting.protocol.route.QueueData;
import org.mercurymq.remoting.protocol.route.TopicRouteData;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;

/** {@code topicRoute -t topic [-l]}: the topic's route as pretty JSON, or with -l as a table with totals. */
public class TopicRouteSubCommand implements SubCommand {
    private static final String ROW = "%-45s %-32s %-50s %-10s %-11s %-5s%n";

    @Override
    public String commandName() {
        return "topicRoute";
    }

    @Override
    public String commandDesc() {
        return "Examine topic route info";
    }

    @Override
    public Options buildOptions(Options options) {
        CliOptions.arg(options, "t", "topic", "topic name", true);
        CliOptions.flag(options, "l", "list", "Use list format to print data");
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        TopicRouteData route = ctx.admin().examineTopicRouteInfo(CliOptions.value(line, "t"));
        if (line.hasOption('l')) {
            printList(route, ctx);
        } else {
            ctx.out().println(fastjsonLayout(prettyJson(route)));
        }
    }

    private static final java.util.regex.Pattern NUMBER_KEYED = java.util.regex.Pattern.compile(
        "\\{((?:\\n\\t+\"\\d+\":\"[^\"]*\",?)+)\\n(\\t*)\\}");
    private static final java.util.regex.Pattern NUMBER_ENTRY = java.util.regex.Pattern.compile("\"(\\d+)\":(\"[^\"]*\")");

    /**
     * RocketMQ 4.9.7 prints the route with fastjson, whose pretty layout differs from standard JSON in two places:
     * a map with number keys (brokerAddrs) is written on the brace's line with bare keys, {@code {0:"addr",1:"addr"},
     * and only its closing brace on a line of its own; an empty map is {@code {}}.
     */
    static String fastjsonLayout(String json) {
        String out = json.replaceAll("\\{\\n[\\t ]*\\n[\\t ]*\\}", "{}");
        java.util.regex.Matcher m = NUMBER_KEYED.matcher(out);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            List<String> entries = new ArrayList<>();
            java.util.regex.Matcher e = NUMBER_ENTRY.matcher(m.group(1));
            while (e.find()) {
                entries.add(e.group(1) + ":" + e.group(2));
            }
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement("{" + String.join(",", entries) + "\n"
                + m.group(2) + "}"));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The route as indented standard JSON (keys sorted, broker ids quoted). */
    public static String prettyJson(TopicRouteData route) {
        Object tree = JSON.parse(new String(route.encode(true), StandardCharsets.UTF_8));
        return JSON.toJSONString(tree, JSONWriter.Feature.PrettyFormat, JSONWriter.Feature.MapSortField);
    }

    private static void printList(TopicRouteData route, CommandContext ctx) {
        ctx.out().printf(ROW, "#ClusterName", "#BrokerName", "#BrokerAddrs", "#ReadQueue", "#WriteQueue", "#Perm");
        List<BrokerData> brokers = new ArrayList<>(route.getBrokerDatas());
        brokers.sort(null);
        int totalRead = 0;
        int totalWrite = 0;
        for (BrokerData bd : brokers) {
            QueueData qd = queueDataOf(route, bd.getBrokerName());
            int read = qd == null ? 0 : qd.getReadQueueNums();
            int write = qd == null ? 0 : qd.getWriteQueueNums();
            totalRead += read;
            totalWrite += write;
            ctx.out().printf(ROW, bd.getCluster(), bd.getBrokerName(), bd.getBrokerAddrs(), read, write,
                qd == null ? "" : String.valueOf(qd.getPerm()));
        }
        ctx.out().println("-".repeat(158));
        ctx.out().printf(ROW, "Total:", brokers.size(), "", totalRead, totalWrite, "");
    }

    private static QueueData queueDataOf(TopicRouteData route, String brokerName) {
        for (QueueData qd : route.getQueueDatas()) {
            if (qd.getBrokerName().equals(brokerName)) {
                return qd;
            }
        }
        return null;
    }
}
