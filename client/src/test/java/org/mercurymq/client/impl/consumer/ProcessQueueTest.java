package org.mercurymq.client.impl.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mercurymq.common.message.MessageExt;

class ProcessQueueTest {
    private static List<MessageExt> msgs(long from, int n, int bodySize) {
        List<MessageExt> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            MessageExt m = new MessageExt();
            m.setTopic("T");
            m.setQueueOffset(from + i);
            m.setBody(new byte[bodySize]);
            out.add(m);
        }
        return out;
    }

    @Test
    void countsAndSizesFollowPutAndRemove() {
        ProcessQueue pq = new ProcessQueue();
        List<MessageExt> batch = msgs(100, 10, 1000);
        pq.putMessage(batch);
        pq.putMessage(batch.subList(0, 3));
        assertEquals(10, pq.getMsgCount().get(), "duplicates by offset are ignored");
        assertEquals(10_000, pq.getMsgSize().get());
        assertEquals(9, pq.getMaxSpan());
        assertEquals(100, pq.removeMessage(batch.subList(5, 10)), "lowest cached offset is the commit point");
        assertEquals(5, pq.getMsgCount().get());
        assertEquals(110, pq.removeMessage(batch.subList(0, 5)), "all consumed: one past the highest");
        assertEquals(0, pq.getMsgSize().get());
        assertEquals(-1, new ProcessQueue().removeMessage(batch), "nothing cached");
    }

    @Test
    void flowControlStopsAtCountSizeAndSpan() {
        ProcessQueue pq = new ProcessQueue();
        pq.putMessage(msgs(0, 1001, 10));
        String why = PullFlowControl.check(pq, 1000, 100, false, 2000);
        assertTrue(why != null && why.contains("pullThresholdForQueue 1000"), why);
        assertNull(PullFlowControl.check(pq, 2000, 100, false, 2000));

        ProcessQueue big = new ProcessQueue();
        big.putMessage(msgs(0, 3, 1024 * 1024));
        String size = PullFlowControl.check(big, 1000, 2, false, 2000);
        assertTrue(size != null && size.contains("3 MiB"), size);

        ProcessQueue wide = new ProcessQueue();
        List<MessageExt> spread = new ArrayList<>(msgs(0, 1, 1));
        spread.addAll(msgs(2500, 1, 1));
        wide.putMessage(spread);
        String span = PullFlowControl.check(wide, 1000, 100, false, 2000);
        assertTrue(span != null && span.contains("span 2500"), span);
        assertNull(PullFlowControl.check(wide, 1000, 100, true, 2000), "orderly ignores the span");
    }

    @Test
    void orderlyTakeCommitAndRetry() {
        ProcessQueue pq = new ProcessQueue();
        assertTrue(pq.putMessage(msgs(0, 5, 1)), "first put starts a consume task");
        assertFalse(pq.putMessage(msgs(5, 1, 1)), "a task is already running");
        List<MessageExt> first = pq.takeMessages(2);
        assertEquals(Arrays.asList(0L, 1L), Arrays.asList(first.get(0).getQueueOffset(), first.get(1).getQueueOffset()));
        pq.makeMessageToConsumeAgain(first);
        List<MessageExt> again = pq.takeMessages(2);
        assertEquals(0L, again.get(0).getQueueOffset(), "retried in the same order");
        assertEquals(2, pq.commit(), "commit offset is one past the batch");
        assertEquals(4, pq.getMsgCount().get());
        pq.takeMessages(3);
        pq.rollback();
        assertEquals(2, pq.takeMessages(1).get(0).getQueueOffset(), "rollback puts the batch back");
        assertEquals(3, pq.commit());
        pq.takeMessages(10);
        assertEquals(6, pq.commit());
        assertTrue(pq.takeMessages(1).isEmpty());
        assertFalse(pq.isConsuming(), "empty queue ends the consume task");
        assertEquals(-1, pq.commit());
    }

    @Test
    void locksAndPullsExpire() {
        ProcessQueue pq = new ProcessQueue();
        assertFalse(pq.isLockExpired());
        pq.setLastLockTimestamp(System.currentTimeMillis() - ProcessQueue.REBALANCE_LOCK_MAX_LIVE_TIME - 1);
        assertTrue(pq.isLockExpired());
        assertFalse(pq.isPullExpired());
        pq.setLastPullTimestamp(System.currentTimeMillis() - 121_000);
        assertTrue(pq.isPullExpired());
    }

    @Test
    void messagesConsumedTooLongAreSentBackAndDropped() {
        ProcessQueue pq = new ProcessQueue();
        List<MessageExt> batch = msgs(0, 3, 1);
        pq.putMessage(batch);
        String longAgo = String.valueOf(System.currentTimeMillis() - 16 * 60 * 1000);
        org.mercurymq.common.message.MessageAccessor.setConsumeStartTimeStamp(batch.get(0), longAgo);
        org.mercurymq.common.message.MessageAccessor.setConsumeStartTimeStamp(batch.get(1), longAgo);
        ProcessQueue.markConsumeStart(batch.subList(2, 3));
        List<Long> sentBack = new ArrayList<>();
        assertEquals(2, pq.cleanExpiredMsg(15, m -> sentBack.add(m.getQueueOffset())));
        assertEquals(Arrays.asList(0L, 1L), sentBack);
        assertEquals(1, pq.getMsgCount().get());
        assertEquals(0, pq.cleanExpiredMsg(15, m -> true), "the running one is not expired yet");
        assertEquals(0, new ProcessQueue().cleanExpiredMsg(15, m -> true));
    }
}
