package org.mercurymq.client.impl.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mercurymq.client.consumer.DefaultMQPushConsumer;
import org.mercurymq.client.consumer.listener.ConsumeConcurrentlyContext;
import org.mercurymq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.mercurymq.client.consumer.listener.MessageListenerConcurrently;
import org.mercurymq.client.consumer.store.LocalFileOffsetStore;
import org.mercurymq.client.consumer.store.OffsetStore;
import org.mercurymq.client.consumer.store.ReadOffsetType;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.common.protocol.heartbeat.MessageModel;

/** What a concurrent consume result does to the queue's offset and which messages go back (ackIndex semantics). */
class ConsumeResultTest {
    private final MessageQueue mq = new MessageQueue("T", "b", 0);
    private final OffsetStore store = new LocalFileOffsetStore(java.nio.file.Paths.get("unused"), "c", "g");
    private final List<MessageExt> sentBack = new CopyOnWriteArrayList<>();
    private boolean sendBackWorks = true;
    private ConsumeMessageConcurrentlyService service;

    private ConsumeMessageConcurrentlyService service(MessageModel model) {
        DefaultMQPushConsumer config = new DefaultMQPushConsumer("g");
        config.setMessageModel(model);
        config.setConsumeThreadMin(1);
        config.setConsumeThreadMax(1);
        DefaultMQPushConsumerImpl impl = new DefaultMQPushConsumerImpl(config, null) {
            @Override
            public OffsetStore getOffsetStore() {
                return store;
            }

            @Override
            boolean sendMessageBackQuietly(MessageExt msg, int delayLevel, MessageQueue queue) {
                if (sendBackWorks) {
                    sentBack.add(msg);
                }
                return sendBackWorks;
            }
        };
        MessageListenerConcurrently listener = (msgs, ctx) -> ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        service = new ConsumeMessageConcurrentlyService(impl, listener);
        return service;
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.shutdown(0);
        }
    }

    private static List<MessageExt> msgs(long from, int n) {
        List<MessageExt> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            MessageExt m = new MessageExt();
            m.setTopic("T");
            m.setQueueOffset(from + i);
            m.setBody(new byte[] {1});
            out.add(m);
        }
        return out;
    }

    private ProcessQueue cached(List<MessageExt> msgs) {
        ProcessQueue pq = new ProcessQueue();
        pq.putMessage(msgs);
        return pq;
    }

    private long offset() {
        return store.readOffset(mq, ReadOffsetType.READ_FROM_MEMORY);
    }

    @Test
    void successAcknowledgesEverything() {
        ConsumeMessageConcurrentlyService s = service(MessageModel.CLUSTERING);
        List<MessageExt> batch = msgs(10, 3);
        ProcessQueue pq = cached(batch);
        s.processConsumeResult(ConsumeConcurrentlyStatus.CONSUME_SUCCESS, new ConsumeConcurrentlyContext(mq),
            s.new ConsumeRequest(batch, pq, mq));
        assertEquals(13, offset());
        assertTrue(sentBack.isEmpty());
    }

    @Test
    void ackIndexSendsBackTheMessagesAfterIt() {
        ConsumeMessageConcurrentlyService s = service(MessageModel.CLUSTERING);
        List<MessageExt> batch = msgs(10, 3);
        ProcessQueue pq = cached(batch);
        ConsumeConcurrentlyContext ctx = new ConsumeConcurrentlyContext(mq);
        ctx.setAckIndex(0);
        s.processConsumeResult(ConsumeConcurrentlyStatus.CONSUME_SUCCESS, ctx, s.new ConsumeRequest(batch, pq, mq));
        assertEquals(Arrays.asList(11L, 12L), Arrays.asList(sentBack.get(0).getQueueOffset(), sentBack.get(1).getQueueOffset()));
        assertEquals(13, offset(), "sent-back messages count as done for the offset");
    }

    @Test
    void reconsumeLaterSendsBackTheWholeBatch() {
        ConsumeMessageConcurrentlyService s = service(MessageModel.CLUSTERING);
        List<MessageExt> batch = msgs(0, 2);
        ProcessQueue pq = cached(batch);
        ConsumeConcurrentlyContext ctx = new ConsumeConcurrentlyContext(mq);
        ctx.setAckIndex(5);
        s.processConsumeResult(ConsumeConcurrentlyStatus.RECONSUME_LATER, ctx, s.new ConsumeRequest(batch, pq, mq));
        assertEquals(2, sentBack.size(), "ackIndex is ignored on RECONSUME_LATER");
        assertEquals(2, offset());
    }

    @Test
    void failedSendBackKeepsTheMessageAndTheOffset() {
        ConsumeMessageConcurrentlyService s = service(MessageModel.CLUSTERING);
        sendBackWorks = false;
        List<MessageExt> batch = msgs(20, 2);
        ProcessQueue pq = cached(batch);
        s.processConsumeResult(ConsumeConcurrentlyStatus.RECONSUME_LATER, new ConsumeConcurrentlyContext(mq),
            s.new ConsumeRequest(batch, pq, mq));
        assertEquals(20, offset(), "the offset stays at the first message being retried locally");
        assertEquals(2, pq.getMsgCount().get());
        assertEquals(1, batch.get(0).getReconsumeTimes());
    }

    @Test
    void broadcastingDropsFailuresAndMovesOn() {
        ConsumeMessageConcurrentlyService s = service(MessageModel.BROADCASTING);
        List<MessageExt> batch = msgs(5, 2);
        ProcessQueue pq = cached(batch);
        s.processConsumeResult(ConsumeConcurrentlyStatus.RECONSUME_LATER, new ConsumeConcurrentlyContext(mq),
            s.new ConsumeRequest(batch, pq, mq));
        assertTrue(sentBack.isEmpty());
        assertEquals(7, offset());
    }

    @Test
    void droppedQueueDoesNotMoveTheOffset() {
        ConsumeMessageConcurrentlyService s = service(MessageModel.CLUSTERING);
        List<MessageExt> batch = msgs(5, 2);
        ProcessQueue pq = cached(batch);
        pq.setDropped(true);
        s.processConsumeResult(ConsumeConcurrentlyStatus.CONSUME_SUCCESS, new ConsumeConcurrentlyContext(mq),
            s.new ConsumeRequest(batch, pq, mq));
        assertEquals(-1, offset());
    }
}
