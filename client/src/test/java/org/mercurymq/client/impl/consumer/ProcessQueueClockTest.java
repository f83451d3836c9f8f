package org.mercurymq.client.impl.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mercurymq.client.MutableClock;
import org.mercurymq.common.message.MessageExt;

/** Lock, pull and consume-timeout expiry follow the queue's injected clock: tests move it instead of waiting. */
class ProcessQueueClockTest {
    private final MutableClock clock = new MutableClock(1_000_000_000L);
    private final ProcessQueue pq = new ProcessQueue(clock);

    private static List<MessageExt> msgs(int n) {
        List<MessageExt> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            MessageExt m = new MessageExt();
            m.setTopic("T");
            m.setQueueOffset(i);
            m.setBody(new byte[1]);
            out.add(m);
        }
        return out;
    }

    @Test
    void lockExpiresWhenTheClockPassesItsMaxLiveTime() {
        pq.setLastLockTimestamp(clock.millis());
        clock.advance(ProcessQueue.REBALANCE_LOCK_MAX_LIVE_TIME);
        assertFalse(pq.isLockExpired());
        clock.advance(1);
        assertTrue(pq.isLockExpired());
    }

    @Test
    void pullExpiresAfterTwoMinutesOnTheClockAndAPullRenewsIt() {
        clock.advance(120_000);
        assertFalse(pq.isPullExpired());
        clock.advance(1);
        assertTrue(pq.isPullExpired());
        pq.setLastPullTimestamp(pq.now());
        assertFalse(pq.isPullExpired());
    }

    @Test
    void consumeTimeoutSendsBackMessagesStuckLongerThanConsumeTimeoutOnTheClock() {
        List<MessageExt> batch = msgs(3);
        pq.putMessage(batch);
        ProcessQueue.markConsumeStart(batch.subList(0, 2), pq.now());
        clock.advance(10 * 60 * 1000);
        ProcessQueue.markConsumeStart(batch.subList(2, 3), pq.now());
        List<Long> sentBack = new ArrayList<>();
        clock.advance(5 * 60 * 1000);
        assertEquals(0, pq.cleanExpiredMsg(15, m -> sentBack.add(m.getQueueOffset())), "exactly 15 minutes is not over");

        clock.advance(1);
        assertEquals(2, pq.cleanExpiredMsg(15, m -> sentBack.add(m.getQueueOffset())));
        assertEquals(Arrays.asList(0L, 1L), sentBack);
        assertEquals(1, pq.getMsgCount().get());
    }
}
