package org.mercurymq.client.consumer;

import java.util.Set;
import org.mercurymq.common.message.MessageQueue;

/** Told when a topic's set of queues changes (lite pull consumer). */
public interface TopicMessageQueueChangeListener {
    void onChanged(String topic, Set<MessageQueue> messageQueues);
}
