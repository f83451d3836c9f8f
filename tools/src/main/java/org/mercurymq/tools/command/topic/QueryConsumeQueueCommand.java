package org.mercurymq.tools.command.topic;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONWriter;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.common.BrokerConstants;
import org.mercurymq.remoting.protocol.RemotingSerializable;
import org.mercurymq.remoting.protocol.body.ConsumeQueueData;
import org.mercurymq.remoting.protocol.body.QueryConsumeQueueResponseBody;
import org.mercurymq.remoting.protocol.route.TopicRouteData;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;
import org.mercurymq.tools.command.SubCommandException;

/**
 * {@code queryCq -t topic -q queue -i index [-c count] [-b broker] [-g group]}: the raw consume-queue entries of
 * one queue (QUERY_CONSUME_QUEUE, 321), printed as RocketMQ 4.9.7's tool prints them (docs/mqadmin.md). Without
 * {@code -b} the master of the route's first broker is asked.
 */
public class QueryConsumeQueueCommand implements SubCommand {
    private static final String SEPARATOR = "======================================\n";

    @Override
    public String commandName() {
        return "queryCq";
    }

    @Override
    public String commandDesc() {
        return "Query cq command.";
    }

    @Override
    public Options buildOptions(Options options) {
        CliOptions.arg(options, "t", "topic", "topic name", true);
        CliOptions.arg(options, "q", "queue", "queue num, ie. 1", true);
        CliOptions.arg(options, "i", "index", "start queue index.", true);
        CliOptions.arg(options, "c", "count", "how many.", false);
        CliOptions.arg(options, "b", "broker", "broker addr.", false);
        CliOptions.arg(options, "g", "consumer", "consumer group.", false);
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        String topic = CliOptions.value(line, "t");
        int queueId = CliOptions.intValue(line, "q", 0);
        long index = CliOptions.longValue(line, "i", 0);
        int count = CliOptions.intValue(line, "c", 10);
        String broker = CliOptions.value(line, "b");
        if (broker == null) {
            TopicRouteData route = ctx.admin().examineTopicRouteInfo(topic);
            if (route == null || route.getBrokerDatas() == null || route.getBrokerDatas().isEmpty()) {
                throw new SubCommandException("No topic route data!");
            }
            broker = route.getBrokerDatas().get(0).getBrokerAddrs().get(BrokerConstants.MASTER_ID);
            if (broker == null) {
                throw new SubCommandException("the first broker of topic " + topic + "'s route has no master; use -b");
            }
        }
        QueryConsumeQueueResponseBody body = ctx.admin().queryConsumeQueue(broker, topic, queueId, index, count,
            CliOptions.value(line, "g"));
        StringBuilder sb = new StringBuilder();
        if (body.getSubscriptionData() != null) {
            Object tree = JSON.parse(RemotingSerializable.toJson(body.getSubscriptionData()));
            sb.append("Subscription data: \n")
                .append(JSON.toJSONString(tree, JSONWriter.Feature.PrettyFormat, JSONWriter.Feature.MapSortField))
                .append('\n').append(SEPARATOR);
        }
        if (body.getFilterData() != null) {
            sb.append("Filter data: \n").append(body.getFilterData()).append('\n').append(SEPARATOR);
        }
        sb.append(String.format("Queue data: \nmax: %d, min: %d\n", body.getMaxQueueIndex(), body.getMinQueueIndex()))
            .append(SEPARATOR);
        long i = index;
        for (ConsumeQueueData d : body.getQueueData()) {
            sb.append("idx: ").append(i++).append('\n').append(text(d)).append('\n').append(SEPARATOR);
        }
        ctx.out().print(sb);
        ctx.out().flush();
    }

    /** RocketMQ's ConsumeQueueData.toString. */
    static String text(ConsumeQueueData d) {
        return "ConsumeQueueData{physicOffset=" + d.getPhysicOffset() + ", physicSize=" + d.getPhysicSize()
            + ", tagsCode=" + d.getTagsCode() + ", extendDataJson='" + d.getExtendDataJson() + "', bitMap='"
            + d.getBitMap() + "', eval=" + d.isEval() + ", msg='" + d.getMsg() + "'}";
    }
}
