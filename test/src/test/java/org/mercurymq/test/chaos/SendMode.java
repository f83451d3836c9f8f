package org.mercurymq.test.chaos;

/** How a producer thread sends. */
public enum SendMode {
    SYNC,
    ASYNC,
    /** {@code send(Collection<Message>)}: one request, one outcome for every key in it. */
    BATCH,
    /** Synchronous, one sharding key per message, the queue chosen by a MessageQueueSelector. */
    ORDERED
}
