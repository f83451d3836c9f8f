package org.mercurymq.broker.longpolling;

/**
 * How long a pull may be parked: what the client asked for ({@code suspendTimeoutMillis}), never less
 * than zero and never more than the broker's {@code longPollingMaxSuspendMillis} (docs/reliability.md,
 * "Hostile input"). A shorter hold is harmless: the client gets PULL_NOT_FOUND and pulls again.
 * Stateless.
 */
public final class PullHoldTime {
    private PullHoldTime() {
    }

    /** @param requested the client's suspendTimeoutMillis, null when absent */
    public static long clamp(Long requested, long max) {
        if (requested == null || requested <= 0) {
            return 0;
        }
        return Math.min(requested, max);
    }
}
