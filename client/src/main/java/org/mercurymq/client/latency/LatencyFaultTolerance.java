package org.mercurymq.client.latency;

/** Remembers which targets (broker names) were slow or failing and until when to avoid them. */
public interface LatencyFaultTolerance<T> {
    /** Records a call's latency; the target is avoided for {@code notAvailableDuration} ms from now. */
    void updateFaultItem(final T name, final long currentLatency, final long notAvailableDuration);

    boolean isAvailable(final T name);

    void remove(final T name);

    /** One of the better targets when none is available: among the best half, chosen round-robin; null if none recorded. */
    T pickOneAtLeast();
}
