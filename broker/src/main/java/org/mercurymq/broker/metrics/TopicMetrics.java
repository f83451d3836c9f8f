package org.mercurymq.broker.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.Map;
import java.util.function.Supplier;
import org.mercurymq.common.TopicConfig;
import org.mercurymq.metrics.Family;
import org.mercurymq.store.MessageStore;

/**
 * Per topic: {@code rocketmq_producer_offset} (rocketmq-exporter: the sum of the max offsets of the topic's
 * queues on this broker, i.e. the messages stored in the topic since it was created; retention does not lower
 * it). Read from the consume queues at scrape time. Thread-safe.
 */
public final class TopicMetrics implements MultiCollector {
    private final BrokerLabels labels;
    private final Supplier<Map<String, TopicConfig>> topics;
    private final MessageStore store;

    public TopicMetrics(BrokerLabels labels, Supplier<Map<String, TopicConfig>> topics, MessageStore store) {
        this.labels = labels;
        this.topics = topics;
        this.store = store;
    }

    @Override
    public MetricSnapshots collect() {
        Family offset = Family.gauge("rocketmq_producer_offset",
            "TopicOffset: sum of the max offsets of the topic's queues on this broker", "cluster", "broker", "topic");
        for (TopicConfig tc : topics.get().values()) {
            offset.add(maxOffsetSum(store, tc), labels.cluster(), labels.brokerName(), tc.getTopicName());
        }
        return MetricSnapshots.of(offset.build());
    }

    static long maxOffsetSum(MessageStore store, TopicConfig tc) {
        long sum = 0;
        int queues = Math.max(tc.getReadQueueNums(), tc.getWriteQueueNums());
        for (int q = 0; q < queues; q++) {
            sum += Math.max(0, store.getMaxOffsetInQueue(tc.getTopicName(), q));
        }
        return sum;
    }
}
