package org.mercurymq.client.common;

import java.util.Random;

/**
 * A per-thread round-robin counter that starts at a random value (docs/protocol/behaviour.md §4), so threads
 * sending concurrently spread over queues without sharing a counter. Thread-safe.
 */
public class ThreadLocalIndex {
    private static final int POSITIVE_MASK = 0x7FFFFFFF;

    private final ThreadLocal<Integer> index = new ThreadLocal<Integer>();
    private final Random random = new Random();

    /** The next non-negative value for the calling thread. */
    public int incrementAndGet() {
        Integer current = index.get();
        int next = current == null ? random.nextInt() : current + 1;
        index.set(next);
        return next & POSITIVE_MASK;
    }

    @Override
    public String toString() {
        return "ThreadLocalIndex{index=" + index.get() + "}";
    }
}
