package org.mercurymq.client.producer.selector;

import java.util.List;
import org.mercurymq.client.producer.MessageQueueSelector;
import org.mercurymq.common.message.Message;
import org.mercurymq.common.message.MessageQueue;

/** Picks {@code mqs[abs(arg.hashCode()) % size]}: the same key always lands on the same queue. Stateless. */
public class SelectMessageQueueByHash implements MessageQueueSelector {
    @Override
    public MessageQueue select(List<MessageQueue> mqs, Message msg, Object arg) {
        int value = arg.hashCode() % mqs.size();
        if (value < 0) {
            value = Math.abs(value);
        }
        return mqs.get(value);
    }
}
