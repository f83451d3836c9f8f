package org.mercurymq.client.consumer.listener;

import org.mercurymq.common.message.MessageQueue;

/**
 * Per-call context of a concurrent listener: the queue, the delay level for redelivery (0 = broker
 * decides: 3 + reconsumeTimes, −1 = straight to the DLQ) and the ack index: with CONSUME_SUCCESS,
 * messages after {@code ackIndex} are redelivered as failed. Not thread-safe.
 */
public class ConsumeConcurrentlyContext {
    private final MessageQueue messageQueue;
    private int delayLevelWhenNextConsume = 0;
    private int ackIndex = Integer.MAX_VALUE;

    public ConsumeConcurrentlyContext(MessageQueue messageQueue) {
        this.messageQueue = messageQueue;
    }

    public int getDelayLevelWhenNextConsume() {
        return delayLevelWhenNextConsume;
    }

    public void setDelayLevelWhenNextConsume(int delayLevelWhenNextConsume) {
        this.delayLevelWhenNextConsume = delayLevelWhenNextConsume;
    }

    public MessageQueue getMessageQueue() {
        return messageQueue;
    }

    public int getAckIndex() {
        return ackIndex;
    }

    /** With CONSUME_SUCCESS, messages after this index are redelivered as if they had failed. */
    public void setAckIndex(int ackIndex) {
        this.ackIndex = ackIndex;
    }
}
