package org.mercurymq.broker.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;
import org.mercurymq.broker.stats.BrokerStatsManager;
import org.mercurymq.broker.stats.StatsItem;
import org.mercurymq.broker.stats.StatsItemSet;
import org.mercurymq.metrics.Family;

/**
 * The broker statistics items (docs/broker.md, VIEW_BROKER_STATS_DATA) as metrics, read at scrape time from
 * the counters the send and pull paths already keep: RocketMQ 5's counters since start
 * ({@code rocketmq_messages_in_total}, {@code rocketmq_throughput_in_total}, {@code _out_total}) and
 * rocketmq-exporter's last-minute rates ({@code rocketmq_producer_tps}, {@code rocketmq_producer_message_size},
 * {@code rocketmq_consumer_tps}, {@code rocketmq_consumer_message_size}, {@code rocketmq_send_back_nums}).
 * Thread-safe.
 */
public final class StatsMetrics implements MultiCollector {
    private static final String[] TOPIC_LABELS = {"cluster", "broker", "topic"};
    private static final String[] GROUP_LABELS = {"cluster", "broker", "topic", "group"};
    private static final String[] IN_LABELS = {"cluster", "node_type", "node_id", "topic"};
    private static final String[] OUT_LABELS = {"cluster", "node_type", "node_id", "topic", "consumer_group"};

    private final BrokerLabels labels;
    private final BrokerStatsManager stats;

    public StatsMetrics(BrokerLabels labels, BrokerStatsManager stats) {
        this.labels = labels;
        this.stats = stats;
    }

    @Override
    public MetricSnapshots collect() {
        Family messagesIn = Family.counter("rocketmq_messages_in", "messages stored since start (RocketMQ 5)", IN_LABELS);
        Family bytesIn = Family.counter("rocketmq_throughput_in", "bytes stored since start (RocketMQ 5)", IN_LABELS);
        Family putTps = Family.gauge("rocketmq_producer_tps", "TopicPutNums: messages stored per second, last minute",
            TOPIC_LABELS);
        Family putSize = Family.gauge("rocketmq_producer_message_size",
            "TopicPutMessageSize: bytes stored per second, last minute", TOPIC_LABELS);
        for (StatsItem item : items(BrokerStatsManager.TOPIC_PUT_NUMS)) {
            String topic = item.getStatsKey();
            messagesIn.add(item.getValue(), labels.cluster(), BrokerLabels.NODE_TYPE, labels.nodeId(), topic);
            putTps.add(item.getStatsDataInMinute().getTps(), labels.cluster(), labels.brokerName(), topic);
        }
        for (StatsItem item : items(BrokerStatsManager.TOPIC_PUT_SIZE)) {
            String topic = item.getStatsKey();
            bytesIn.add(item.getValue(), labels.cluster(), BrokerLabels.NODE_TYPE, labels.nodeId(), topic);
            putSize.add(item.getStatsDataInMinute().getTps(), labels.cluster(), labels.brokerName(), topic);
        }
        Family messagesOut = Family.counter("rocketmq_messages_out", "messages pulled since start (RocketMQ 5)",
            OUT_LABELS);
        Family bytesOut = Family.counter("rocketmq_throughput_out", "bytes pulled since start (RocketMQ 5)", OUT_LABELS);
        Family getTps = Family.gauge("rocketmq_consumer_tps", "GroupGetNums: messages pulled per second, last minute",
            GROUP_LABELS);
        Family getSize = Family.gauge("rocketmq_consumer_message_size",
            "GroupGetMessageSize: bytes pulled per second, last minute", GROUP_LABELS);
        Family sendBack = Family.gauge("rocketmq_send_back_nums", "SendBackNums: messages sent back, last minute",
            GROUP_LABELS);
        for (StatsItem item : items(BrokerStatsManager.GROUP_GET_NUMS)) {
            String[] tg = topicAndGroup(item.getStatsKey());
            if (tg != null) {
                messagesOut.add(item.getValue(), labels.cluster(), BrokerLabels.NODE_TYPE, labels.nodeId(), tg[0], tg[1]);
                getTps.add(item.getStatsDataInMinute().getTps(), labels.cluster(), labels.brokerName(), tg[0], tg[1]);
            }
        }
        for (StatsItem item : items(BrokerStatsManager.GROUP_GET_SIZE)) {
            String[] tg = topicAndGroup(item.getStatsKey());
            if (tg != null) {
                bytesOut.add(item.getValue(), labels.cluster(), BrokerLabels.NODE_TYPE, labels.nodeId(), tg[0], tg[1]);
                getSize.add(item.getStatsDataInMinute().getTps(), labels.cluster(), labels.brokerName(), tg[0], tg[1]);
            }
        }
        for (StatsItem item : items(BrokerStatsManager.SNDBCK_PUT_NUMS)) {
            String[] tg = topicAndGroup(item.getStatsKey());
            if (tg != null) {
                sendBack.add(item.getStatsDataInMinute().getSum(), labels.cluster(), labels.brokerName(), tg[0], tg[1]);
            }
        }
        return MetricSnapshots.of(messagesIn.build(), bytesIn.build(), putTps.build(), putSize.build(),
            messagesOut.build(), bytesOut.build(), getTps.build(), getSize.build(), sendBack.build());
    }

    private Iterable<StatsItem> items(String statsName) {
        StatsItemSet set = stats.statsSet(statsName);
        return set == null ? List.of() : set.items();
    }

    /** Keys are {@code topic@group}; group names cannot contain {@code @}, so the last one splits them. */
    private static String[] topicAndGroup(String key) {
        int at = key.lastIndexOf('@');
        return at <= 0 ? null : new String[] {key.substring(0, at), key.substring(at + 1)};
    }
}
