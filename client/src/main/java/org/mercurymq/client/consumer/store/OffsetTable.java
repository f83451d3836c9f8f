package org.mercurymq.client.consumer.store;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.mercurymq.common.message.MessageQueue;

/** The in-memory offsets both stores keep. Thread-safe. */
final class OffsetTable {
    private final ConcurrentMap<MessageQueue, AtomicLong> table = new ConcurrentHashMap<MessageQueue, AtomicLong>();

    void update(MessageQueue mq, long offset, boolean increaseOnly) {
        if (mq == null) {
            return;
        }
        AtomicLong old = table.get(mq);
        if (old == null) {
            old = table.putIfAbsent(mq, new AtomicLong(offset));
            if (old == null) {
                return;
            }
        }
        if (!increaseOnly) {
            old.set(offset);
            return;
        }
        long cur;
        do {
            cur = old.get();
            if (offset <= cur) {
                return;
            }
        } while (!old.compareAndSet(cur, offset));
    }

    /** The offset or −1. */
    long read(MessageQueue mq) {
        AtomicLong v = table.get(mq);
        return v == null ? -1 : v.get();
    }

    boolean contains(MessageQueue mq) {
        return table.containsKey(mq);
    }

    void remove(MessageQueue mq) {
        table.remove(mq);
    }

    ConcurrentMap<MessageQueue, AtomicLong> entries() {
        return table;
    }

    Map<MessageQueue, Long> copy(String topic) {
        Map<MessageQueue, Long> out = new HashMap<MessageQueue, Long>();
        for (Map.Entry<MessageQueue, AtomicLong> e : table.entrySet()) {
            if (topic == null || topic.isEmpty() || topic.equals(e.getKey().getTopic())) {
                out.put(e.getKey(), e.getValue().get());
            }
        }
        return out;
    }
}
