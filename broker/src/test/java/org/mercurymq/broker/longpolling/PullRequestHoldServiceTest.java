package org.mercurymq.broker.longpolling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.mercurymq.broker.FakeChannel;
import org.mercurymq.broker.ManualClock;
import org.mercurymq.broker.filter.TagMessageFilter;
import org.mercurymq.common.filter.FilterAPI;
import org.mercurymq.remoting.protocol.RemotingCommand;

/** Hold, wake on arrival, wake on the periodic check, expire — driven by hand, without the service thread. */
class PullRequestHoldServiceTest {
    private final ManualClock clock = new ManualClock(0);
    private final AtomicLong maxOffset = new AtomicLong(5);
    private final List<PullRequest> woken = new CopyOnWriteArrayList<>();
    private final PullRequestHoldService hold = new PullRequestHoldService((t, q) -> maxOffset.get(), woken::add, clock,
        () -> 5000L, new HeldPullBudget(() -> 100, () -> 100), org.mercurymq.store.ServiceThread.LOG_ONLY);

    private PullRequest park(String expression) {
        PullRequest r = new PullRequest(RemotingCommand.createRequestCommand(11, null), new FakeChannel("c:1"), 15_000,
            clock.getAsLong(), 5, new TagMessageFilter(FilterAPI.buildSubscriptionData("T", expression)));
        hold.suspendPullRequest("T", 0, r);
        return r;
    }

    @Test
    void aMatchingArrivalWakesThePull() {
        PullRequest r = park("TagA");
        hold.arriving("T", 1, 6, "TagA".hashCode(), 0, null, null);
        assertTrue(woken.isEmpty(), "another queue");
        maxOffset.set(6);
        hold.arriving("T", 0, 6, "TagB".hashCode(), 0, null, null);
        assertTrue(woken.isEmpty(), "the new message does not pass the tag filter");
        hold.arriving("T", 0, 7, "TagA".hashCode(), 0, null, null);
        assertEquals(List.of(r), woken);
        assertEquals(0, hold.parkedCount());
    }

    @Test
    void thePeriodicCheckWakesAGrownQueue() {
        PullRequest r = park("TagA");
        hold.checkHoldRequest();
        assertTrue(woken.isEmpty(), "nothing new");
        maxOffset.set(8);
        hold.checkHoldRequest();
        assertEquals(List.of(r), woken, "the check does not filter: the re-executed pull does");
    }

    @Test
    void aPullIsAnsweredWhenItsHoldTimeIsOver() {
        PullRequest r = park("*");
        clock.advance(14_999);
        hold.checkHoldRequest();
        assertTrue(woken.isEmpty());
        clock.advance(1);
        hold.checkHoldRequest();
        assertEquals(List.of(r), woken);
    }

    @Test
    void shutdownAnswersEveryParkedPull() {
        park("*");
        park("TagA");
        hold.wakeAll();
        assertEquals(2, woken.size());
        assertEquals(0, hold.parkedCount());
    }

    @Test
    void anErrorInTheHoldThreadReachesTheBrokerFaultHandler() {
        List<String> deaths = new CopyOnWriteArrayList<>();
        List<Integer> exits = new CopyOnWriteArrayList<>();
        org.mercurymq.broker.BrokerFaults faults = new org.mercurymq.broker.BrokerFaults(exits::add);
        PullRequestHoldService dying = new PullRequestHoldService((t, q) -> {
            throw new OutOfMemoryError("simulated");
        }, woken::add, clock, () -> 1L, new HeldPullBudget(() -> 100, () -> 100), (name, cause) -> {
            deaths.add(name);
            faults.serviceDied(name, cause);
        });
        dying.suspendPullRequest("T", 0, new PullRequest(RemotingCommand.createRequestCommand(11, null),
            new FakeChannel("c:1"), 15_000, clock.getAsLong(), 5, null));
        dying.start();
        try {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> exits.size() == 1);
            assertEquals(List.of("PullRequestHoldService"), deaths);
            assertEquals(List.of(org.mercurymq.broker.BrokerFaults.EXIT_STATUS), exits,
                "a dead long-polling thread makes the broker exit so that it is restarted");
        } finally {
            dying.shutdown();
        }
    }
}
