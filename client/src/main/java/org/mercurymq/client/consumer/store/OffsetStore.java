package org.mercurymq.client.consumer.store;

import java.util.Map;
import java.util.Set;
import org.mercurymq.client.exception.MQBrokerException;
import org.mercurymq.client.exception.MQClientException;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.exception.RemotingException;

/** A consumer group's consume offsets: an in-memory table persisted to the broker or to a local file. */
public interface OffsetStore {
    void load() throws MQClientException;

    /** Sets the next offset to consume; with {@code increaseOnly} a lower value is ignored. */
    void updateOffset(final MessageQueue mq, final long offset, final boolean increaseOnly);

    /** The stored offset, −1 when none, −2 when the store could not be asked. */
    long readOffset(final MessageQueue mq, final ReadOffsetType type);

    /** Persists the offsets of {@code mqs} (and forgets the others). */
    void persistAll(final Set<MessageQueue> mqs);

    void persist(final MessageQueue mq);

    void removeOffset(MessageQueue mq);

    /** The offsets of one topic (all topics when {@code topic} is null or empty). */
    Map<MessageQueue, Long> cloneOffsetTable(String topic);

    void updateConsumeOffsetToBroker(MessageQueue mq, long offset, boolean isOneway) throws RemotingException,
        MQBrokerException, InterruptedException, MQClientException;
}
