package org.mercurymq.client.producer;

import java.util.List;
import org.mercurymq.common.message.Message;
import org.mercurymq.common.message.MessageQueue;

/** Chooses the queue of a send from the topic's publish list, e.g. by an order key in {@code arg}. */
public interface MessageQueueSelector {
    MessageQueue select(final List<MessageQueue> mqs, final Message msg, final Object arg);
}
