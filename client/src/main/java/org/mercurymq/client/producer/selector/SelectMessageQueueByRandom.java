package org.mercurymq.client.producer.selector;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.mercurymq.client.producer.MessageQueueSelector;
import org.mercurymq.common.message.Message;
import org.mercurymq.common.message.MessageQueue;

/** Picks a random queue; ignores {@code arg}. Thread-safe. */
public class SelectMessageQueueByRandom implements MessageQueueSelector {
    @Override
    public MessageQueue select(List<MessageQueue> mqs, Message msg, Object arg) {
        return mqs.get(ThreadLocalRandom.current().nextInt(mqs.size()));
    }
}
