package org.mercurymq.client.impl.factory;

import java.util.Set;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.remoting.protocol.header.CheckTransactionStateRequestHeader;
import org.mercurymq.remoting.protocol.route.TopicRouteData;

/**
 * What the client instance needs from every producer registered with it: the topics to refresh, new routes, and the
 * broker's transaction checks. Declared here so that the instance does not depend on the producer engine
 * (client.impl.producer.MQProducerInner extends it; layers: docs/client.md).
 */
public interface RegisteredProducer {
    Set<String> getPublishTopicList();

    boolean isPublishTopicNeedUpdate(String topic);

    /** The route of {@code topic} changed (or was first fetched); the producer derives its publish queues from it. */
    void updateTopicRoute(String topic, TopicRouteData route);

    /** Answers a CHECK_TRANSACTION_STATE from {@code addr} about {@code msg}, asynchronously. */
    void checkTransactionState(String addr, MessageExt msg, CheckTransactionStateRequestHeader checkRequestHeader);

    boolean isUnitMode();
}
