package org.mercurymq.client.consumer;

import java.util.Set;
import org.mercurymq.client.exception.MQBrokerException;
import org.mercurymq.client.exception.MQClientException;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.exception.RemotingException;

/** A consumer that pulls explicitly, queue by queue, and manages its own offsets (the older pull API). */
public interface MQPullConsumer extends MQConsumer {
    void start()
        throws MQClientException;

    void shutdown();

    void registerMessageQueueListener(String topic, MessageQueueListener listener);

    PullResult pull(MessageQueue mq, String subExpression, long offset, int maxNums)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException;

    PullResult pull(MessageQueue mq, String subExpression, long offset, int maxNums, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException;

    PullResult pull(MessageQueue mq, MessageSelector selector, long offset, int maxNums)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException;

    PullResult pull(MessageQueue mq, MessageSelector selector, long offset, int maxNums, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException;

    void pull(MessageQueue mq, String subExpression, long offset, int maxNums, PullCallback pullCallback)
        throws MQClientException, RemotingException, InterruptedException;

    void pull(MessageQueue mq, String subExpression, long offset, int maxNums, PullCallback pullCallback, long timeout)
        throws MQClientException, RemotingException, InterruptedException;

    void pull(MessageQueue mq, MessageSelector selector, long offset, int maxNums, PullCallback pullCallback)
        throws MQClientException, RemotingException, InterruptedException;

    void pull(MessageQueue mq, MessageSelector selector, long offset, int maxNums, PullCallback pullCallback, long timeout)
        throws MQClientException, RemotingException, InterruptedException;

    PullResult pullBlockIfNotFound(MessageQueue mq, String subExpression, long offset, int maxNums)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException;

    void pullBlockIfNotFound(MessageQueue mq, String subExpression, long offset, int maxNums, PullCallback pullCallback)
        throws MQClientException, RemotingException, InterruptedException;

    void updateConsumeOffset(MessageQueue mq, long offset)
        throws MQClientException;

    long fetchConsumeOffset(MessageQueue mq, boolean fromStore)
        throws MQClientException;

    Set<MessageQueue> fetchMessageQueuesInBalance(String topic)
        throws MQClientException;

    void sendMessageBack(MessageExt msg, int delayLevel, String brokerName, String consumerGroup)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;
}
