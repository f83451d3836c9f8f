package org.mercurymq.client.consumer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.common.protocol.heartbeat.MessageModel;

/** The scheduling of pull tasks, without a broker (tasks are put by hand, as a rebalance would). */
class MQPullConsumerScheduleServiceTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final MessageQueue Q0 = new MessageQueue("T", "b", 0);
    private static final MessageQueue Q1 = new MessageQueue("T", "b", 1);

    private final MQPullConsumerScheduleService service = new MQPullConsumerScheduleService("schedule_test_group");
    private final Map<MessageQueue, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<MQPullConsumer> consumersSeen = new CopyOnWriteArrayList<>();

    private void startWith(PullTaskCallback callback) throws Exception {
        service.getDefaultMQPullConsumer().setNamesrvAddr("127.0.0.1:9"); // never contacted: tasks are put by hand
        service.getDefaultMQPullConsumer().setInstanceName("schedule_test_" + System.nanoTime());
        service.setPullThreadNums(2);
        service.registerPullTaskCallback("T", callback);
        service.start();
    }

    private PullTaskCallback counting(int delayMillis) {
        return (mq, context) -> {
            calls.computeIfAbsent(mq, k -> new AtomicInteger()).incrementAndGet();
            consumersSeen.add(context.getPullConsumer());
            context.setPullNextDelayTimeMillis(delayMillis);
        };
    }

    private int calls(MessageQueue mq) {
        AtomicInteger n = calls.get(mq);
        return n == null ? 0 : n.get();
    }

    @AfterEach
    void shutdown() {
        service.shutdown();
    }

    @Test
    void defaults() {
        assertEquals(20, service.getPullThreadNums());
        assertEquals(MessageModel.CLUSTERING, service.getMessageModel());
        assertEquals(200, new PullTaskContext().getPullNextDelayTimeMillis());
        service.setMessageModel(MessageModel.BROADCASTING);
        assertEquals(MessageModel.BROADCASTING, service.getDefaultMQPullConsumer().getMessageModel());
    }

    @Test
    void eachQueueIsCalledAgainAndAgainWithTheServicesPullConsumer() throws Exception {
        startWith(counting(5));
        assertTrue(service.getCallbackTable().containsKey("T"));
        assertTrue(service.getDefaultMQPullConsumer().getRegisterTopics().contains("T"));
        service.putTask("T", new HashSet<>(Arrays.asList(Q0, Q1)));
        await().atMost(WAIT).until(() -> calls(Q0) >= 3 && calls(Q1) >= 3);
        for (MQPullConsumer c : consumersSeen) {
            assertSame(service.getDefaultMQPullConsumer(), c);
        }
    }

    @Test
    void aQueueTakenAwayIsCalledAtMostOnceMore() throws Exception {
        startWith(counting(5));
        service.putTask("T", new HashSet<>(Arrays.asList(Q0, Q1)));
        await().atMost(WAIT).until(() -> calls(Q1) >= 1);
        service.putTask("T", Collections.singleton(Q0));
        int atRemoval = calls(Q1);
        int q0AtRemoval = calls(Q0);
        await().atMost(WAIT).until(() -> calls(Q0) >= q0AtRemoval + 5);
        assertTrue(calls(Q1) <= atRemoval + 1, "Q1 called " + calls(Q1) + " times, " + atRemoval + " at removal");
    }

    @Test
    void aThrowingCallbackIsCalledAgain() throws Exception {
        AtomicInteger n = new AtomicInteger();
        startWith((mq, context) -> {
            n.incrementAndGet();
            throw new IllegalStateException("boom");
        });
        service.putTask("T", Collections.singleton(Q0));
        await().atMost(WAIT).until(() -> n.get() >= 2);
    }

    /** Calls waiting for their delay are dropped at shutdown: none starts once shutdown() has returned. */
    @Test
    void noCallStartsAfterShutdown() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean shutDown = new java.util.concurrent.atomic.AtomicBoolean();
        AtomicInteger late = new AtomicInteger();
        startWith((mq, context) -> {
            if (shutDown.get()) {
                late.incrementAndGet();
            }
            calls.computeIfAbsent(mq, k -> new AtomicInteger()).incrementAndGet();
            context.setPullNextDelayTimeMillis(50);
        });
        service.putTask("T", new HashSet<>(Arrays.asList(Q0, Q1)));
        await().atMost(WAIT).until(() -> calls(Q0) >= 2 && calls(Q1) >= 2);
        service.shutdown();
        shutDown.set(true);
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> late.get() == 0);
    }

    @Test
    void puttingTasksBeforeStartIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> service.putTask("T", Collections.singleton(Q0)));
        assertTrue(e.getMessage().contains("not started"), e.getMessage());
    }
}
