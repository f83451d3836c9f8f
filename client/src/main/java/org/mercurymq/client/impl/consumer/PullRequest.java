package org.mercurymq.client.impl.consumer;

import org.mercurymq.common.message.MessageQueue;

/**
 * The next pull of one assigned queue: where to continue and the queue's local state. Exactly one
 * exists per assigned queue; it travels between the pull thread and pull callbacks (one at a time), so
 * the offset field is volatile. Thread-safe for that hand-over.
 */
public class PullRequest {
    private final String consumerGroup;
    private final MessageQueue messageQueue;
    private final ProcessQueue processQueue;
    private volatile long nextOffset;
    private volatile boolean previouslyLocked = false;

    public PullRequest(String consumerGroup, MessageQueue messageQueue, ProcessQueue processQueue, long nextOffset) {
        this.consumerGroup = consumerGroup;
        this.messageQueue = messageQueue;
        this.processQueue = processQueue;
        this.nextOffset = nextOffset;
    }

    public String getConsumerGroup() {
        return consumerGroup;
    }

    public MessageQueue getMessageQueue() {
        return messageQueue;
    }

    public ProcessQueue getProcessQueue() {
        return processQueue;
    }

    public long getNextOffset() {
        return nextOffset;
    }

    public void setNextOffset(long nextOffset) {
        this.nextOffset = nextOffset;
    }

    public boolean isPreviouslyLocked() {
        return previouslyLocked;
    }

    public void setPreviouslyLocked(boolean previouslyLocked) {
        this.previouslyLocked = previouslyLocked;
    }

    @Override
    public String toString() {
        return "PullRequest [consumerGroup=" + consumerGroup + ", messageQueue=" + messageQueue + ", nextOffset=" + nextOffset + "]";
    }
}
