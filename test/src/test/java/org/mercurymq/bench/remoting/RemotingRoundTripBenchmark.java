package org.mercurymq.bench.remoting;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.mercurymq.remoting.netty.NettyClientConfig;
import org.mercurymq.remoting.netty.NettyRemotingClient;
import org.mercurymq.remoting.netty.NettyRemotingServer;
import org.mercurymq.remoting.netty.NettyServerConfig;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.SerializeType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Loopback round trips of a SEND_MESSAGE_V2-like request (1 KiB body) through NettyRemotingClient
 * and NettyRemotingServer: one sync call at a time, and async calls with at most {@value #WINDOW}
 * in flight. The server answers with a small response from a 4-thread executor.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RemotingRoundTripBenchmark {
    static final int WINDOW = 64;

    @Param({"JSON", "ROCKETMQ"})
    public SerializeType serializeType;

    private ExecutorService processors;
    private NettyRemotingServer server;
    private NettyRemotingClient client;
    private String addr;
    private final Semaphore window = new Semaphore(WINDOW);

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        processors = Executors.newFixedThreadPool(4);
        server = new NettyRemotingServer(NettyServerConfig.builder().bindAddress("127.0.0.1").listenPort(0).build());
        server.registerProcessor(RequestCode.SEND_MESSAGE_V2, (ch, req) -> {
            RemotingCommand resp = RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
            resp.addExtField("msgId", "7F0000010F8418B4AAC2742E0B3A0000");
            resp.addExtField("queueId", "2");
            resp.addExtField("queueOffset", "12345");
            return resp;
        }, processors);
        server.start();
        client = new NettyRemotingClient(NettyClientConfig.builder().build());
        client.start();
        addr = "127.0.0.1:" + server.localListenPort();
        client.invokeSync(addr, SendMessageRequests.create(serializeType), 3000);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        window.tryAcquire(WINDOW, 10, TimeUnit.SECONDS);
        client.shutdown();
        server.shutdown();
        processors.shutdownNow();
    }

    @Benchmark
    public RemotingCommand sync() throws Exception {
        return client.invokeSync(addr, SendMessageRequests.create(serializeType), 3000);
    }

    /** One async send; blocks while {@value #WINDOW} calls are in flight, so the score is the sustained rate. */
    @Benchmark
    public void async() throws Exception {
        window.acquire();
        try {
            client.invokeAsync(addr, SendMessageRequests.create(serializeType), 3000, f -> window.release());
        } catch (Exception e) {
            window.release();
            throw e;
        }
    }
}
