package org.mercurymq.client.impl.producer;

import java.util.Set;

/** What the shared client instance needs from every producer it serves (heartbeats, route refresh). */
public interface MQProducerInner {
    Set<String> getPublishTopicList();

    boolean isPublishTopicNeedUpdate(final String topic);

    void updateTopicPublishInfo(final String topic, final TopicPublishInfo info);

    boolean isUnitMode();
}
