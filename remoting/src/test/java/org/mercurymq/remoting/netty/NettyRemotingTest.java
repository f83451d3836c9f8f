package org.mercurymq.remoting.netty;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mercurymq.common.config.Config;
import org.mercurymq.remoting.ChannelEventListener;
import org.mercurymq.remoting.CommandCustomHeader;
import org.mercurymq.remoting.RPCHook;
import org.mercurymq.remoting.RemotingChannel;
import org.mercurymq.remoting.RequestProcessor;
import org.mercurymq.remoting.annotation.CFNotNull;
import org.mercurymq.remoting.exception.RemotingConnectException;
import org.mercurymq.remoting.exception.RemotingTimeoutException;
import org.mercurymq.remoting.exception.RemotingTooMuchRequestException;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RemotingCommandCodec;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.SerializeType;

class NettyRemotingTest {
    private static final int ECHO = 1001;
    private static final int SILENT = 1002;
    private static final int THROWS = 1003;
    private static final int REJECTS = 1004;
    private static final int TYPED = 1005;
    private static final int ONEWAY = 1006;
    private static final int CALLBACK_FROM_SERVER = 1007;

    private final RecordingListener serverEvents = new RecordingListener();
    private final List<String> onewayReceived = new CopyOnWriteArrayList<>();
    private final AtomicReference<RemotingChannel> lastChannel = new AtomicReference<>();
    private final List<Stoppable> cleanups = new ArrayList<>();
    private ExecutorService executor;
    private NettyRemotingServer server;
    private NettyRemotingClient client;
    private String addr;

    /** Anything with a shutdown to run after the test. */
    private interface Stoppable {
        void shutdown();
    }

    @BeforeEach
    void setUp() {
        executor = Executors.newFixedThreadPool(4, new NamedThreadFactory("TestProcessor", true));
        server = startServer(NettyServerConfig.builder().bindAddress("127.0.0.1").listenPort(0).build(), serverEvents);
        addr = "127.0.0.1:" + server.localListenPort();
        client = startClient(NettyClientConfig.builder().build(), null);
    }

    @AfterEach
    void tearDown() {
        for (Stoppable c : cleanups) {
            c.shutdown();
        }
        executor.shutdownNow();
    }

