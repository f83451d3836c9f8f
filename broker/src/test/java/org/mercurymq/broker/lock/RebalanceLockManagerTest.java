package org.mercurymq.broker.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mercurymq.broker.ManualClock;
import org.mercurymq.common.message.MessageQueue;

class RebalanceLockManagerTest {
    private static final MessageQueue Q0 = new MessageQueue("T", "b", 0);
    private static final MessageQueue Q1 = new MessageQueue("T", "b", 1);

    private final ManualClock clock = new ManualClock(1000);
    private final RebalanceLockManager locks = new RebalanceLockManager(clock, 60_000);

    @Test
    void aQueueIsHeldByOneClientUntilReleasedOrExpired() {
        assertEquals(Set.of(Q0, Q1), locks.tryLockBatch("G", Set.of(Q0, Q1), "c1"));
        assertEquals(Set.of(), locks.tryLockBatch("G", Set.of(Q0, Q1), "c2"), "held by c1");
        assertEquals(Set.of(Q0), locks.tryLockBatch("OtherGroup", Set.of(Q0), "c2"), "groups are independent");

        clock.advance(59_000);
        assertEquals(Set.of(Q0), locks.tryLockBatch("G", Set.of(Q0), "c1"), "c1 refreshes Q0");
        clock.advance(2_000);
        assertEquals(Set.of(Q1), locks.tryLockBatch("G", Set.of(Q0, Q1), "c2"), "Q1 expired after 60 s, Q0 was refreshed");
        assertTrue(locks.isLocked("G", Q0, "c1"));
        assertFalse(locks.isLocked("G", Q1, "c1"));

        locks.unlockBatch("G", Set.of(Q0, Q1), "c2");
        assertTrue(locks.isLocked("G", Q0, "c1"), "c2 cannot release c1's lock");
        assertFalse(locks.isLocked("G", Q1, "c2"));
        locks.unlockBatch("G", Set.of(Q0), "c1");
        assertEquals(Set.of(Q0), locks.tryLockBatch("G", Set.of(Q0), "c2"));
    }
}
