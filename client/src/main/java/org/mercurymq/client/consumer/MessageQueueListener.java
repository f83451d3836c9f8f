package org.mercurymq.client.consumer;

import java.util.Set;
import org.mercurymq.common.message.MessageQueue;

/** Told when a rebalance changes the queues this client holds for a topic. */
public interface MessageQueueListener {
    void messageQueueChanged(final String topic, final Set<MessageQueue> mqAll, final Set<MessageQueue> mqDivided);
}
