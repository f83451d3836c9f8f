package org.mercurymq.client.latency;

import java.util.List;
import org.mercurymq.client.common.ThreadLocalIndex;
import org.mercurymq.common.message.MessageQueue;

/**
 * What {@link MQFaultStrategy} needs of a topic's publish list: the queues, the rotating send index and the plain
 * round-robin picks. The producer engine's TopicPublishInfo implements it, so this package does not depend on the
 * engine (layers: docs/client.md).
 */
public interface PublishQueues {
    List<MessageQueue> getMessageQueueList();

    ThreadLocalIndex getSendWhichQueue();

    /** The next queue, avoiding {@code lastBrokerName} (the broker of a failed attempt) when another exists. */
    MessageQueue selectOneMessageQueue(String lastBrokerName);

    MessageQueue selectOneMessageQueue();
}
