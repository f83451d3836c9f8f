package org.mercurymq.controller.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Liveness by heartbeat, and by the heartbeat connection: a closed connection is a dead broker at once. */
class BrokerLiveTrackerTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final BrokerLiveTracker tracker = new BrokerLiveTracker(now::get);

    @Test
    void aClosedHeartbeatConnectionMakesItsBrokerDeadAtOnce() {
        tracker.onHeartbeat("c", "g", 1, "10.0.0.1:10911", 10_000, 1, 100, 100, 0, "10.0.0.1:50001");
        tracker.onHeartbeat("c", "g", 2, "10.0.0.2:10911", 10_000, 1, 100, 100, 0, "10.0.0.2:50002");
        now.addAndGet(1_000);
        tracker.onChannelClosed("10.0.0.9:1");
        assertTrue(tracker.isAlive("g", 1) && tracker.isAlive("g", 2), "another connection closing changes nothing");
        tracker.onChannelClosed("10.0.0.1:50001");
        assertFalse(tracker.isAlive("g", 1), "dead without waiting 10 s");
        assertTrue(tracker.isAlive("g", 2));
        assertEquals(1, tracker.removeExpired().size());
        tracker.onHeartbeat("c", "g", 1, "10.0.0.1:10911", 10_000, 1, 100, 100, 0, "10.0.0.1:50003");
        assertTrue(tracker.isAlive("g", 1), "a new heartbeat makes it alive again");
    }

    @Test
    void withoutAConnectionOnlyTheTimeoutCounts() {
        tracker.onHeartbeat("c", "g", 1, "a", 3_000, 0, 0, 0, 0);
        now.addAndGet(3_000);
        assertTrue(tracker.isAlive("g", 1));
        now.addAndGet(1);
        assertFalse(tracker.isAlive("g", 1));
    }
}
