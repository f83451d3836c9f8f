package org.mercurymq.client.impl.producer;

import java.util.Set;
import org.mercurymq.client.producer.TransactionCheckListener;
import org.mercurymq.client.producer.TransactionListener;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.remoting.protocol.header.CheckTransactionStateRequestHeader;

/**
 * What the shared client instance needs from every producer it serves (heartbeats, route refresh, and the
 * broker's transaction checks).
 */
public interface MQProducerInner {
    Set<String> getPublishTopicList();

    boolean isPublishTopicNeedUpdate(final String topic);

    @Deprecated
    TransactionCheckListener checkListener();

    TransactionListener getCheckListener();

    /** Answers a CHECK_TRANSACTION_STATE from {@code addr} about {@code msg}, asynchronously. */
    void checkTransactionState(final String addr, final MessageExt msg, final CheckTransactionStateRequestHeader checkRequestHeader);

    void updateTopicPublishInfo(final String topic, final TopicPublishInfo info);

    boolean isUnitMode();
}
