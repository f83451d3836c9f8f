package org.mercurymq.broker.executor;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mercurymq.broker.FakeChannel;
import org.mercurymq.broker.ManualClock;
import org.mercurymq.remoting.protocol.RemotingCommand;

/** Requests that waited too long in a queue are answered SYSTEM_BUSY by the cleaner (docs/protocol/remoting.md §9). */
class BrokerFastFailureTest {
    private final ManualClock clock = new ManualClock(0);
    private final RequestExecutor send = new RequestExecutor("TestSend", 1, 100, clock);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        send.shutdownNow();
    }

    /** Submits one request the way the remoting layer does: the processor's answer is written to the channel. */
    private void submit(BusyRejection processor, FakeChannel channel) {
        RemotingCommand request = RemotingCommand.createRequestCommand(310, null);
        send.execute(() -> {
            try {
                RemotingCommand response = processor.processRequest(channel, request);
                if (response != null) {
                    channel.writeResponse(response);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void requestsWaitingLongerThanTheLimitAreAnsweredBusy() throws Exception {
        BusyRejection processor = new BusyRejection((ch, req) -> {
            release.await(30, TimeUnit.SECONDS);
            return req.response(0, null);
        });
        FakeChannel blocker = new FakeChannel("blocker:1");
        FakeChannel waiting = new FakeChannel("waiting:1");
        submit(processor, blocker);
        await().atMost(Duration.ofSeconds(10)).until(() -> send.getActiveCount() == 1);
        submit(processor, waiting);
        assertEquals(1, send.queueSize());
        AtomicBoolean busy = new AtomicBoolean(false);
        BrokerFastFailure ff = new BrokerFastFailure(send, List.of(new BrokerFastFailure.Watched(send, () -> 200L)),
            () -> true, busy::get);
        ff.cleanExpiredRequests();
        assertTrue(waiting.written().isEmpty(), "not waited long enough");
        clock.advance(201);
        assertEquals(201, send.headWaitMillis());
        ff.cleanExpiredRequests();
        assertEquals(1, waiting.written().size());
        RemotingCommand response = waiting.written().get(0);
        assertEquals(2, response.getCode());
        assertTrue(response.getRemark().startsWith("[TIMEOUT_CLEAN_QUEUE]broker busy"), response.getRemark());
        assertEquals(0, send.queueSize());
    }

    @Test
    void aBusyPageCacheDrainsTheSendQueue() throws Exception {
        BusyRejection processor = new BusyRejection((ch, req) -> {
            release.await(30, TimeUnit.SECONDS);
            return req.response(0, null);
        });
        submit(processor, new FakeChannel("blocker:1"));
        await().atMost(Duration.ofSeconds(10)).until(() -> send.getActiveCount() == 1);
        FakeChannel a = new FakeChannel("a:1");
        FakeChannel b = new FakeChannel("b:1");
        submit(processor, a);
        submit(processor, b);
        new BrokerFastFailure(send, List.of(), () -> true, () -> true).cleanExpiredRequests();
        assertTrue(a.written().get(0).getRemark().startsWith("[PCBUSY_CLEAN_QUEUE]"));
        assertTrue(b.written().get(0).getRemark().startsWith("[PCBUSY_CLEAN_QUEUE]"));
    }
}
