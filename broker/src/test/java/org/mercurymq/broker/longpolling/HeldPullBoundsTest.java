package org.mercurymq.broker.longpolling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.mercurymq.broker.FakeChannel;
import org.mercurymq.broker.ManualClock;
import org.mercurymq.remoting.protocol.RemotingCommand;

/** The caps of {@link HeldPullBudget}, the clamp of {@link PullHoldTime} and dropping a closed connection's pulls. */
class HeldPullBoundsTest {
    private final ManualClock clock = new ManualClock(0);
    private final List<PullRequest> woken = new CopyOnWriteArrayList<>();
    private final HeldPullBudget budget = new HeldPullBudget(() -> 3, () -> 5);
    private final PullRequestHoldService hold = new PullRequestHoldService((t, q) -> 0L, woken::add, clock, () -> 5000L, budget,
        org.mercurymq.store.ServiceThread.LOG_ONLY);

    private boolean park(FakeChannel ch, int queueId) {
        return hold.suspendPullRequest("T", queueId, new PullRequest(RemotingCommand.createRequestCommand(11, null), ch,
            15_000, clock.getAsLong(), 0, null));
    }

    @Test
    void capsPerConnectionAndInTotal() {
        FakeChannel a = new FakeChannel("a:1");
        FakeChannel b = new FakeChannel("b:1");
        assertTrue(park(a, 0) && park(a, 1) && park(a, 2));
        assertFalse(park(a, 3), "a holds its 3");
        assertTrue(park(b, 0) && park(b, 1));
        assertFalse(park(b, 2), "5 in total");
        assertEquals(5, hold.parkedCount());
        assertEquals(5, budget.total());
        clock.advance(15_000);
        hold.checkHoldRequest();
        assertEquals(5, woken.size(), "expired pulls are answered");
        assertEquals(0, budget.total(), "and give their slots back");
        assertTrue(park(b, 2));
    }

    @Test
    void aClosedConnectionsPullsAreDroppedWithoutAnAnswer() {
        FakeChannel a = new FakeChannel("a:1");
        FakeChannel b = new FakeChannel("b:1");
        park(a, 0);
        park(a, 1);
        park(b, 0);
        a.close();
        hold.dropChannel(a);
        assertEquals(1, hold.parkedCount());
        assertEquals(0, budget.held(a));
        assertTrue(woken.isEmpty());
        assertFalse(park(a, 0), "a closed connection parks nothing");
    }

    @Test
    void thePeriodicCheckSweepsClosedConnectionsWhoseEventWasMissed() {
        FakeChannel a = new FakeChannel("a:1");
        park(a, 0);
        a.close();
        hold.checkHoldRequest();
        assertEquals(0, hold.parkedCount());
        assertEquals(0, budget.total());
        assertTrue(woken.isEmpty());
    }

    @Test
    void theHoldTimeIsClamped() {
        assertEquals(30_000, PullHoldTime.clamp(Long.MAX_VALUE, 30_000));
        assertEquals(15_000, PullHoldTime.clamp(15_000L, 30_000));
        assertEquals(0, PullHoldTime.clamp(-5L, 30_000));
        assertEquals(0, PullHoldTime.clamp(null, 30_000));
    }
}
