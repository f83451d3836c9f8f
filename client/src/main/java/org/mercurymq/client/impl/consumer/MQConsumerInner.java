package org.mercurymq.client.impl.consumer;

import java.util.Set;
import org.mercurymq.remoting.protocol.body.ConsumerRunningInfo;
import org.mercurymq.common.consumer.ConsumeFromWhere;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.common.protocol.heartbeat.ConsumeType;
import org.mercurymq.common.protocol.heartbeat.MessageModel;
import org.mercurymq.common.protocol.heartbeat.SubscriptionData;

/** What the shared client instance needs from every consumer it serves (heartbeats, routes, rebalance, offsets). */
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
}
