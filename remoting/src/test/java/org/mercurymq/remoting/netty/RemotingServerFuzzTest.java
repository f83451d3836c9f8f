package org.mercurymq.remoting.netty;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RemotingCommandCodec;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.SerializeType;

/**
 * Throws thousands of random, malformed and truncated frames at a live server from many short
 * connections while a long-lived client keeps calling it; the server must close only the bad
 * connections and keep answering everyone else.
 */
class RemotingServerFuzzTest {
    private static final int ECHO = 1001;
    private static final int CONNECTIONS = 5000;
    private static final int THREADS = 6;
    private static final long BUDGET_MILLIS = 15_000;

    private NettyRemotingServer server;
    private NettyRemotingClient longLived;
    private NettyRemotingTest.RecordingListener longLivedEvents;
    private ExecutorService processors;
    private int port;

    @BeforeEach
    void setUp() {
        processors = Executors.newFixedThreadPool(2, new NamedThreadFactory("FuzzProcessor", true));
        server = new NettyRemotingServer(NettyServerConfig.builder().bindAddress("127.0.0.1").build());
        server.registerProcessor(ECHO, (ch, req) -> {
            RemotingCommand resp = RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, "echo");
            resp.setBody(req.getBody());
            return resp;
        }, processors);
        server.start();
        port = server.localListenPort();
        longLivedEvents = new NettyRemotingTest.RecordingListener();
        longLived = new NettyRemotingClient(NettyClientConfig.builder().build(), longLivedEvents);
        longLived.start();
    }

    @AfterEach
    void tearDown() {
        longLived.shutdown();
        server.shutdown();
        processors.shutdownNow();
    }

    @Test
    void serverSurvivesGarbageAndKeepsServing() throws Exception {
        String addr = "127.0.0.1:" + port;
        assertEquals(ResponseCode.SUCCESS.code(), longLived.invokeSync(addr, echo(0), 3000).getCode());

        AtomicBoolean fuzzing = new AtomicBoolean(true);
        AtomicInteger longLivedOk = new AtomicInteger();
        List<String> longLivedFailures = new ArrayList<>();
        Thread caller = new Thread(() -> {
            int i = 0;
            while (fuzzing.get()) {
                try {
                    RemotingCommand req = echo(++i);
                    RemotingCommand resp = longLived.invokeSync(addr, req, 3000);
                    if (resp.getCode() != 0 || !Arrays.equals(req.getBody(), resp.getBody())) {
                        synchronized (longLivedFailures) {
                            longLivedFailures.add("wrong answer " + resp);
                        }
                    } else {
                        longLivedOk.incrementAndGet();
                    }
                } catch (Exception e) {
                    synchronized (longLivedFailures) {
                        longLivedFailures.add(e.toString());
                    }
                }
            }
        }, "fuzz-long-lived-caller");
        caller.start();

        long seed = System.nanoTime();
        long deadline = System.currentTimeMillis() + BUDGET_MILLIS;
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger mustCloseButDidNot = new AtomicInteger();
        ExecutorService fuzzers = Executors.newFixedThreadPool(THREADS, new NamedThreadFactory("fuzzer", true));
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Random random = new Random(seed + t);
            futures.add(fuzzers.submit(() -> {
                while (System.currentTimeMillis() < deadline && sent.getAndIncrement() < CONNECTIONS) {
                    if (!fuzzOneConnection(random)) {
                        mustCloseButDidNot.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get(BUDGET_MILLIS + 10_000, TimeUnit.MILLISECONDS);
        }
        fuzzers.shutdownNow();
        fuzzing.set(false);
        caller.join(10_000);

        assertEquals(0, mustCloseButDidNot.get(), "bad connections left open by the server (seed " + seed + ")");
        assertTrue(longLivedFailures.isEmpty(), "long-lived connection failed: " + longLivedFailures + " (seed " + seed + ")");
        assertTrue(longLivedOk.get() > 0, "long-lived caller made no calls");
        assertEquals(Arrays.asList("CONNECT"), longLivedEvents.kinds(), "long-lived connection was closed (seed " + seed + ")");

        NettyRemotingClient fresh = new NettyRemotingClient(NettyClientConfig.builder().build());
        fresh.start();
        try {
            RemotingCommand req = echo(424242);
            req.setSerializeTypeCurrentRPC(SerializeType.ROCKETMQ);
            RemotingCommand resp = fresh.invokeSync(addr, req, 3000);
            assertEquals(ResponseCode.SUCCESS.code(), resp.getCode());
            assertArrayEquals(req.getBody(), resp.getBody());
        } finally {
            fresh.shutdown();
        }
        // every fuzz connection is gone; only the long-lived one remains
        await().atMost(Duration.ofSeconds(10)).until(() -> server.connectionCount() == 1);
    }

    private static RemotingCommand echo(int i) {
        RemotingCommand req = RemotingCommand.createRequestCommand(ECHO, null);
        req.setBody(ByteBuffer.allocate(4).putInt(i).array());
        return req;
    }

    /** Sends one kind of bad input on a new connection; returns false if the server should have closed but did not. */
    private boolean fuzzOneConnection(Random random) throws IOException {
        try (Socket s = new Socket()) {
            s.setSoLinger(true, 0);
            s.connect(new InetSocketAddress("127.0.0.1", port), 3000);
            s.setSoTimeout(3000);
            OutputStream out = s.getOutputStream();
            switch (random.nextInt(9)) {
                case 0: // random bytes, then close
                    out.write(randomBytes(random, 1 + random.nextInt(512)));
                    return true;
                case 1: // valid length, JSON garbage header
                    out.write(frame(random, 0, 1 + random.nextInt(300), true, 0xFF));
                    return closedByServer(s);
                case 2: // oversize or negative length
                    out.write(ByteBuffer.allocate(8).putInt(random.nextBoolean()
                        ? 16 * 1024 * 1024 - 3 + random.nextInt(Integer.MAX_VALUE - 16 * 1024 * 1024)
                        : -1 - random.nextInt(Integer.MAX_VALUE)).putInt(random.nextInt()).array());
                    return closedByServer(s);
                case 3: { // header length larger than the frame
                    int frameLength = 4 + random.nextInt(100);
                    ByteBuffer b = ByteBuffer.allocate(4 + frameLength);
                    b.putInt(frameLength).putInt(frameLength - 4 + 1 + random.nextInt(0xFFFF));
                    b.put(randomBytes(random, frameLength - 4));
                    out.write(b.array());
                    return closedByServer(s);
                }
                case 4: // unknown serialize type
                    out.write(frame(random, 2 + random.nextInt(254), 2 + random.nextInt(100), false, 0));
                    return closedByServer(s);
                case 5: { // a valid frame truncated, then closed
                    byte[] f = RemotingCommandCodec.encodeToBytes(echo(random.nextInt()));
                    out.write(Arrays.copyOf(f, random.nextInt(f.length)));
                    return true;
                }
                case 6: { // ROCKETMQ header with a length pointing past the header
                    RemotingCommand cmd = echo(1);
                    cmd.setSerializeTypeCurrentRPC(SerializeType.ROCKETMQ);
                    byte[] f = RemotingCommandCodec.encodeToBytes(cmd);
                    ByteBuffer.wrap(f).putInt(4 + 4 + 13, 1000 + random.nextInt(100000));
                    out.write(f);
                    return closedByServer(s);
                }
                case 7: { // a valid frame with random bytes flipped: answered or closed, never a crash
                    RemotingCommand cmd = echo(2);
                    cmd.setSerializeTypeCurrentRPC(random.nextBoolean() ? SerializeType.ROCKETMQ : SerializeType.JSON);
                    byte[] f = RemotingCommandCodec.encodeToBytes(cmd);
                    for (int i = 0; i < 3; i++) {
                        f[4 + random.nextInt(f.length - 4)] = (byte) random.nextInt();
                    }
                    out.write(f);
                    return true;
                }
                default: // frame too short to hold the header-length word
                    out.write(ByteBuffer.allocate(4 + 3).putInt(random.nextInt(4)).array());
                    return closedByServer(s);
            }
        }
    }

    private static byte[] frame(Random random, int type, int headerLength, boolean garbageHeader, int firstByte) {
        int bodyLength = random.nextInt(64);
        ByteBuffer b = ByteBuffer.allocate(8 + headerLength + bodyLength);
        b.putInt(4 + headerLength + bodyLength).putInt((type << 24) | headerLength);
        byte[] header = randomBytes(random, headerLength);
        if (garbageHeader) {
            header[0] = (byte) firstByte;
        }
        b.put(header).put(randomBytes(random, bodyLength));
        return b.array();
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** True when the server closes the connection (EOF or reset) without sending anything. */
    private static boolean closedByServer(Socket s) {
        try {
            InputStream in = s.getInputStream();
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
