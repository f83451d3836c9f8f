package org.mercurymq.client.consumer;

import org.mercurymq.client.consumer.listener.MessageListener;
import org.mercurymq.client.consumer.listener.MessageListenerConcurrently;
import org.mercurymq.client.consumer.listener.MessageListenerOrderly;
import org.mercurymq.client.exception.MQClientException;

/** A consumer that pulls in the background and hands messages to a registered listener. */
public interface MQPushConsumer extends MQConsumer {
    void start() throws MQClientException;

    void shutdown();

    @Deprecated
    void registerMessageListener(MessageListener messageListener);

    void registerMessageListener(final MessageListenerConcurrently messageListener);

    void registerMessageListener(final MessageListenerOrderly messageListener);

    /** Subscribes with a TAG expression: {@code "*"} or {@code "TagA || TagB"}. */
    void subscribe(final String topic, final String subExpression) throws MQClientException;

    @Deprecated
    void subscribe(final String topic, final String fullClassName, final String filterClassSource) throws MQClientException;

    void subscribe(final String topic, final MessageSelector selector) throws MQClientException;

    void unsubscribe(final String topic);

    void updateCorePoolSize(int corePoolSize);

    void suspend();

    void resume();
}
