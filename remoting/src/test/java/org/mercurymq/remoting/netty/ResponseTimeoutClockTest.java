package org.mercurymq.remoting.netty;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mercurymq.remoting.MutableClock;
import org.mercurymq.remoting.exception.RemotingTimeoutException;
import org.mercurymq.remoting.protocol.RemotingCommand;

/** Response time-outs follow the injected clock: a long call expires when the clock moves, not when the wall clock does. */
class ResponseTimeoutClockTest {
    private static final int SILENT = 1002;
    private static final long CALL_TIMEOUT_MILLIS = 600_000;

    // starts at wall time so a call begun on one clock and scanned on the other would not expire either
    private final MutableClock clock = new MutableClock(System.currentTimeMillis());
    private final ExecutorService executor = Executors.newSingleThreadExecutor(new NamedThreadFactory("TestProcessor", true));
    private NettyRemotingServer server;
    private NettyRemotingClient client;

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.shutdown();
        }
        if (server != null) {
            server.shutdown();
        }
        executor.shutdownNow();
    }

    @Test
    void isTimeoutFollowsTheClock() {
        ResponseFuture f = new ResponseFuture(null, RemotingCommand.createRequestCommand(1, null), 3000, null,
            clock.millis(), null, clock);
        assertFalse(f.isTimeout());
        clock.advance(3000);
        assertFalse(f.isTimeout(), "exactly at the time-out is not yet over it");
        clock.advance(1);
        assertTrue(f.isTimeout());
    }

    @Test
    void expiryScanFailsAnUnansweredAsyncCallWhenTheClockPassesItsTimeout() throws Exception {
        server = new NettyRemotingServer(NettyServerConfig.builder().bindAddress("127.0.0.1").listenPort(0).build(), null);
        server.registerProcessor(SILENT, (ch, req) -> null, executor);
        server.start();
        String addr = "127.0.0.1:" + server.localListenPort();
        client = new NettyRemotingClient(NettyClientConfig.builder().build(), null, clock);
        client.start();

        AtomicReference<ResponseFuture> done = new AtomicReference<>();
        client.invokeAsync(addr, RemotingCommand.createRequestCommand(SILENT, null), CALL_TIMEOUT_MILLIS, done::set);
        // a 10-minute call expires within a few scan rounds once the clock is moved past time-out plus grace
        clock.advance(CALL_TIMEOUT_MILLIS + PendingCallTable.EXPIRY_GRACE_MILLIS + 1);

        await().atMost(Duration.ofSeconds(10)).until(() -> done.get() != null);
        ResponseFuture f = done.get();
        assertTrue(f.isTimedOut());
        assertNull(f.getResponseCommand());
        assertTrue(f.getCause() instanceof RemotingTimeoutException, String.valueOf(f.getCause()));
    }
}
