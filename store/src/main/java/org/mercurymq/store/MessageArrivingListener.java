package org.mercurymq.store;

import java.util.Map;

/**
 * Told by the dispatcher each time a consume-queue entry is written, so the broker can wake long-polling
 * pulls. Called on the dispatcher thread: implementations must be quick and thread-safe.
 */
public interface MessageArrivingListener {
    /** {@code logicOffset} is the queue's new max offset (the written entry's offset + 1). */
    void arriving(String topic, int queueId, long logicOffset, long tagsCode, long msgStoreTime,
                  byte[] filterBitMap, Map<String, String> properties);
}
