package org.mercurymq.tools.command.topic;

import com.alibaba.fastjson2.JSON;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.client.consumer.rebalance.AllocateMessageQueueAveragely;
import org.mercurymq.client.impl.factory.TopicRouteCache;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;

/**
 * {@code allocateMQ -t topic -i ip1,ip2}: which read queues of the topic each client id would get from the
 * average allocation strategy, as JSON.
 */
public class AllocateMQSubCommand implements SubCommand {
    @Override
    public String commandName() {
        return "allocateMQ";
    }

    @Override
    public String commandDesc() {
        return "Allocate MQ";
    }

    @Override
    public Options buildOptions(Options options) {
        CliOptions.arg(options, "t", "topic", "topic name", true);
        CliOptions.arg(options, "i", "ipList", "ipList", true);
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        String topic = CliOptions.value(line, "t");
        List<String> ips = Arrays.asList(CliOptions.value(line, "i").split(","));
        // unsorted, in hash-set order, as RocketMQ's tool hands them to the strategy
        List<MessageQueue> all = new ArrayList<>(new java.util.HashSet<>(
            TopicRouteCache.subscribeQueues(topic, ctx.admin().examineTopicRouteInfo(topic))));
        AllocateMessageQueueAveragely strategy = new AllocateMessageQueueAveragely();
        // a HashMap as RocketMQ's RebalanceResult, so the JSON lists the ips in the same order
        Map<String, List<Map<String, Object>>> result = new java.util.HashMap<>();
        for (String ip : ips) {
            List<Map<String, Object>> queues = new ArrayList<>();
            for (MessageQueue mq : strategy.allocate("aa", ip, new ArrayList<>(all), ips)) {
                Map<String, Object> q = new LinkedHashMap<>();
                q.put("brokerName", mq.getBrokerName());
                q.put("queueId", mq.getQueueId());
                q.put("topic", mq.getTopic());
                queues.add(q);
            }
            result.put(ip, queues);
        }
        Map<String, Object> wrapper = new LinkedHashMap<>();
        wrapper.put("result", result);
        ctx.out().printf("%s%n", JSON.toJSONString(wrapper));
    }
}
