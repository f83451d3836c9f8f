package org.mercurymq.client.consumer.listener;

import java.util.List;
import org.mercurymq.common.message.MessageExt;

/** Consumes each queue's messages one batch at a time, in queue order, holding the queue's lock. */
public interface MessageListenerOrderly extends MessageListener {
    /** @return SUCCESS, or SUSPEND_CURRENT_QUEUE_A_MOMENT to retry the same messages after a pause */
    ConsumeOrderlyStatus consumeMessage(final List<MessageExt> msgs, final ConsumeOrderlyContext context);
}
