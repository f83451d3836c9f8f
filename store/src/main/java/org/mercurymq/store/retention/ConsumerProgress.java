package org.mercurymq.store.retention;

import java.util.Map;

/**
 * How far consumer groups have consumed, as the broker knows it from its committed offsets. The store
 * knows no groups; forced cleanup asks this to tell which groups lost unconsumed messages. Implementations
 * must be thread-safe and cheap enough to call once per topic.
 */
@FunctionalInterface
public interface ConsumerProgress {
    /** For every group with committed offsets on {@code topic}: queueId to the next queue offset it will consume. */
    Map<String, Map<Integer, Long>> committedOffsets(String topic);

    /** No groups known (a store without a broker). */
    ConsumerProgress NONE = topic -> Map.of();
}