    private NettyRemotingServer startServer(NettyServerConfig config, ChannelEventListener listener) {
        NettyRemotingServer s = new NettyRemotingServer(config, listener);
        s.registerProcessor(ECHO, (ch, req) -> {
            RemotingCommand resp = RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, "echo");
            resp.setBody(req.getBody());
            resp.addExtField("seen", String.valueOf(req.getCode()));
            return resp;
        }, executor);
        s.registerProcessor(SILENT, (ch, req) -> null, executor);
        s.registerProcessor(THROWS, (ch, req) -> {
            throw new IllegalStateException("processor exploded");
        }, executor);
        s.registerProcessor(REJECTS, new RequestProcessor() {
            @Override
            public RemotingCommand processRequest(RemotingChannel channel, RemotingCommand request) {
                return RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
            }

            @Override
            public boolean rejectRequest() {
                return true;
            }
        }, executor);
        s.registerProcessor(TYPED, (ch, req) -> {
            RequiredHeader h = req.decodeCommandCustomHeader(RequiredHeader.class);
            return RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, h.topic);
        }, executor);
        s.registerProcessor(ONEWAY, (ch, req) -> {
            onewayReceived.add(req.getExtFields().get("n"));
            return RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, "must not be sent");
        }, executor);
        s.registerProcessor(CALLBACK_FROM_SERVER, (ch, req) -> {
            lastChannel.set(ch);
            return RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
        }, executor);
        s.start();
        cleanups.add(s::shutdown);
        return s;
    }

    private NettyRemotingClient startClient(NettyClientConfig config, ChannelEventListener listener) {
        NettyRemotingClient c = new NettyRemotingClient(config, listener);
        c.start();
        cleanups.add(0, c::shutdown);
        return c;
    }

    private static RemotingCommand request(int code) {
        return RemotingCommand.createRequestCommand(code, null);
    }

    @ParameterizedTest
    @EnumSource(SerializeType.class)
    void syncCallIsAnsweredInTheRequestSerializeType(SerializeType type) throws Exception {
        RemotingCommand req = request(ECHO);
        req.setSerializeTypeCurrentRPC(type);
        req.setBody(new byte[] {1, 2, 3});
        RemotingCommand resp = client.invokeSync(addr, req, 3000);
        assertEquals(ResponseCode.SUCCESS.code(), resp.getCode());
        assertEquals(req.getOpaque(), resp.getOpaque());
        assertTrue(resp.isResponseType());
        assertEquals(407, resp.getVersion());
        assertEquals(type, resp.getSerializeTypeCurrentRPC());
        assertEquals("echo", resp.getRemark());
        assertEquals(String.valueOf(ECHO), resp.getExtFields().get("seen"));
        assertArrayEquals(new byte[] {1, 2, 3}, resp.getBody());
        assertEquals(0, client.pendingCallCount());
        assertTrue(client.isChannelWritable(addr));
    }

    @Test
    void asyncCallbackRunsOnTheCallbackExecutor() throws Exception {
        AtomicReference<ResponseFuture> done = new AtomicReference<>();
        AtomicReference<String> thread = new AtomicReference<>();
        client.invokeAsync(addr, request(ECHO), 3000, f -> {
            thread.set(Thread.currentThread().getName());
            done.set(f);
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> done.get() != null);
        assertTrue(done.get().isSendRequestOK());
        assertEquals(ResponseCode.SUCCESS.code(), done.get().getResponseCommand().getCode());
        assertTrue(thread.get().startsWith("NettyClientPublicExecutor"), thread.get());
        assertEquals(0, client.pendingCallCount());
    }

    @Test
    void onewayIsDeliveredAndNotAnswered() throws Exception {
        for (int i = 0; i < 20; i++) {
            RemotingCommand req = request(ONEWAY);
            req.addExtField("n", String.valueOf(i));
            client.invokeOneway(addr, req, 3000);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> onewayReceived.size() == 20);
        // a reply to a oneway would be a response with no pending call; a sync call afterwards still matches
        RemotingCommand resp = client.invokeSync(addr, request(ECHO), 3000);
        assertEquals(ResponseCode.SUCCESS.code(), resp.getCode());
        assertEquals(0, client.pendingCallCount());
    }

    @Test
    void onewayGetsNoReplyOnTheWire() throws Exception {
        RemotingCommand oneway = request(ONEWAY);
        oneway.addExtField("n", "raw");
        oneway.markOnewayRPC();
        RemotingCommand sync = request(ECHO);
        try (Socket s = new Socket("127.0.0.1", server.localListenPort())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(RemotingCommandCodec.encodeToBytes(oneway));
            await().atMost(Duration.ofSeconds(5)).until(() -> onewayReceived.contains("raw"));
            s.getOutputStream().write(RemotingCommandCodec.encodeToBytes(sync));
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] frame = new byte[in.readInt()];
            in.readFully(frame);
            RemotingCommand first = RemotingCommandCodec.decode(Unpooled.wrappedBuffer(frame));
            assertEquals(sync.getOpaque(), first.getOpaque());
            assertEquals("echo", first.getRemark());
        }
    }

    @Test
    void unknownCodeIsAnsweredEvenWhenOneway() throws Exception {
        RemotingCommand oneway = request(4343);
        oneway.markOnewayRPC();
        try (Socket s = new Socket("127.0.0.1", server.localListenPort())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(RemotingCommandCodec.encodeToBytes(oneway));
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] frame = new byte[in.readInt()];
            in.readFully(frame);
            RemotingCommand reply = RemotingCommandCodec.decode(Unpooled.wrappedBuffer(frame));
            assertEquals(oneway.getOpaque(), reply.getOpaque());
            assertEquals(ResponseCode.REQUEST_CODE_NOT_SUPPORTED.code(), reply.getCode());
            assertTrue(reply.isResponseType());
        }
    }

    @Test
    void unknownCodeIsAnsweredWithCode3() throws Exception {
        RemotingCommand resp = client.invokeSync(addr, request(4242), 3000);
        assertEquals(ResponseCode.REQUEST_CODE_NOT_SUPPORTED.code(), resp.getCode());
        assertEquals(" request type 4242 not supported", resp.getRemark());
    }

    @Test
    void processorExceptionIsAnsweredWithCode1() throws Exception {
        RemotingCommand resp = client.invokeSync(addr, request(THROWS), 3000);
        assertEquals(ResponseCode.SYSTEM_ERROR.code(), resp.getCode());
        assertTrue(resp.getRemark().contains("processor exploded"), resp.getRemark());
    }

    @Test
    void rejectingProcessorIsAnsweredWithCode2() throws Exception {
        RemotingCommand resp = client.invokeSync(addr, request(REJECTS), 3000);
        assertEquals(ResponseCode.SYSTEM_BUSY.code(), resp.getCode());
        assertEquals("[REJECTREQUEST]system busy, start flow control for a while", resp.getRemark());
    }

    @Test
    void fullExecutorIsAnsweredWithOverload() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ThreadPoolExecutor single = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new SynchronousQueue<>());
        try {
            server.registerProcessor(2001, (ch, req) -> {
                release.await(10, TimeUnit.SECONDS);
                return RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
            }, single);
            AtomicReference<ResponseFuture> first = new AtomicReference<>();
            client.invokeAsync(addr, request(2001), 10000, first::set);
            await().atMost(Duration.ofSeconds(5)).until(() -> single.getActiveCount() == 1);
            RemotingCommand resp = client.invokeSync(addr, request(2001), 3000);
            assertEquals(ResponseCode.SYSTEM_BUSY.code(), resp.getCode());
            assertEquals("[OVERLOAD]system busy, start flow control for a while", resp.getRemark());
            release.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> first.get() != null);
            assertEquals(ResponseCode.SUCCESS.code(), first.get().getResponseCommand().getCode());
        } finally {
            release.countDown();
            single.shutdownNow();
        }
    }

    @Test
    void aProcessorMayRunOnTheIoThreadUnlessItsExecutorHasRequestsQueued() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ThreadPoolExecutor single = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        try {
            server.registerProcessor(2002, new RequestProcessor() {
                @Override
                public RemotingCommand processRequest(RemotingChannel channel, RemotingCommand request) throws Exception {
                    if ("block".equals(request.getExtFields().get("mode"))) {
                        release.await(10, TimeUnit.SECONDS);
                    }
                    return RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, Thread.currentThread().getName());
                }

                @Override
                public boolean runOnIoThread(RemotingCommand request) {
                    return !"pool".equals(request.getExtFields().get("mode"));
                }
            }, single);
            assertTrue(client.invokeSync(addr, mode(2002, "fast"), 3000).getRemark().startsWith("NettyServerSelector"),
                "a request the processor asks for runs on the I/O thread");
            assertTrue(client.invokeSync(addr, mode(2002, "pool"), 3000).getRemark().startsWith("pool-"),
                "the others on its executor");

            // the executor busy with one request and holding another: the next one is handed over too
            single.execute(() -> {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            single.execute(() -> { });
            await().atMost(Duration.ofSeconds(5)).until(() -> single.getQueue().size() == 1);
            AtomicReference<ResponseFuture> queued = new AtomicReference<>();
            client.invokeAsync(addr, mode(2002, "fast"), 10000, queued::set);
            await().atMost(Duration.ofSeconds(5)).until(() -> single.getQueue().size() == 2);
            release.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> queued.get() != null);
            assertTrue(queued.get().getResponseCommand().getRemark().startsWith("pool-"),
                queued.get().getResponseCommand().getRemark());
        } finally {
            release.countDown();
            single.shutdownNow();
        }
    }

    private static RemotingCommand mode(int code, String mode) {
        RemotingCommand r = request(code);
        r.addExtField("mode", mode);
        return r;
    }

    @Test
    void missingRequiredHeaderFieldIsAnsweredWithReadableCode1() throws Exception {
        RemotingCommand resp = client.invokeSync(addr, request(TYPED), 3000);
        assertEquals(ResponseCode.SYSTEM_ERROR.code(), resp.getCode());
        assertTrue(resp.getRemark().contains("topic"), resp.getRemark());
        RequiredHeader h = new RequiredHeader();
        h.topic = "present";
        RemotingCommand ok = client.invokeSync(addr, RemotingCommand.createRequestCommand(TYPED, h), 3000);
        assertEquals(ResponseCode.SUCCESS.code(), ok.getCode());
        assertEquals("present", ok.getRemark());
    }

    @Test
    void asyncTimeoutFiresAndEmptiesThePendingTable() throws Exception {
        // connect first: the 100 ms budget below is for the answer, and a connect on a loaded machine took longer
        client.invokeSync(addr, request(ECHO), 3000);
        AtomicReference<ResponseFuture> done = new AtomicReference<>();
        client.invokeAsync(addr, request(SILENT), 100, done::set);
        assertEquals(1, client.pendingCallCount());
        await().atMost(Duration.ofSeconds(10)).until(() -> done.get() != null);
        assertNull(done.get().getResponseCommand());
        assertTrue(done.get().isTimedOut());
        assertTrue(done.get().getCause() instanceof RemotingTimeoutException);
        assertEquals(0, client.pendingCallCount());
    }

    @Test
    void syncTimeoutThrowsAndClosesTheConnection() throws Exception {
        client.invokeSync(addr, request(ECHO), 3000);
        await().atMost(Duration.ofSeconds(5)).until(() -> serverEvents.count("CONNECT") == 1);
        assertThrows(RemotingTimeoutException.class, () -> client.invokeSync(addr, request(SILENT), 200));
        assertEquals(0, client.pendingCallCount());
        assertFalse(client.isChannelWritable(addr));
        await().atMost(Duration.ofSeconds(5)).until(() -> serverEvents.count("CLOSE") == 1);
        // the next call reconnects
        assertEquals(ResponseCode.SUCCESS.code(), client.invokeSync(addr, request(ECHO), 3000).getCode());
        await().atMost(Duration.ofSeconds(5)).until(() -> serverEvents.count("CONNECT") == 2);
    }

    @Test
    void exhaustedAsyncPermitsThrowTooMuchRequest() throws Exception {
        NettyRemotingClient small = startClient(NettyClientConfig.builder().clientAsyncSemaphoreValue(2).build(), null);
        List<ResponseFuture> done = new CopyOnWriteArrayList<>();
        small.invokeAsync(addr, request(SILENT), 1000, done::add);
        small.invokeAsync(addr, request(SILENT), 1000, done::add);
        assertThrows(RemotingTooMuchRequestException.class, () -> small.invokeAsync(addr, request(SILENT), 50, done::add));
        await().atMost(Duration.ofSeconds(10)).until(() -> done.size() == 2);
        // permits are back once the calls expired
        AtomicReference<ResponseFuture> ok = new AtomicReference<>();
        small.invokeAsync(addr, request(ECHO), 3000, ok::set);
        await().atMost(Duration.ofSeconds(5)).until(() -> ok.get() != null);
        assertEquals(ResponseCode.SUCCESS.code(), ok.get().getResponseCommand().getCode());
    }

    @Test
    void rpcHooksAreCalledOnBothSides() throws Exception {
        List<String> clientCalls = new CopyOnWriteArrayList<>();
        List<String> serverCalls = new CopyOnWriteArrayList<>();
        client.registerRPCHook(new RecordingHook(clientCalls));
        server.registerRPCHook(new RecordingHook(serverCalls));
        RemotingCommand req = request(ECHO);
        client.invokeSync(addr, req, 3000);
        assertEquals(Arrays.asList("before " + addr + " " + ECHO, "after " + addr + " " + ECHO + " -> 0"), clientCalls);
        await().atMost(Duration.ofSeconds(5)).until(() -> serverCalls.size() == 2);
        assertTrue(serverCalls.get(0).startsWith("before 127.0.0.1:"), serverCalls.get(0));
        assertTrue(serverCalls.get(1).endsWith(ECHO + " -> 0"), serverCalls.get(1));
        assertEquals("hooked", req.getExtFields().get("hook"));
    }

    @Test
    void channelListenerSeesConnectAndClose() throws Exception {
        RecordingListener clientEvents = new RecordingListener();
        NettyRemotingClient c = startClient(NettyClientConfig.builder().build(), clientEvents);
        c.invokeSync(addr, request(ECHO), 3000);
        await().atMost(Duration.ofSeconds(5)).until(() -> serverEvents.count("CONNECT") == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> clientEvents.count("CONNECT") == 1);
        assertEquals(addr, clientEvents.events.get(0).substring("CONNECT ".length()));
        c.closeChannels(Collections.singletonList(addr));
        await().atMost(Duration.ofSeconds(5)).until(() -> serverEvents.count("CLOSE") == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> clientEvents.count("CLOSE") == 1);
        assertEquals(Arrays.asList("CONNECT", "CLOSE"), serverEvents.kinds());
    }

    @Test
    void serverCallsTheClientThroughTheRemotingChannel() throws Exception {
        client.registerProcessor(RequestCode.GET_CONSUMER_RUNNING_INFO, (ch, req) -> {
            RemotingCommand resp = RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, "running");
            resp.setBody(req.getBody());
            return resp;
        }, null);
        client.invokeSync(addr, request(CALLBACK_FROM_SERVER), 3000);
        RemotingChannel ch = lastChannel.get();
        assertNotNull(ch);
        assertTrue(ch.isActive());
        RemotingCommand req = request(RequestCode.GET_CONSUMER_RUNNING_INFO);
        req.setBody(new byte[] {7});
        RemotingCommand resp = server.invokeSync(ch, req, 3000);
        assertEquals("running", resp.getRemark());
        assertArrayEquals(new byte[] {7}, resp.getBody());
        RemotingCommand unknown = server.invokeSync(ch, request(RequestCode.NOTIFY_CONSUMER_IDS_CHANGED), 3000);
        assertEquals(ResponseCode.REQUEST_CODE_NOT_SUPPORTED.code(), unknown.getCode());

        AtomicReference<ResponseFuture> async = new AtomicReference<>();
        server.invokeAsync(ch, request(RequestCode.GET_CONSUMER_RUNNING_INFO), 3000, async::set);
        await().atMost(Duration.ofSeconds(5)).until(() -> async.get() != null);
        assertEquals("running", async.get().getResponseCommand().getRemark());
        server.invokeOneway(ch, request(RequestCode.NOTIFY_CONSUMER_IDS_CHANGED), 3000);
        assertEquals(0, server.pendingCallCount());
    }

    @Test
    void processorMayAnswerLaterThroughTheChannel() throws Exception {
        server.registerProcessor(2002, (ch, req) -> {
            executor.execute(() -> ch.writeResponse(req.response(ResponseCode.SUCCESS.code(), "later")));
            return null;
        }, executor);
        RemotingCommand resp = client.invokeSync(addr, request(2002), 3000);
        assertEquals("later", resp.getRemark());
    }

    @Test
    void idleConnectionIsClosed() throws Exception {
        RecordingListener events = new RecordingListener();
        NettyRemotingServer idle = startServer(NettyServerConfig.builder().bindAddress("127.0.0.1")
            .serverChannelMaxIdleTimeSeconds(1).build(), events);
        String idleAddr = "127.0.0.1:" + idle.localListenPort();
        client.invokeSync(idleAddr, request(ECHO), 3000);
        await().atMost(Duration.ofSeconds(10)).until(() -> events.count("CLOSE") == 1);
        assertEquals(Arrays.asList("CONNECT", "IDLE", "CLOSE"), events.kinds());
        await().atMost(Duration.ofSeconds(5)).until(() -> !client.isChannelWritable(idleAddr));
        assertEquals(ResponseCode.SUCCESS.code(), client.invokeSync(idleAddr, request(ECHO), 3000).getCode());
    }

    @Test
    void nullAddressUsesAReachableNameServerAndSticksToIt() throws Exception {
        client.updateNameServerAddressList(Arrays.asList("127.0.0.1:1", addr));
        assertEquals(Arrays.asList("127.0.0.1:1", addr), client.getNameServerAddressList());
        for (int i = 0; i < 4; i++) {
            assertEquals(ResponseCode.SUCCESS.code(), client.invokeSync(null, request(ECHO), 3000).getCode());
            assertEquals(addr, client.getChosenNameServer());
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> serverEvents.count("CONNECT") == 1);
        assertEquals(1, server.connectionCount());
    }

    @Test
    void unreachableAddressIsAConnectException() {
        assertThrows(RemotingConnectException.class, () -> client.invokeSync("127.0.0.1:1", request(ECHO), 3000));
        client.updateNameServerAddressList(Collections.<String>emptyList());
        assertThrows(RemotingConnectException.class, () -> client.invokeSync(null, request(ECHO), 3000));
    }

    @Test
    void shutdownFailsPendingCalls() throws Exception {
        NettyRemotingClient c = startClient(NettyClientConfig.builder().build(), null);
        AtomicReference<ResponseFuture> done = new AtomicReference<>();
        c.invokeAsync(addr, request(SILENT), 60000, done::set);
        c.shutdown();
        await().atMost(Duration.ofSeconds(5)).until(() -> done.get() != null);
        assertNull(done.get().getResponseCommand());
        assertNotNull(done.get().getCause());
        assertEquals(0, c.pendingCallCount());
    }

    @Test
    void configsComeFromTheTables() {
        Config serverCfg = NettyServerConfig.TABLE.defaults();
        NettyServerConfig sc = NettyServerConfig.from(serverCfg, "127.0.0.1", 10911);
        assertEquals(8, sc.getServerWorkerThreads());
        assertEquals(3, sc.getServerSelectorThreads());
        assertEquals(256, sc.getServerOnewaySemaphoreValue());
        assertEquals(64, sc.getServerAsyncSemaphoreValue());
        assertEquals(120, sc.getServerChannelMaxIdleTimeSeconds());
        assertTrue(sc.isServerPooledByteBufAllocatorEnable());
        assertFalse(sc.isUseEpollNativeSelector());
        assertEquals(10911, sc.getListenPort());
        assertFalse(NettyServerConfig.TABLE.contains("listenPort"));
        assertEquals("0.0.0.0", NettyServerConfig.builder().build().getBindAddress());

        NettyClientConfig cc = NettyClientConfig.from(NettyClientConfig.TABLE.defaults()
            .with(NettyClientConfig.CONNECT_TIMEOUT_MILLIS, 1500));
        assertEquals(4, cc.getClientWorkerThreads());
        assertEquals(Runtime.getRuntime().availableProcessors(), cc.getClientCallbackExecutorThreads());
        assertEquals(65535, cc.getClientAsyncSemaphoreValue());
        assertEquals(65535, cc.getClientOnewaySemaphoreValue());
        assertEquals(1500, cc.getConnectTimeoutMillis());
        assertEquals(120, cc.getClientChannelMaxIdleTimeSeconds());
        assertTrue(cc.isClientCloseSocketIfTimeout());
    }

    @Test
    void epollServerWorksWhenAvailable() throws Exception {
        NettyRemotingServer s = startServer(NettyServerConfig.builder().bindAddress("127.0.0.1")
            .useEpollNativeSelector(true).build(), null);
        NettyRemotingClient c = startClient(NettyClientConfig.builder().useEpollNativeSelector(true).build(), null);
        RemotingCommand resp = c.invokeSync("127.0.0.1:" + s.localListenPort(), request(ECHO), 3000);
        assertEquals(ResponseCode.SUCCESS.code(), resp.getCode());
    }

    public static class RequiredHeader implements CommandCustomHeader {
        @CFNotNull
        private String topic;
    }

    private static final class RecordingHook implements RPCHook {
        private final List<String> calls;

        RecordingHook(List<String> calls) {
            this.calls = calls;
        }

        @Override
        public void doBeforeRequest(String remoteAddr, RemotingCommand request) {
            calls.add("before " + remoteAddr + " " + request.getCode());
            request.addExtField("hook", "hooked");
        }

        @Override
        public void doAfterResponse(String remoteAddr, RemotingCommand request, RemotingCommand response) {
            calls.add("after " + remoteAddr + " " + request.getCode() + " -> " + (response == null ? "null" : response.getCode()));
        }
    }

    static final class RecordingListener implements ChannelEventListener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void onChannelConnect(String remoteAddr, RemotingChannel channel) {
            events.add("CONNECT " + remoteAddr);
        }

        @Override
        public void onChannelClose(String remoteAddr, RemotingChannel channel) {
            events.add("CLOSE " + remoteAddr);
        }

        @Override
        public void onChannelException(String remoteAddr, RemotingChannel channel) {
            events.add("EXCEPTION " + remoteAddr);
        }

        @Override
        public void onChannelIdle(String remoteAddr, RemotingChannel channel) {
            events.add("IDLE " + remoteAddr);
        }

        long count(String kind) {
            return events.stream().filter(e -> e.startsWith(kind + " ")).count();
        }

        List<String> kinds() {
            List<String> out = new ArrayList<>();
            for (String e : events) {
                out.add(e.substring(0, e.indexOf(' ')));
            }
            return out;
        }
    }
}
