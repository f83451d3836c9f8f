package org.mercurymq.store.ha.epoch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Expand, shrink after haMaxTimeSlaveNotCatchup, union while a change is in flight, allAck counting. */
class SyncStateSetTrackerTest {
    private final AtomicLong now = new AtomicLong(10_000);

    @Test
    void aCaughtUpSlaveJoinsAndALaggingOneLeaves() {
        SyncStateSetTracker t = new SyncStateSetTracker(1, Set.of(1L), 0, now::get, 15_000);
        t.onAck(2, 500, 800);
        assertNull(t.proposal(), "behind the master: not caught up");
        t.onAck(2, 800, 800);
        assertEquals(Set.of(1L, 2L), t.proposal());
        t.onDecided(Set.of(1L, 2L));
        assertNull(t.proposal(), "no change");
        now.addAndGet(15_000);
        t.onAck(2, 900, 5000);
        assertNull(t.proposal(), "exactly at the limit it still counts");
        now.addAndGet(1);
        assertEquals(Set.of(1L), t.proposal(), "not caught up for longer than the limit");
    }

    @Test
    void aDisconnectedMemberLeaves() {
        SyncStateSetTracker t = new SyncStateSetTracker(1, Set.of(1L, 2L), 0, now::get, 15_000);
        t.onAck(2, 100, 100);
        assertNull(t.proposal());
        t.onDisconnect(2);
        assertEquals(Set.of(1L), t.proposal());
    }

    @Test
    void ackingBeforeTheEpochStartIsNotCaughtUp() {
        SyncStateSetTracker t = new SyncStateSetTracker(1, Set.of(1L), 1000, now::get, 15_000);
        t.onAck(2, 900, 900);
        assertNull(t.proposal());
    }

    @Test
    void allAckCountsTheUnionWhileAnExpandIsInFlight() {
        SyncStateSetTracker t = new SyncStateSetTracker(1, Set.of(1L), 0, now::get, 15_000);
        assertTrue(t.ackedByAll(100), "a set of one: the master alone");
        t.onAck(2, 100, 100);
        assertEquals(Set.of(1L, 2L), t.proposal());
        assertFalse(t.ackedByAll(200), "slave 2 is proposed and has not acked 200");
        t.onAck(2, 200, 300);
        assertTrue(t.ackedByAll(200));
        t.onDecided(Set.of(1L));
        assertTrue(t.ackedByAll(10_000), "refused: back to the master alone");
    }
}
