package org.mercurymq.test.chaos;

/**
 * A fault injected into (or lifted from) a node, at the time the nemesis acted. {@code kind} is free text so
 * new fault types (a partition, a disk error) need no change here; {@link #injected} tells a fault from its
 * healing. Immutable.
 */
public final class FaultEvent {
    public final String kind;
    public final String node;
    public final boolean injected;
    public final long timeMillis;

    public FaultEvent(String kind, String node, boolean injected, long timeMillis) {
        this.kind = kind;
        this.node = node;
        this.injected = injected;
        this.timeMillis = timeMillis;
    }

    @Override
    public String toString() {
        return (injected ? "fault " : "heal ") + kind + " " + node + " at " + timeMillis;
    }
}
