package org.mercurymq.remoting.netty;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.ResponseCode;

/**
 * Regression: connections that claim 16 MiB frames and trickle their bytes used to hold receive buffers
 * without bound (146 of them filled 1 GiB of direct memory). With a 16 MiB budget for all incomplete
 * frames, the trickling connections are closed while a client sending 4 MiB messages is served.
 */
class IncompleteFrameFloodTest {
    private static final int ECHO = 1001;
    private static final long BUDGET = 16L * 1024 * 1024;
    private static final int ATTACKERS = 40;
    private static final int CHUNK = 64 * 1024;

    private NettyRemotingServer server;
    private NettyRemotingClient client;
    private ExecutorService processors;
    private final List<Socket> attackers = new ArrayList<>();

    @BeforeEach
    void setUp() {
        processors = Executors.newFixedThreadPool(2, new NamedThreadFactory("FloodProcessor", true));
        server = new NettyRemotingServer(NettyServerConfig.builder().bindAddress("127.0.0.1")
            .incompleteFrameBytesTotal(BUDGET).build());
        server.registerProcessor(ECHO, (ch, req) -> {
            RemotingCommand resp = RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, "echo");
            resp.setBody(req.getBody());
            return resp;
        }, processors);
        server.start();
        client = new NettyRemotingClient(NettyClientConfig.builder().build());
        client.start();
    }

    @AfterEach
    void tearDown() throws IOException {
        for (Socket s : attackers) {
            s.close();
        }
        client.shutdown();
        server.shutdown();
        processors.shutdownNow();
    }

    @Test
    void tricklingHugeFramesAreClosedWhileBigMessagesAreServed() throws Exception {
        String addr = "127.0.0.1:" + server.localListenPort();
        byte[] fourMiB = new byte[4 * 1024 * 1024];
        new Random(7).nextBytes(fourMiB);
        long peak = 0;
        int closedSeen = 0;
        for (int i = 0; i < ATTACKERS; i++) {
            Socket s = new Socket();
            s.connect(new InetSocketAddress("127.0.0.1", server.localListenPort()), 3000);
            attackers.add(s);
            OutputStream out = s.getOutputStream();
            out.write(ByteBuffer.allocate(8).putInt(16 * 1024 * 1024 - 4).putInt(100).array());
        }
        // every attacker trickles 1 MiB in 64 KiB steps, round-robin: 40 MiB claimed in all, over the 16 MiB budget
        for (int round = 0; round < 16; round++) {
            for (Socket s : attackers) {
                try {
                    s.getOutputStream().write(new byte[CHUNK]);
                } catch (IOException closedByServer) {
                    closedSeen++;
                }
            }
            peak = Math.max(peak, server.incompleteFrameBytes());
            if (round % 4 == 0) {
                RemotingCommand req = RemotingCommand.createRequestCommand(ECHO, null);
                req.setBody(fourMiB);
                RemotingCommand resp = client.invokeSync(addr, req, 10_000);
                assertEquals(ResponseCode.SUCCESS.code(), resp.getCode());
                assertArrayEquals(fourMiB, resp.getBody());
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> server.connectionsClosedForIncompleteFrames() > 0);
        long held = server.incompleteFrameBytes();
        System.out.printf("incomplete frames: peak %d bytes sampled, %d now, budget %d; %d of %d attackers closed by the"
                + " budget (%d saw the close)%n", peak, held, BUDGET, server.connectionsClosedForIncompleteFrames(),
            ATTACKERS, closedSeen);
        assertTrue(held <= BUDGET, "incomplete frames hold " + held + " > budget " + BUDGET);
        assertTrue(peak <= BUDGET, "incomplete frames held " + peak + " > budget " + BUDGET);
        assertTrue(server.connectionsClosedForIncompleteFrames() >= ATTACKERS / 2,
            "most attackers are closed: " + server.connectionsClosedForIncompleteFrames());
        RemotingCommand req = RemotingCommand.createRequestCommand(ECHO, null);
        req.setBody(fourMiB);
        assertEquals(ResponseCode.SUCCESS.code(), client.invokeSync(addr, req, 10_000).getCode(),
            "the well-behaved client is still served");
    }
}
