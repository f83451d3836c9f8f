package org.mercurymq.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.sysflag.PullSysFlag;
import org.mercurymq.remoting.netty.NettyClientConfig;
import org.mercurymq.remoting.netty.NettyRemotingClient;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.header.PullMessageRequestHeader;
import org.mercurymq.remoting.protocol.header.PullMessageResponseHeader;
import org.mercurymq.remoting.protocol.header.SendMessageRequestHeader;
import org.mercurymq.remoting.protocol.header.SendMessageRequestHeaderV2;
import org.mercurymq.remoting.protocol.header.SendMessageResponseHeader;

/** A broker in this JVM (port 0, no name server) driven over real sockets with Mercury's remoting client. */
class BrokerControllerTest {
    @TempDir
    Path dir;

    private BrokerController broker;
    private NettyRemotingClient client;
    private String addr;
    private String vipAddr;

    @BeforeEach
    void start() throws Exception {
        broker = new BrokerController(BrokerConfig.of(Map.of("brokerName", "b", "listenPort", "0", "bindAddress",
            "127.0.0.1", "brokerIP1", "127.0.0.1", "storePathRootDir", dir.resolve("store").toString(),
            "mappedFileSizeCommitLog", "1048576", "mappedFileSizeConsumeQueue", "6000", "maxHashSlotNum", "1000",
            "maxIndexNum", "4000", "sendMessageThreadPoolNums", "1")));
        broker.start();
        addr = "127.0.0.1:" + broker.listenPort();
        client = new NettyRemotingClient(NettyClientConfig.builder().build());
        client.start();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.shutdown();
        }
        if (broker != null) {
            broker.shutdown();
        }
    }

    private RemotingCommand send(String target, String topic, int queueId, String body) throws Exception {
        SendMessageRequestHeader h = new SendMessageRequestHeader();
        h.setProducerGroup("PG");
        h.setTopic(topic);
        h.setDefaultTopic("TBW102");
        h.setDefaultTopicQueueNums(4);
        h.setQueueId(queueId);
        h.setSysFlag(0);
        h.setBornTimestamp(System.currentTimeMillis());
        h.setFlag(0);
        h.setProperties("TAGS\u0001TagA\u0002WAIT\u0001true");
        RemotingCommand req = RemotingCommand.createRequestCommand(RequestCode.SEND_MESSAGE_V2,
            SendMessageRequestHeaderV2.fromV1(h));
        req.setBody(body.getBytes(StandardCharsets.UTF_8));
        return client.invokeSync(target, req, 5000);
    }

    private RemotingCommand pull(String target, String topic, int queueId, long offset, int sysFlag) throws Exception {
        PullMessageRequestHeader h = new PullMessageRequestHeader();
        h.setConsumerGroup("CG");
        h.setTopic(topic);
        h.setQueueId(queueId);
        h.setQueueOffset(offset);
        h.setMaxMsgNums(32);
        h.setSysFlag(sysFlag);
        h.setCommitOffset(0L);
        h.setSuspendTimeoutMillis(20_000L);
        h.setSubscription("*");
        h.setSubVersion(0L);
        h.setExpressionType("TAG");
        return client.invokeSync(target, RemotingCommand.createRequestCommand(RequestCode.PULL_MESSAGE, h), 30_000);
    }

    /** The consume queue is written asynchronously after the put: pull until the message is there. */
    private RemotingCommand pullFound(String target, String topic, int queueId, long offset) {
        RemotingCommand[] found = new RemotingCommand[1];
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> {
            found[0] = pull(target, topic, queueId, offset, PullSysFlag.buildSysFlag(false, false, true, false));
            return found[0].getCode() == ResponseCode.SUCCESS.code();
        });
        return found[0];
    }

    @Test
    void sendThenPullOverTheWire() throws Exception {
        RemotingCommand sent = send(addr, "T", 0, "hello");
        assertEquals(ResponseCode.SUCCESS.code(), sent.getCode());
        assertEquals(407, sent.getVersion());
        assertEquals("DefaultRegion", sent.getExtFields().get("MSG_REGION"));
        assertEquals("true", sent.getExtFields().get("TRACE_ON"));
        SendMessageResponseHeader sh = sent.decodeCommandCustomHeader(SendMessageResponseHeader.class);
        assertEquals(0, sh.getQueueId());
        assertEquals(0, sh.getQueueOffset());
        assertEquals(32, sh.getMsgId().length());

        RemotingCommand pulled = pullFound(addr, "T", 0, 0);
        PullMessageResponseHeader ph = pulled.decodeCommandCustomHeader(PullMessageResponseHeader.class);
        assertEquals(1, ph.getNextBeginOffset());
        assertEquals(1, ph.getMaxOffset());
        assertEquals(0, ph.getSuggestWhichBrokerId());
        List<MessageExt> msgs = MessageDecoder.decodes(ByteBuffer.wrap(pulled.getBody()));
        assertEquals(1, msgs.size());
        assertEquals("hello", new String(msgs.get(0).getBody(), StandardCharsets.UTF_8));
        assertEquals("TagA", msgs.get(0).getTags());
        assertEquals("DefaultCluster", msgs.get(0).getProperty("CLUSTER"));

        RemotingCommand empty = pull(addr, "T", 0, 1, PullSysFlag.buildSysFlag(false, false, true, false));
        assertEquals(ResponseCode.PULL_NOT_FOUND.code(), empty.getCode());
        RemotingCommand moved = pull(addr, "T", 0, 50, PullSysFlag.buildSysFlag(false, false, true, false));
        assertEquals(ResponseCode.PULL_OFFSET_MOVED.code(), moved.getCode());
        assertEquals(1, moved.decodeCommandCustomHeader(PullMessageResponseHeader.class).getNextBeginOffset());
    }

    @Test
    void aLongPollingPullIsAnsweredWhenAMessageArrives() throws Exception {
        assertEquals(ResponseCode.SUCCESS.code(), send(addr, "LP", 1, "first").getCode());
        pullFound(addr, "LP", 1, 0);
        CompletableFuture<RemotingCommand> parked = CompletableFuture.supplyAsync(() -> {
            try {
                return pull(addr, "LP", 1, 1, PullSysFlag.buildSysFlag(false, true, true, false));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).pollDelay(java.time.Duration.ofMillis(200))
            .until(() -> !parked.isDone());
        assertEquals(ResponseCode.SUCCESS.code(), send(addr, "LP", 1, "second").getCode());
        RemotingCommand answer = parked.get(10, TimeUnit.SECONDS);
        assertEquals(ResponseCode.SUCCESS.code(), answer.getCode());
        assertEquals("second", new String(MessageDecoder.decodes(ByteBuffer.wrap(answer.getBody())).get(0).getBody(),
            StandardCharsets.UTF_8));
    }

    @Test
    void unknownCodesAndPullsOnTheVipPortAreNotSupported() throws Exception {
        RemotingCommand unknown = client.invokeSync(addr, RemotingCommand.createRequestCommand(9999, null), 5000);
        assertEquals(ResponseCode.REQUEST_CODE_NOT_SUPPORTED.code(), unknown.getCode());
        String vip = "127.0.0.1:" + broker.vipListenPort();
        assertEquals(ResponseCode.SUCCESS.code(), send(vip, "Vip", 0, "via vip").getCode(), "the VIP port takes sends");
        RemotingCommand vipPull = pull(vip, "Vip", 0, 0, PullSysFlag.buildSysFlag(false, false, true, false));
        assertEquals(ResponseCode.REQUEST_CODE_NOT_SUPPORTED.code(), vipPull.getCode());
        assertEquals(ResponseCode.SUCCESS.code(), pullFound(addr, "Vip", 0, 0).getCode(), "the main port serves pulls");
        RemotingCommand runtime = client.invokeSync(vip,
            RemotingCommand.createRequestCommand(RequestCode.GET_BROKER_RUNTIME_INFO, null), 5000);
        assertEquals(ResponseCode.SUCCESS.code(), runtime.getCode());
        assertEquals(407, runtime.getVersion());
        assertNotNull(runtime.getBody());
    }

    @Test
    void theLongNameSendHeaderOfCode10IsServedToo() throws Exception {
        SendMessageRequestHeader h = new SendMessageRequestHeader();
        h.setProducerGroup("PG");
        h.setTopic("V1");
        h.setDefaultTopic("TBW102");
        h.setDefaultTopicQueueNums(4);
        h.setQueueId(-1);
        h.setSysFlag(0);
        h.setBornTimestamp(System.currentTimeMillis());
        h.setFlag(0);
        RemotingCommand req = RemotingCommand.createRequestCommand(RequestCode.SEND_MESSAGE, h);
        req.setBody("v1".getBytes(StandardCharsets.UTF_8));
        RemotingCommand r = client.invokeSync(addr, req, 5000);
        assertEquals(ResponseCode.SUCCESS.code(), r.getCode());
        int queueId = r.decodeCommandCustomHeader(SendMessageResponseHeader.class).getQueueId();
        assertTrue(queueId >= 0 && queueId < 4, "a random queue of the auto-created topic");
    }

    @Test
    void aSlaveRefusesWritesServesReadsAndKeepsPullOffsets() throws Exception {
        BrokerController slave = new BrokerController(BrokerConfig.of(Map.of("brokerName", "b", "listenPort", "0",
            "bindAddress", "127.0.0.1", "brokerIP1", "127.0.0.1", "storePathRootDir", dir.resolve("slave").toString(),
            "mappedFileSizeCommitLog", "1048576", "brokerRole", "SLAVE", "brokerId", "1")));
        slave.start();
        try {
            String slaveAddr = "127.0.0.1:" + slave.listenPort();
            assertEquals(1, slave.config().brokerId());
            assertEquals(ResponseCode.SERVICE_NOT_AVAILABLE.code(), send(slaveAddr, "TBW102", 0, "x").getCode());
            int flags = PullSysFlag.buildSysFlag(false, false, true, false);
            assertEquals(ResponseCode.PULL_NOT_FOUND.code(), pull(slaveAddr, "TBW102", 0, 0, flags).getCode(),
                "a slave serves reads itself");
            RemotingCommand moved = pull(slaveAddr, "TBW102", 0, 7, flags);
            assertEquals(ResponseCode.PULL_RETRY_IMMEDIATELY.code(), moved.getCode(),
                "a slave without offsetCheckInSlave does not correct offsets");
            PullMessageResponseHeader h = moved.decodeCommandCustomHeader(PullMessageResponseHeader.class);
            assertEquals(7L, h.getNextBeginOffset());
            assertEquals(0L, h.getSuggestWhichBrokerId());
        } finally {
            slave.shutdown();
        }
    }

    @Test
    void shutdownPersistsMetadataAndRemovesTheAbortFile() throws Exception {
        assertEquals(ResponseCode.SUCCESS.code(), send(addr, "Persisted", 0, "x").getCode());
        assertTrue(Files.exists(dir.resolve("store/abort")));
        broker.shutdown();
        assertTrue(Files.notExists(dir.resolve("store/abort")));
        assertTrue(Files.readString(dir.resolve("store/config/topics.json")).contains("\"Persisted\""));
        assertTrue(Files.exists(dir.resolve("store/config/consumerOffset.json")));
        assertTrue(Files.exists(dir.resolve("store/config/subscriptionGroup.json")));
        assertTrue(Files.exists(dir.resolve("store/config/delayOffset.json")));
        broker = null;
    }
}
