package org.mercurymq.client.impl.factory;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.remoting.protocol.body.ConsumeMessageDirectlyResult;
import org.mercurymq.remoting.protocol.body.ConsumerRunningInfo;
import org.mercurymq.common.consumer.ConsumeFromWhere;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.common.protocol.heartbeat.ConsumeType;
import org.mercurymq.common.protocol.heartbeat.MessageModel;
import org.mercurymq.common.protocol.heartbeat.SubscriptionData;

/**
 * What the shared client instance needs from every consumer it serves (heartbeats, routes, rebalance, offsets, and
 * the broker's requests about a group). Declared here, below the consumer engines, so that the instance does not
 * depend on them (layers: docs/client.md).
 */
public interface MQConsumerInner {
    String groupName();

    MessageModel messageModel();

    ConsumeType consumeType();

    ConsumeFromWhere consumeFromWhere();

    /** A copy of the current subscriptions, as sent in heartbeats. */
    Set<SubscriptionData> subscriptions();

    void doRebalance();

    void persistConsumerOffset();

    void updateTopicSubscribeInfo(final String topic, final Set<MessageQueue> info);

    boolean isSubscribeTopicNeedUpdate(final String topic);

    boolean isUnitMode();

    ConsumerRunningInfo consumerRunningInfo();

    /**
     * RESET_CONSUMER_CLIENT_OFFSET: drops the topic's queues, stores {@code offsets} and rebalances. Returns false when
     * this kind of consumer does not take resets from brokers (only push consumers do, as in RocketMQ).
     */
    default boolean resetOffsetByBroker(String topic, Map<MessageQueue, Long> offsets) {
        return false;
    }

    /** GET_CONSUMER_STATUS_FROM_CLIENT: the offsets of {@code topic}; empty for consumers that do not report them. */
    default Map<MessageQueue, Long> consumerStatusOffsets(String topic) {
        return Collections.emptyMap();
    }

    /** CONSUME_MESSAGE_DIRECTLY: runs the listener on {@code msg}; null when the consumer has no listener (pull). */
    default ConsumeMessageDirectlyResult consumeMessageDirectly(MessageExt msg, String brokerName) {
        return null;
    }
}
