package org.mercurymq.client.consumer;

import org.mercurymq.common.message.MessageQueue;

/**
 * The application's pull step for one queue, called again and again by {@link MQPullConsumerScheduleService}:
 * pull from the queue with {@code context.getPullConsumer()}, process, store the offset, and set the delay before
 * the next call with {@code context.setPullNextDelayTimeMillis}.
 */
public interface PullTaskCallback {
    void doPullTask(final MessageQueue mq, final PullTaskContext context);
}
