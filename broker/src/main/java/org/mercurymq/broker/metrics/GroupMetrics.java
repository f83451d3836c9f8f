package org.mercurymq.broker.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.mercurymq.broker.client.ConsumerGroupInfo;
import org.mercurymq.common.TopicNames;
import org.mercurymq.metrics.Family;
import org.mercurymq.store.MessageStore;

/**
 * Per (topic, consumer group) with a committed offset on this broker, computed at scrape time from the offset
 * table and the consume queues: the lag (broker max offset minus committed offset, summed over the queues,
 * negatives as 0) as rocketmq-exporter's {@code rocketmq_group_diff} / {@code _retrydiff} / {@code _dlqdiff}
 * (by the topic's kind) and RocketMQ 5's {@code rocketmq_consumer_lag_messages}; the broker and consumer
 * offset sums ({@code rocketmq_consumer_offset}, {@code rocketmq_group_consume_total_offset}). Thread-safe.
 */
public final class GroupMetrics implements MultiCollector {
    private static final String[] DIFF_LABELS = {"group", "topic", "countOfOnlineConsumers", "msgModel"};
    private static final String[] NUMS_LABELS = {"cluster", "broker", "topic", "group"};

    private final BrokerLabels labels;
    private final Supplier<Map<String, ? extends Map<Integer, Long>>> offsets;
    private final Function<String, ConsumerGroupInfo> onlineGroup;
    private final MessageStore store;

    /**
     * @param offsets     the committed offsets by {@code topic@group}, then queue id
     * @param onlineGroup the connected consumers of a group, or null
     */
    public GroupMetrics(BrokerLabels labels, Supplier<Map<String, ? extends Map<Integer, Long>>> offsets,
                        Function<String, ConsumerGroupInfo> onlineGroup, MessageStore store) {
        this.labels = labels;
        this.offsets = offsets;
        this.onlineGroup = onlineGroup;
        this.store = store;
    }

    @Override
    public MetricSnapshots collect() {
        Family diff = Family.gauge("rocketmq_group_diff", "GroupDiff: messages the group has not consumed yet", DIFF_LABELS);
        Family retryDiff = Family.gauge("rocketmq_group_retrydiff", "GroupRetryDiff: lag on the group's retry topic",
            DIFF_LABELS);
        Family dlqDiff = Family.gauge("rocketmq_group_dlqdiff", "GroupDLQDiff: lag on the group's dead-letter topic",
            DIFF_LABELS);
        Family lag = Family.gauge("rocketmq_consumer_lag_messages", "messages the group has not consumed yet (RocketMQ 5)",
            "cluster", "node_type", "node_id", "topic", "consumer_group");
        Family brokerOffset = Family.gauge("rocketmq_consumer_offset",
            "GroupBrokerTotalOffset: sum of the max offsets of the queues the group has offsets for", NUMS_LABELS);
        Family consumerOffset = Family.gauge("rocketmq_group_consume_total_offset",
            "GroupConsumeTotalOffset: sum of the group's committed offsets", NUMS_LABELS);
        for (Map.Entry<String, ? extends Map<Integer, Long>> e : offsets.get().entrySet()) {
            int at = e.getKey().lastIndexOf('@');
            if (at <= 0) {
                continue;
            }
            String topic = e.getKey().substring(0, at);
            String group = e.getKey().substring(at + 1);
            long behind = 0;
            long maxSum = 0;
            long committedSum = 0;
            for (Map.Entry<Integer, Long> q : e.getValue().entrySet()) {
                long max = Math.max(0, store.getMaxOffsetInQueue(topic, q.getKey()));
                long committed = Math.max(0, q.getValue());
                maxSum += max;
                committedSum += committed;
                behind += Math.max(0, max - committed);
            }
            ConsumerGroupInfo online = onlineGroup.apply(group);
            String count = String.valueOf(online == null ? 0 : online.allChannels().size());
            String model = online == null || online.messageModel() == null ? "" : online.messageModel().name();
            Family kind = TopicNames.isRetryTopic(topic) ? retryDiff : TopicNames.isDLQTopic(topic)
                ? dlqDiff : diff;
            kind.add(behind, group, topic, count, model);
            lag.add(behind, labels.cluster(), BrokerLabels.NODE_TYPE, labels.nodeId(), topic, group);
            brokerOffset.add(maxSum, labels.cluster(), labels.brokerName(), topic, group);
            consumerOffset.add(committedSum, labels.cluster(), labels.brokerName(), topic, group);
        }
        return MetricSnapshots.of(diff.build(), retryDiff.build(), dlqDiff.build(), lag.build(), brokerOffset.build(),
            consumerOffset.build());
    }
}
