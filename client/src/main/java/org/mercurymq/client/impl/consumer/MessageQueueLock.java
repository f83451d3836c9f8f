package org.mercurymq.client.impl.consumer;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.mercurymq.common.message.MessageQueue;

/** One monitor object per queue, so only one thread consumes a queue in order at a time. Thread-safe. */
public class MessageQueueLock {
    private final ConcurrentMap<MessageQueue, Object> mqLockTable = new ConcurrentHashMap<MessageQueue, Object>();

    public Object fetchLockObject(final MessageQueue mq) {
        Object lock = mqLockTable.get(mq);
        if (lock == null) {
            lock = new Object();
            Object prev = mqLockTable.putIfAbsent(mq, lock);
            if (prev != null) {
                lock = prev;
            }
        }
        return lock;
    }
}
