package org.mercurymq.tools.command.message;

import java.io.PrintStream;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.client.trace.TraceType;
import org.mercurymq.client.trace.TraceView;
import org.mercurymq.common.TopicNames;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.tools.admin.QueryResult;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;

/**
 * {@code queryMsgTraceById -i msgId [-t traceTopic]}: the trace records of a message (docs/client.md "Message trace"):
 * each send, then the consumptions grouped by consumer group.
 */
public class QueryMsgTraceByIdSubCommand implements SubCommand {
    private static final String ROW = "%-10s %-20s %-20s %-20s %-10s %-10s%n";
    static final int MAX_NUM = 64;

    @Override
    public String commandName() {
        return "queryMsgTraceById";
    }

    @Override
    public String commandDesc() {
        return "query a message trace";
    }

    @Override
    public Options buildOptions(Options options) {
        CliOptions.arg(options, "i", "msgId", "Message Id", true);
        CliOptions.arg(options, "t", "traceTopic", "The name value of message trace topic", false);
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        String msgId = CliOptions.value(line, "i");
        String traceTopic = line.hasOption('t') ? CliOptions.value(line, "t") : TopicNames.TRACE_TOPIC;
        QueryResult result = ctx.admin().queryMessage(traceTopic, msgId, MAX_NUM, 0, System.currentTimeMillis());
        List<TraceView> views = new ArrayList<>();
        for (MessageExt m : result.getMessageList()) {
            views.addAll(TraceView.decodeFromTraceTransData(msgId, m));
        }
        print(views, ctx.out());
    }

    private static void print(List<TraceView> views, PrintStream out) {
        // a HashMap as RocketMQ's tool uses, so groups come out in the same order
        Map<String, List<TraceView>> byGroup = new HashMap<>(16);
        for (TraceView v : views) {
            if (TraceType.Pub.name().equals(v.getMsgType())) {
                out.printf(ROW, "#Type", "#ProducerGroup", "#ClientHost", "#SendTime", "#CostTimes", "#Status");
                out.printf(ROW, "Pub", v.getGroupName(), v.getClientHost(), time(v.getTimeStamp()), v.getCostTime() + "ms",
                    v.getStatus());
                out.printf("\n");
            }
            if (TraceType.SubAfter.name().equals(v.getMsgType())) {
                byGroup.computeIfAbsent(v.getGroupName(), g -> new ArrayList<>()).add(v);
            }
        }
        for (List<TraceView> group : byGroup.values()) {
            out.printf(ROW, "#Type", "#ConsumerGroup", "#ClientHost", "#ConsumerTime", "#CostTimes", "#Status");
            for (TraceView v : group) {
                out.printf(ROW, "Sub", v.getGroupName(), v.getClientHost(), time(v.getTimeStamp()), v.getCostTime() + "ms",
                    v.getStatus());
            }
            out.printf("\n");
        }
    }

    private static String time(long millis) {
        return new SimpleDateFormat("yyyy-MM-dd HH:mm:ss").format(new Date(millis));
    }
}
