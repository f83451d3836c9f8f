package org.mercurymq.client.producer;

import java.util.Collection;
import java.util.List;
import org.mercurymq.client.MQAdmin;
import org.mercurymq.client.exception.MQBrokerException;
import org.mercurymq.client.exception.MQClientException;
import org.mercurymq.client.exception.RequestTimeoutException;
import org.mercurymq.common.message.Message;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.exception.RemotingException;

/**
 * A producer: sync, async and oneway sends, to a chosen queue or one picked by a selector, single
 * messages or batches of one topic, and request/reply. Same methods as RocketMQ 4.9's MQProducer.
 */
public interface MQProducer extends MQAdmin {
    void start()
        throws MQClientException;

    void shutdown();

    List<MessageQueue> fetchPublishMessageQueues(String topic)
        throws MQClientException;

    SendResult send(Message msg)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException;

    SendResult send(Message msg, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException;

    void send(Message msg, SendCallback sendCallback)
        throws MQClientException, RemotingException, InterruptedException;

    void send(Message msg, SendCallback sendCallback, long timeout)
        throws MQClientException, RemotingException, InterruptedException;

    void sendOneway(Message msg)
        throws MQClientException, RemotingException, InterruptedException;

    SendResult send(Message msg, MessageQueue mq)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException;

    SendResult send(Message msg, MessageQueue mq, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException;

    void send(Message msg, MessageQueue mq, SendCallback sendCallback)
        throws MQClientException, RemotingException, InterruptedException;

    void send(Message msg, MessageQueue mq, SendCallback sendCallback, long timeout)
        throws MQClientException, RemotingException, InterruptedException;

    void sendOneway(Message msg, MessageQueue mq)
        throws MQClientException, RemotingException, InterruptedException;

    SendResult send(Message msg, MessageQueueSelector selector, Object arg)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException;

    SendResult send(Message msg, MessageQueueSelector selector, Object arg, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException;

    void send(Message msg, MessageQueueSelector selector, Object arg, SendCallback sendCallback)
        throws MQClientException, RemotingException, InterruptedException;

    void send(Message msg, MessageQueueSelector selector, Object arg, SendCallback sendCallback, long timeout)
        throws MQClientException, RemotingException, InterruptedException;

    void sendOneway(Message msg, MessageQueueSelector selector, Object arg)
        throws MQClientException, RemotingException, InterruptedException;

    TransactionSendResult sendMessageInTransaction(Message msg, LocalTransactionExecuter tranExecuter, Object arg)
        throws MQClientException;

    TransactionSendResult sendMessageInTransaction(Message msg, Object arg)
        throws MQClientException;

    SendResult send(Collection<Message> msgs)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException;

    SendResult send(Collection<Message> msgs, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException;

    SendResult send(Collection<Message> msgs, MessageQueue mq)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException;

    SendResult send(Collection<Message> msgs, MessageQueue mq, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException;

    void send(Collection<Message> msgs, SendCallback sendCallback)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException;

    void send(Collection<Message> msgs, SendCallback sendCallback, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException;

    void send(Collection<Message> msgs, MessageQueue mq, SendCallback sendCallback)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException;

    void send(Collection<Message> msgs, MessageQueue mq, SendCallback sendCallback, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException;

    Message request(Message msg, long timeout)
        throws RequestTimeoutException, MQClientException, RemotingException, MQBrokerException, InterruptedException;

    void request(Message msg, RequestCallback requestCallback, long timeout)
        throws MQClientException, RemotingException, InterruptedException, MQBrokerException;

    Message request(Message msg, MessageQueueSelector selector, Object arg, long timeout)
        throws RequestTimeoutException, MQClientException, RemotingException, MQBrokerException, InterruptedException;

    void request(Message msg, MessageQueueSelector selector, Object arg, RequestCallback requestCallback, long timeout)
        throws MQClientException, RemotingException, InterruptedException, MQBrokerException;

    Message request(Message msg, MessageQueue mq, long timeout)
        throws RequestTimeoutException, MQClientException, RemotingException, MQBrokerException, InterruptedException;

    void request(Message msg, MessageQueue mq, RequestCallback requestCallback, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException;
}
