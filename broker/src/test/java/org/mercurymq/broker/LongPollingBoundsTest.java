package org.mercurymq.broker;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.common.sysflag.PullSysFlag;
import org.mercurymq.remoting.netty.NettyClientConfig;
import org.mercurymq.remoting.netty.NettyRemotingClient;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RemotingSerializable;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.body.KVTable;
import org.mercurymq.remoting.protocol.header.GetMaxOffsetRequestHeader;
import org.mercurymq.remoting.protocol.header.GetMaxOffsetResponseHeader;
import org.mercurymq.remoting.protocol.header.PullMessageRequestHeader;
import org.mercurymq.remoting.protocol.header.SendMessageRequestHeader;
import org.mercurymq.remoting.protocol.header.SendMessageRequestHeaderV2;

/**
 * Parked pulls are bounded (docs/reliability.md, "Hostile input"): the hold time is clamped, the excess
 * over the per-connection and total caps is answered at once, and a closed connection's pulls are dropped.
 * A broker in this JVM on real sockets; clients park pulls at the end of an empty queue.
 */
class LongPollingBoundsTest {
    private static final long ONE_DAY = 86_400_000L;

    @TempDir
    Path dir;

    private BrokerController broker;
    private final List<NettyRemotingClient> clients = new ArrayList<>();
    private String addr;

    private void start(String... extra) throws Exception {
        Map<String, String> conf = new HashMap<>(Map.of("brokerName", "b", "listenPort", "0", "bindAddress",
            "127.0.0.1", "brokerIP1", "127.0.0.1", "storePathRootDir", dir.resolve("store").toString(),
            "mappedFileSizeCommitLog", "1048576", "mappedFileSizeConsumeQueue", "6000", "maxHashSlotNum", "1000",
            "maxIndexNum", "4000"));
        conf.put("sendMessageThreadPoolNums", "1");
        for (int i = 0; i < extra.length; i += 2) {
            conf.put(extra[i], extra[i + 1]);
        }
        broker = new BrokerController(BrokerConfig.of(conf));
        broker.start();
        addr = "127.0.0.1:" + broker.listenPort();
        NettyRemotingClient c = client();
        SendMessageRequestHeader h = new SendMessageRequestHeader();
        h.setProducerGroup("PG");
        h.setTopic("LB");
        h.setDefaultTopic("TBW102");
        h.setDefaultTopicQueueNums(1);
        h.setQueueId(0);
        h.setSysFlag(0);
        h.setBornTimestamp(System.currentTimeMillis());
        h.setFlag(0);
        h.setProperties("");
        RemotingCommand send = RemotingCommand.createRequestCommand(RequestCode.SEND_MESSAGE_V2, SendMessageRequestHeaderV2.fromV1(h));
        send.setBody("m".getBytes(StandardCharsets.UTF_8));
        assertEquals(ResponseCode.SUCCESS.code(), c.invokeSync(addr, send, 5000).getCode());
        // the pulls below park at offset 1: wait until the message is dispatched, or they get PULL_OFFSET_MOVED
        GetMaxOffsetRequestHeader max = new GetMaxOffsetRequestHeader();
        max.setTopic("LB");
        max.setQueueId(0);
        await().atMost(Duration.ofSeconds(20)).until(() -> c.invokeSync(addr,
            RemotingCommand.createRequestCommand(RequestCode.GET_MAX_OFFSET, max), 5000)
            .decodeCommandCustomHeader(GetMaxOffsetResponseHeader.class).getOffset() == 1L);
    }

    private NettyRemotingClient client() {
        NettyRemotingClient c = new NettyRemotingClient(NettyClientConfig.builder().build());
        c.start();
        clients.add(c);
        return c;
    }

    @AfterEach
    void stop() {
        clients.forEach(NettyRemotingClient::shutdown);
        if (broker != null) {
            broker.shutdown();
        }
    }

