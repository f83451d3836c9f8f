package org.mercurymq.client.impl.producer;

import java.util.Set;
import org.mercurymq.client.impl.factory.RegisteredProducer;
import org.mercurymq.client.producer.TransactionCheckListener;
import org.mercurymq.client.producer.TransactionListener;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.remoting.protocol.header.CheckTransactionStateRequestHeader;

/**
 * The producer engine as the client instance sees it ({@link RegisteredProducer}), plus the transaction-check
 * listeners and publish-info update that RocketMQ's MQProducerInner declares.
 */
public interface MQProducerInner extends RegisteredProducer {
    @Override
    Set<String> getPublishTopicList();

    @Override
    boolean isPublishTopicNeedUpdate(final String topic);

    @Deprecated
    TransactionCheckListener checkListener();

    TransactionListener getCheckListener();

    /** Answers a CHECK_TRANSACTION_STATE from {@code addr} about {@code msg}, asynchronously. */
    @Override
    void checkTransactionState(final String addr, final MessageExt msg, final CheckTransactionStateRequestHeader checkRequestHeader);

    void updateTopicPublishInfo(final String topic, final TopicPublishInfo info);

    @Override
    boolean isUnitMode();
}
