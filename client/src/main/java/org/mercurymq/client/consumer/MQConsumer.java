package org.mercurymq.client.consumer;

import java.util.Set;
import org.mercurymq.client.MQAdmin;
import org.mercurymq.client.exception.MQBrokerException;
import org.mercurymq.client.exception.MQClientException;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.exception.RemotingException;

/** What every consumer offers: send a message back for redelivery and list a topic's queues. */
public interface MQConsumer extends MQAdmin {
    @Deprecated
    void sendMessageBack(final MessageExt msg, final int delayLevel) throws RemotingException,
        MQBrokerException, InterruptedException, MQClientException;

    void sendMessageBack(final MessageExt msg, final int delayLevel, final String brokerName) throws RemotingException,
        MQBrokerException, InterruptedException, MQClientException;

    Set<MessageQueue> fetchSubscribeMessageQueues(final String topic) throws MQClientException;
}