    /** A long-polling pull at offset 1 (the end of queue LB/0) asking to be held {@code suspendMillis}. */
    private CompletableFuture<RemotingCommand> park(NettyRemotingClient c, long suspendMillis) throws Exception {
        PullMessageRequestHeader h = new PullMessageRequestHeader();
        h.setConsumerGroup("CG");
        h.setTopic("LB");
        h.setQueueId(0);
        h.setQueueOffset(1L);
        h.setMaxMsgNums(32);
        h.setSysFlag(PullSysFlag.buildSysFlag(false, true, true, false));
        h.setCommitOffset(0L);
        h.setSuspendTimeoutMillis(suspendMillis);
        h.setSubscription("*");
        h.setSubVersion(0L);
        h.setExpressionType("TAG");
        CompletableFuture<RemotingCommand> answer = new CompletableFuture<>();
        c.invokeAsync(addr, RemotingCommand.createRequestCommand(RequestCode.PULL_MESSAGE, h), 120_000, f -> {
            if (f.getResponseCommand() != null) {
                answer.complete(f.getResponseCommand());
            } else {
                answer.completeExceptionally(new IllegalStateException(String.valueOf(f)));
            }
        });
        return answer;
    }

    private int heldPulls() throws Exception {
        RemotingCommand r = clients.get(0).invokeSync(addr,
            RemotingCommand.createRequestCommand(RequestCode.GET_BROKER_RUNTIME_INFO, null), 5000);
        String held = RemotingSerializable.decode(r.getBody(), KVTable.class).getTable().get("longPollingHeldPulls");
        assertNotNull(held, "runtime info has longPollingHeldPulls");
        return Integer.parseInt(held);
    }

    @Test
    void aHugeSuspendTimeIsClampedToTheBrokersMaximum() throws Exception {
        start("longPollingMaxSuspendMillis", "1000");
        CompletableFuture<RemotingCommand> answer = park(client(), ONE_DAY);
        // held at most 1 s, answered by the next periodic check (every 5 s)
        RemotingCommand r = await().atMost(Duration.ofSeconds(20)).until(() -> answer.getNow(null), v -> v != null);
        assertEquals(ResponseCode.PULL_NOT_FOUND.code(), r.getCode());
        assertEquals(0, heldPulls());
    }

    @Test
    void theExcessOverThePerConnectionAndTotalCapsIsAnsweredAtOnce() throws Exception {
        start("longPollingMaxHeldPerConnection", "2", "longPollingMaxHeldTotal", "3");
        NettyRemotingClient a = client();
        List<CompletableFuture<RemotingCommand>> fromA = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            fromA.add(park(a, ONE_DAY));
        }
        CompletableFuture<RemotingCommand> refusedA = (CompletableFuture<RemotingCommand>) (CompletableFuture<?>)
            CompletableFuture.anyOf(fromA.toArray(new CompletableFuture[0]));
        assertEquals(ResponseCode.PULL_NOT_FOUND.code(), refusedA.get(10, java.util.concurrent.TimeUnit.SECONDS).getCode(),
            "the third pull of one connection is answered at once");
        await().atMost(Duration.ofSeconds(10)).until(() -> heldPulls() == 2);
        assertEquals(2, fromA.stream().filter(f -> !f.isDone()).count(), "two pulls of a stay parked");

        NettyRemotingClient b = client();
        CompletableFuture<RemotingCommand> heldB = park(b, ONE_DAY);
        await().atMost(Duration.ofSeconds(10)).until(() -> heldPulls() == 3);
        CompletableFuture<RemotingCommand> refusedB = park(b, ONE_DAY);
        assertEquals(ResponseCode.PULL_NOT_FOUND.code(), refusedB.get(10, java.util.concurrent.TimeUnit.SECONDS).getCode(),
            "past the total cap a pull is answered at once");
        assertEquals(false, heldB.isDone());
    }

    @Test
    void theParkedPullsOfAClosedConnectionAreDropped() throws Exception {
        start();
        NettyRemotingClient hostile = client();
        for (int i = 0; i < 50; i++) {
            park(hostile, ONE_DAY);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> heldPulls() == 50);
        clients.remove(hostile);
        hostile.shutdown();
        await().atMost(Duration.ofSeconds(10)).until(() -> heldPulls() == 0);
    }
}
