package org.mercurymq.remoting.netty;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.remoting.RPCHook;
import org.mercurymq.remoting.protocol.BodyRegion;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RemotingCommandCodec;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.SerializeType;

/**
 * Responses whose body is a {@link BodyRegion} (the zero-copy pull): views of a mapped file go to a real socket after
 * the encoded header, arrive as the same bytes a byte[] body gives, and the region is released exactly once, also
 * when an RPC hook fails the request after the processor built the response.
 */
class BodyRegionTransferTest {
    private static final int REGION = 2001;
    private static final int HOOK_FAILS = 2002;
    /** Slices of the mapped file: {offset, length}; an empty one and a large one among them. */
    private static final int[][] SLICES = {{0, 1}, {17, 0}, {4096, 1000}, {100, 300_000}, {500_000, 4096}};

    @TempDir
    Path dir;

    private final AtomicInteger released = new AtomicInteger();
    private final AtomicInteger built = new AtomicInteger();
    private ExecutorService executor;
    private NettyRemotingServer server;
    private NettyRemotingClient client;
    private MappedByteBuffer mapped;
    private byte[] expected;
    private String addr;

    @BeforeEach
    void setUp() throws Exception {
        byte[] content = new byte[1 << 20];
        new Random(7).nextBytes(content);
        try (FileChannel ch = FileChannel.open(dir.resolve("segment"), StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE)) {
            mapped = ch.map(FileChannel.MapMode.READ_WRITE, 0, content.length);
        }
        mapped.put(content);
        ((Buffer) mapped).clear();
        ByteArrayOutputStream want = new ByteArrayOutputStream();
        for (int[] s : SLICES) {
            want.write(content, s[0], s[1]);
        }
        expected = want.toByteArray();

        executor = Executors.newFixedThreadPool(4, new NamedThreadFactory("RegionTest", true));
        server = new NettyRemotingServer(NettyServerConfig.builder().bindAddress("127.0.0.1").listenPort(0).build());
        server.registerProcessor(REGION, (ch, req) -> regionResponse(), executor);
        server.registerProcessor(HOOK_FAILS, (ch, req) -> regionResponse(), executor);
        server.registerRPCHook(new RPCHook() {
            @Override
            public void doBeforeRequest(String remoteAddr, RemotingCommand request) {
            }

            @Override
            public void doAfterResponse(String remoteAddr, RemotingCommand request, RemotingCommand response) {
                if (request.getCode() == HOOK_FAILS) {
                    throw new IllegalStateException("hook refuses");
                }
            }
        });
        server.start();
        addr = "127.0.0.1:" + server.localListenPort();
        client = new NettyRemotingClient(NettyClientConfig.builder().build());
        client.start();
    }

    @AfterEach
    void tearDown() {
        client.shutdown();
        server.shutdown();
        executor.shutdownNow();
    }

    private RemotingCommand regionResponse() {
        built.incrementAndGet();
        RemotingCommand resp = RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, "region");
        resp.setBodyRegion(new BodyRegion() {
            private final AtomicInteger releases = new AtomicInteger();

            @Override
            public int length() {
                return expected.length;
            }

            @Override
            public ByteBuffer[] buffers() {
                ByteBuffer[] out = new ByteBuffer[SLICES.length];
                for (int i = 0; i < SLICES.length; i++) {
                    ByteBuffer b = mapped.duplicate();
                    ((Buffer) b).limit(SLICES[i][0] + SLICES[i][1]);
                    ((Buffer) b).position(SLICES[i][0]);
                    out[i] = b.slice();
                }
                return out;
            }

            @Override
            public void release() {
                if (releases.incrementAndGet() == 1) {
                    released.incrementAndGet();
                }
            }
        });
        return resp;
    }

    @Test
    void regionBodyArrivesAsTheMappedBytesAndIsReleasedOnce() throws Exception {
        for (SerializeType type : SerializeType.values()) {
            RemotingCommand request = RemotingCommand.createRequestCommand(REGION, null);
            request.setSerializeTypeCurrentRPC(type);
            RemotingCommand response = client.invokeSync(addr, request, 5_000);
            assertEquals(ResponseCode.SUCCESS.code(), response.getCode());
            assertEquals("region", response.getRemark());
            assertArrayEquals(expected, response.getBody(), type + ": the body is the slices' bytes in order");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> released.get() == built.get());
        assertEquals(SerializeType.values().length, released.get());
    }

    @Test
    void manyConcurrentRegionResponsesAreEachWholeAndReleased() throws Exception {
        List<CompletableFuture<RemotingCommand>> answers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            CompletableFuture<RemotingCommand> f = new CompletableFuture<>();
            client.invokeAsync(addr, RemotingCommand.createRequestCommand(REGION, null), 10_000, rf -> {
                if (rf.getResponseCommand() != null) {
                    f.complete(rf.getResponseCommand());
                } else {
                    f.completeExceptionally(new IllegalStateException("no response", rf.getCause()));
                }
            });
            answers.add(f);
        }
        for (CompletableFuture<RemotingCommand> f : answers) {
            assertArrayEquals(expected, f.get(20, TimeUnit.SECONDS).getBody());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> released.get() == 100);
        assertEquals(100, built.get());
    }

    @Test
    void aResponseDroppedByAFailingHookIsReleased() throws Exception {
        RemotingCommand response = client.invokeSync(addr, RemotingCommand.createRequestCommand(HOOK_FAILS, null), 5_000);
        assertEquals(ResponseCode.SYSTEM_ERROR.code(), response.getCode(), "the hook's failure is reported");
        await().atMost(Duration.ofSeconds(10)).until(() -> released.get() == 1);
        assertEquals(1, built.get());
    }

    @Test
    void encodeToBytesIncludesTheRegion() {
        RemotingCommand withRegion = regionResponse();
        RemotingCommand withBytes = RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, "region");
        withBytes.setBody(expected);
        withBytes.setOpaque(withRegion.getOpaque());
        assertArrayEquals(RemotingCommandCodec.encodeToBytes(withBytes), RemotingCommandCodec.encodeToBytes(withRegion));
        withRegion.releaseBodyRegion();
        withRegion.releaseBodyRegion();
        assertEquals(1, released.get(), "released once");
    }
}
