package org.mercurymq.broker.processor;

import java.util.Set;
import java.util.TreeSet;
import org.mercurymq.broker.metadata.ConsumerOffsetManager;
import org.mercurymq.broker.metadata.TopicConfigManager;
import org.mercurymq.broker.stats.BrokerStatsManager;
import org.mercurymq.common.TopicConfig;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.protocol.body.ConsumeStats;
import org.mercurymq.remoting.protocol.body.OffsetWrapper;
import org.mercurymq.store.MessageStore;

/**
 * Builds a group's {@link ConsumeStats} on this broker: for every read queue of every topic the group has
 * offsets for (or the one asked for), the queue's max offset, the committed offset and the store time of
 * the last consumed message; plus the group's pull rate (minute TPS of GROUP_GET_NUMS). Thread-safe.
 */
final class ConsumeStatsBuilder {
    private final TopicConfigManager topics;
    private final ConsumerOffsetManager offsets;
    private final MessageStore store;
    private final BrokerStatsManager stats;
    private final String brokerName;

    ConsumeStatsBuilder(TopicConfigManager topics, ConsumerOffsetManager offsets, MessageStore store, BrokerStatsManager stats,
                        String brokerName) {
        this.topics = topics;
        this.offsets = offsets;
        this.store = store;
        this.stats = stats;
        this.brokerName = brokerName;
    }

    ConsumeStats build(String group, String topicOrNull) {
        Set<String> topicNames = new TreeSet<>();
        if (topicOrNull == null || topicOrNull.isEmpty()) {
            topicNames.addAll(offsets.whichTopicByConsumer(group));
        } else {
            topicNames.add(topicOrNull);
        }
        ConsumeStats cs = new ConsumeStats();
        double tps = 0;
        for (String topic : topicNames) {
            TopicConfig tc = topics.selectTopicConfig(topic);
            if (tc == null) {
                continue;
            }
            for (int i = 0; i < tc.getReadQueueNums(); i++) {
                OffsetWrapper w = new OffsetWrapper();
                w.setBrokerOffset(Math.max(0, store.getMaxOffsetInQueue(topic, i)));
                long consumerOffset = Math.max(0, offsets.queryOffset(group, topic, i));
                w.setConsumerOffset(consumerOffset);
                if (consumerOffset > 0) {
                    w.setLastTimestamp(Math.max(0, store.getMessageStoreTimeStamp(topic, i, consumerOffset - 1)));
                }
                cs.getOffsetTable().put(new MessageQueue(topic, brokerName, i), w);
            }
            tps += stats.tpsGroupGetNums(group, topic);
        }
        cs.setConsumeTps(tps);
        return cs;
    }
}
