package org.mercurymq.client.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.mercurymq.client.hook.SendMessageContext;
import org.mercurymq.client.producer.SendResult;
import org.mercurymq.client.producer.SendStatus;
import org.mercurymq.client.trace.hook.SendMessageTraceHookImpl;
import org.mercurymq.common.message.Message;
import org.mercurymq.common.message.MessageType;

/** The dispatcher's queue never blocks a business thread: a full queue drops, counts and warns at most every 10 s. */
class AsyncTraceDispatcherTest {
    private final AtomicLong now = new AtomicLong(1_000_000);

    /** Not started: nothing drains the queue, so it fills up. */
    private AsyncTraceDispatcher dispatcher(int capacity) {
        return new AsyncTraceDispatcher("PG", TraceDispatcher.Type.PRODUCE, null, null, capacity, now::get);
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlocking() {
        AsyncTraceDispatcher d = dispatcher(4);
        try {
            for (int i = 0; i < 4; i++) {
                assertTrue(d.append(TraceDataEncoderTest.pub()));
            }
            for (int i = 0; i < 3; i++) {
                assertFalse(d.append(TraceDataEncoderTest.pub()));
            }
            assertEquals(3, d.droppedCount());
            assertEquals(4, d.queuedCount());
            assertEquals(4, d.pendingCount(), "dropped records are not waited for by flush");
            assertFalse(d.append("not a trace context"));
        } finally {
            d.shutdown();
        }
    }

    @Test
    void aSendWhoseTraceQueueIsFullCompletesNormally() {
        AsyncTraceDispatcher d = dispatcher(1);
        SendMessageTraceHookImpl hook = new SendMessageTraceHookImpl(d);
        try {
            for (int i = 0; i < 3; i++) {
                SendMessageContext ctx = new SendMessageContext();
                ctx.setProducerGroup("PG");
                ctx.setMessage(new Message("TopicTest", "TagA", "hello".getBytes()));
                ctx.setBrokerAddr("127.0.0.1:10911");
                ctx.setMsgType(MessageType.Normal_Msg);
                hook.sendMessageBefore(ctx);
                SendResult r = new SendResult(SendStatus.SEND_OK, "7F0000010B5418B4AAC200000000000" + i, null, null, 0);
                r.setRegionId("DefaultRegion");
                ctx.setSendResult(r);
                hook.sendMessageAfter(ctx);
            }
            assertEquals(1, d.queuedCount());
            assertEquals(2, d.droppedCount());
        } finally {
            d.shutdown();
        }
    }

    @Test
    void noPubRecordWithoutAReplyOrWhenTheBrokerHasTraceOffOrForTheTraceTopic() {
        AsyncTraceDispatcher d = dispatcher(8);
        SendMessageTraceHookImpl hook = new SendMessageTraceHookImpl(d);
        try {
            SendMessageContext failed = context("TopicTest");
            hook.sendMessageBefore(failed);
            failed.setException(new IllegalStateException("no route"));
            hook.sendMessageAfter(failed);

            SendMessageContext traceOff = context("TopicTest");
            hook.sendMessageBefore(traceOff);
            SendResult r = new SendResult(SendStatus.SEND_OK, "ID", null, null, 0);
            r.setRegionId("DefaultRegion");
            r.setTraceOn(false);
            traceOff.setSendResult(r);
            hook.sendMessageAfter(traceOff);

            SendMessageContext toTrace = context("RMQ_SYS_TRACE_TOPIC");
            hook.sendMessageBefore(toTrace);
            SendResult ok = new SendResult(SendStatus.SEND_OK, "ID", null, null, 0);
            ok.setRegionId("DefaultRegion");
            toTrace.setSendResult(ok);
            hook.sendMessageAfter(toTrace);

            assertEquals(0, d.queuedCount());
        } finally {
            d.shutdown();
        }
    }

    private static SendMessageContext context(String topic) {
        SendMessageContext ctx = new SendMessageContext();
        ctx.setProducerGroup("PG");
        ctx.setMessage(new Message(topic, "TagA", "hello".getBytes()));
        ctx.setMsgType(MessageType.Normal_Msg);
        return ctx;
    }

    @Test
    void theDropWarningIsRateLimited() {
        TraceDropCounter c = new TraceDropCounter("trace queue of PG full", now::get, 10_000);
        assertTrue(c.drop(1, "test"));
        assertFalse(c.drop(1, "test"));
        now.addAndGet(9_999);
        assertFalse(c.drop(1, "test"));
        now.addAndGet(1);
        assertTrue(c.drop(1, "test"));
        assertEquals(4, c.dropped());
    }

    @Test
    void aBatchIsDueByAgeOrFullBySize() {
        TraceBatch b = new TraceBatch("RMQ_SYS_TRACE_TOPIC", 300, 500);
        assertFalse(b.isDue(now.get() + 10_000), "an empty batch is never due");
        TraceTransferBean record = TraceDataEncoder.encoderFromContextBean(TraceDataEncoderTest.pub());
        b.add(record, now.get());
        assertFalse(b.isDue(now.get() + 499));
        assertTrue(b.isDue(now.get() + 500));
        assertFalse(b.isFull());
        b.add(record, now.get() + 1);
        b.add(record, now.get() + 2);
        assertTrue(b.isFull(), "three records are " + (3 * record.getTransData().length()) + " chars");
        TraceBatch.Drained out = b.drain();
        assertEquals(3, out.records);
        assertEquals(record.getTransData() + record.getTransData() + record.getTransData(), out.data);
        assertEquals(record.getTransKey(), out.keys);
        assertTrue(b.isEmpty());
    }
}
