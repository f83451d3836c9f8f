package org.mercurymq.client;

import org.mercurymq.client.exception.MQBrokerException;
import org.mercurymq.client.exception.MQClientException;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.exception.RemotingException;

/** Topic and queue administration every producer and consumer offers. */
public interface MQAdmin {
    /** Creates {@code newTopic} on every broker that holds {@code key} (normally TBW102). */
    void createTopic(final String key, final String newTopic, final int queueNum) throws MQClientException;

    void createTopic(String key, String newTopic, int queueNum, int topicSysFlag) throws MQClientException;

    /** The offset of the message stored closest to {@code timestamp} (ms). */
    long searchOffset(final MessageQueue mq, final long timestamp) throws MQClientException;

    long maxOffset(final MessageQueue mq) throws MQClientException;

    long minOffset(final MessageQueue mq) throws MQClientException;

    long earliestMsgStoreTime(final MessageQueue mq) throws MQClientException;

    /** Looks a message up by its broker offset id. */
    MessageExt viewMessage(final String offsetMsgId) throws RemotingException, MQBrokerException,
        InterruptedException, MQClientException;

    QueryResult queryMessage(final String topic, final String key, final int maxNum, final long begin,
        final long end) throws MQClientException, InterruptedException;

    /** Looks a message up by client id (UNIQ_KEY) or, failing that, by broker offset id. */
    MessageExt viewMessage(String topic, String msgId) throws RemotingException, MQBrokerException,
        InterruptedException, MQClientException;
}
