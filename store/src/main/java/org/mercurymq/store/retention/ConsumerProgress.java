package org.mercurymq.store.retention;

import java.util.Map;

/**
 * How far consumer groups have consumed, as the broker knows it from its committed offsets. The store
 * knows no groups; forced cleanup asks this to tell which groups lost unconsumed messages. Implementations
 * must be thread-safe.
 */
@FunctionalInterface
public interface ConsumerProgress {
    /**
     * A snapshot of all committed offsets: topic to group to queueId to the next queue offset the group
     * will consume.
     */
    Map<String, Map<String, Map<Integer, Long>>> committedOffsets();

    /** No groups known (a store without a broker). */
    ConsumerProgress NONE = Map::of;
}
