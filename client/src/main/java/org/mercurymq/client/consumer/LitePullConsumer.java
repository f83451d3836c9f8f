package org.mercurymq.client.consumer;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mercurymq.client.exception.MQClientException;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageQueue;

/** A consumer polled by the application: subscribe (with rebalance) or assign queues, poll, seek, commit. */
public interface LitePullConsumer {
    void start()
        throws MQClientException;

    void shutdown();

    boolean isRunning();

    void subscribe(String topic, String subExpression)
        throws MQClientException;

    void subscribe(String topic, String subExpression, MessageQueueListener listener)
        throws MQClientException;

    void subscribe(String topic, MessageSelector selector)
        throws MQClientException;

    void unsubscribe(String topic);

    Set<MessageQueue> assignment()
        throws MQClientException;

    void assign(Collection<MessageQueue> messageQueues);

    void setSubExpressionForAssign(String topic, String subExpression);

    List<MessageExt> poll();

    List<MessageExt> poll(long timeout);

    void seek(MessageQueue messageQueue, long offset)
        throws MQClientException;

    void pause(Collection<MessageQueue> messageQueues);

    void resume(Collection<MessageQueue> messageQueues);

    boolean isAutoCommit();

    void setAutoCommit(boolean autoCommit);

    Collection<MessageQueue> fetchMessageQueues(String topic)
        throws MQClientException;

    Long offsetForTimestamp(MessageQueue messageQueue, Long timestamp)
        throws MQClientException;

    void commitSync();

    void commitSync(Map<MessageQueue, Long> offsetMap, boolean persist);

    void commit(Set<MessageQueue> messageQueues, boolean persist);

    Long committed(MessageQueue messageQueue)
        throws MQClientException;

    void registerTopicMessageQueueChangeListener(String topic, TopicMessageQueueChangeListener listener)
        throws MQClientException;

    void updateNameServerAddress(String nameServerAddress);

    void seekToBegin(MessageQueue messageQueue)
        throws MQClientException;

    void seekToEnd(MessageQueue messageQueue)
        throws MQClientException;
}
