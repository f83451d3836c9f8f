package org.mercurymq.client.consumer;

import java.util.List;
import org.mercurymq.common.message.MessageQueue;

/** Decides which queues of a topic one member of a consumer group consumes. Implementations are stateless. */
public interface AllocateMessageQueueStrategy {
    /**
     * @param consumerGroup the group
     * @param currentCID this client's id
     * @param mqAll every queue of the topic, sorted
     * @param cidAll every client id of the group, sorted
     * @return the queues of {@code currentCID}
     */
    List<MessageQueue> allocate(final String consumerGroup, final String currentCID, final List<MessageQueue> mqAll,
        final List<String> cidAll);

    String getName();
}
