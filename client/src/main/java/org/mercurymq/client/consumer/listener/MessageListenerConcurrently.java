package org.mercurymq.client.consumer.listener;

import java.util.List;
import org.mercurymq.common.message.MessageExt;

/** Consumes messages on many threads at once, in no particular order. */
public interface MessageListenerConcurrently extends MessageListener {
    /**
     * @return CONSUME_SUCCESS, or RECONSUME_LATER to have the messages (from {@code context.ackIndex + 1} on)
     *     redelivered later; throwing counts as RECONSUME_LATER
     */
    ConsumeConcurrentlyStatus consumeMessage(final List<MessageExt> msgs, final ConsumeConcurrentlyContext context);
}
