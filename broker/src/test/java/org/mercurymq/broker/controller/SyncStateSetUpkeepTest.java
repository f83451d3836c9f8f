package org.mercurymq.broker.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.mercurymq.store.ha.epoch.SyncStateSetTracker;

/**
 * The master's SyncStateSet rounds with a real tracker and a scripted controller: an expand is proposed at once, a
 * shrink only once per checkSyncStateSetPeriod, and the set the controller holds always wins.
 */
class SyncStateSetUpkeepTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final SyncStateSetTracker tracker = new SyncStateSetTracker(1, Set.of(1L), 0, now::get, 15_000);
    private final List<Set<Long>> proposals = new ArrayList<>();
    private final AtomicReference<ReplicaState> held =
        new AtomicReference<>(new ReplicaState(1, "m:1", 1, Set.of(1L), 1));
    private int decidedCalls;

    private SyncStateSetUpkeep upkeep(int answer) {
        return new SyncStateSetUpkeep(() -> tracker, () -> decidedCalls++, p -> {
            proposals.add(p);
            if (answer == 0) {
                held.set(new ReplicaState(1, "m:1", 1, p, held.get().syncStateSetEpoch() + 1));
            }
            return answer;
        }, held::get, now::get, 5_000);
    }

    @Test
    void expandAtOnceShrinkOncePerPeriod() {
        SyncStateSetUpkeep u = upkeep(0);
        tracker.onAck(2, 500, 500);
        u.checkOnce();
        assertEquals(List.of(Set.of(1L, 2L)), proposals);
        assertEquals(Set.of(1L, 2L), tracker.current());
        assertTrue(decidedCalls > 0);

        tracker.onDisconnect(2);
        now.addAndGet(1_000);
        u.checkOnce();
        assertEquals(Set.of(1L), proposals.get(proposals.size() - 1), "first shrink check");
        assertEquals(Set.of(1L), tracker.current());

        tracker.onAck(2, 900, 900);
        u.checkOnce();
        assertEquals(Set.of(1L, 2L), tracker.current(), "expand again at once");
        tracker.onDisconnect(2);
        now.addAndGet(1_000);
        int before = proposals.size();
        u.checkOnce();
        assertEquals(before, proposals.size(), "a second shrink within checkSyncStateSetPeriod waits");
        assertEquals(Set.of(1L, 2L), tracker.current());
        now.addAndGet(5_000);
        u.checkOnce();
        assertEquals(Set.of(1L), tracker.current());
    }

    @Test
    void aRefusedProposalLeavesTheControllersSet() {
        SyncStateSetUpkeep u = upkeep(2001);
        tracker.onAck(2, 500, 500);
        u.checkOnce();
        assertEquals(1, proposals.size());
        assertEquals(Set.of(1L), tracker.current(), "refused: the controller's set stays");
        assertFalse(tracker.ackedByAll(600) && tracker.current().contains(2L));
        held.set(new ReplicaState(1, "m:1", 1, Set.of(1L, 2L), 5));
        u.checkOnce();
        assertEquals(Set.of(1L, 2L), tracker.current(), "the set the controller holds is adopted");
    }
}
