package org.mercurymq.broker.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.broker.BrokerConfig;
import org.mercurymq.broker.BrokerController;
import org.mercurymq.common.consumer.ConsumeFromWhere;
import org.mercurymq.common.filter.ExpressionType;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.protocol.heartbeat.ConsumeType;
import org.mercurymq.common.protocol.heartbeat.ConsumerData;
import org.mercurymq.common.protocol.heartbeat.HeartbeatData;
import org.mercurymq.common.protocol.heartbeat.MessageModel;
import org.mercurymq.common.protocol.heartbeat.SubscriptionData;
import org.mercurymq.common.sysflag.PullSysFlag;
import org.mercurymq.remoting.netty.NettyClientConfig;
import org.mercurymq.remoting.netty.NettyRemotingClient;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RemotingSerializable;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.header.PullMessageRequestHeader;
import org.mercurymq.remoting.protocol.header.SendMessageRequestHeader;
import org.mercurymq.remoting.protocol.header.SendMessageRequestHeaderV2;

/** SQL92 pulls against a broker in this JVM over real sockets: header and heartbeat filters, codes, long polling. */
class SqlFilterPullTest {
    private static final int FLAG_WITH_SUBSCRIPTION = PullSysFlag.buildSysFlag(false, false, true, false);
    private static final int FLAG_HEARTBEAT_SUBSCRIPTION = PullSysFlag.buildSysFlag(false, false, false, false);

    @TempDir
    Path dir;
    private BrokerController broker;
    private NettyRemotingClient client;
    private String addr;

    @BeforeEach
    void start() throws Exception {
        broker = new BrokerController(BrokerConfig.of(Map.of("brokerName", "b", "listenPort", "0", "bindAddress",
            "127.0.0.1", "brokerIP1", "127.0.0.1", "storePathRootDir", dir.resolve("store").toString(),
            "mappedFileSizeCommitLog", "1048576", "mappedFileSizeConsumeQueue", "6000", "maxHashSlotNum", "1000",
            "maxIndexNum", "4000", "enablePropertyFilter", "true")));
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

    private void send(String topic, String a) throws Exception {
        SendMessageRequestHeader h = new SendMessageRequestHeader();
        h.setProducerGroup("PG");
        h.setTopic(topic);
        h.setDefaultTopic("TBW102");
        h.setDefaultTopicQueueNums(1);
        h.setQueueId(0);
        h.setSysFlag(0);
        h.setBornTimestamp(System.currentTimeMillis());
        h.setFlag(0);
        h.setProperties("a\u0001" + a + "\u0002WAIT\u0001true");
        RemotingCommand req = RemotingCommand.createRequestCommand(RequestCode.SEND_MESSAGE_V2,
            SendMessageRequestHeaderV2.fromV1(h));
        req.setBody(("a=" + a).getBytes(StandardCharsets.UTF_8));
        assertEquals(ResponseCode.SUCCESS.code(), client.invokeSync(addr, req, 15_000).getCode());
    }

    private RemotingCommand pull(String topic, long offset, int sysFlag, String sql, long subVersion) throws Exception {
        PullMessageRequestHeader h = new PullMessageRequestHeader();
        h.setConsumerGroup("CG");
        h.setTopic(topic);
        h.setQueueId(0);
        h.setQueueOffset(offset);
        h.setMaxMsgNums(32);
        h.setSysFlag(sysFlag);
        h.setCommitOffset(0L);
        h.setSuspendTimeoutMillis(20_000L);
        h.setSubscription(sql);
        h.setSubVersion(subVersion);
        h.setExpressionType(ExpressionType.SQL92);
        return client.invokeSync(addr, RemotingCommand.createRequestCommand(RequestCode.PULL_MESSAGE, h), 30_000);
    }

    private static List<String> bodies(RemotingCommand response) {
        return MessageDecoder.decodes(ByteBuffer.wrap(response.getBody())).stream()
            .map(m -> new String(m.getBody(), StandardCharsets.UTF_8)).collect(Collectors.toList());
    }

    private void heartbeat(String topic, String sql, long version) throws Exception {
        SubscriptionData sd = new SubscriptionData(topic, sql);
        sd.setExpressionType(ExpressionType.SQL92);
        sd.setSubVersion(version);
        ConsumerData cd = new ConsumerData();
        cd.setGroupName("CG");
        cd.setConsumeType(ConsumeType.CONSUME_PASSIVELY);
        cd.setMessageModel(MessageModel.CLUSTERING);
        cd.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        cd.getSubscriptionDataSet().add(sd);
        HeartbeatData hb = new HeartbeatData();
        hb.setClientID("client-1");
        hb.getConsumerDataSet().add(cd);
        RemotingCommand req = RemotingCommand.createRequestCommand(RequestCode.HEART_BEAT, null);
        req.setBody(RemotingSerializable.encode(hb));
        assertEquals(ResponseCode.SUCCESS.code(), client.invokeSync(addr, req, 15_000).getCode());
    }

    private void sendThree(String topic) throws Exception {
        for (String a : new String[] {"1", "5", "10"}) {
            send(topic, a);
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
            pull(topic, 0, FLAG_WITH_SUBSCRIPTION, "TRUE", 0).getCode() == ResponseCode.SUCCESS.code()
                && bodies(pull(topic, 0, FLAG_WITH_SUBSCRIPTION, "TRUE", 0)).size() == 3);
    }

    @Test
    void theHeaderExpressionFiltersAndOneThatDoesNotCompileIsAnsweredWith23() throws Exception {
        sendThree("S");
        RemotingCommand found = pull("S", 0, FLAG_WITH_SUBSCRIPTION, "a > 3", 0);
        assertEquals(ResponseCode.SUCCESS.code(), found.getCode());
        assertEquals(List.of("a=5", "a=10"), bodies(found));
        RemotingCommand none = pull("S", 0, FLAG_WITH_SUBSCRIPTION, "a > 100", 0);
        assertEquals(ResponseCode.PULL_RETRY_IMMEDIATELY.code(), none.getCode());
        RemotingCommand bad = pull("S", 0, FLAG_WITH_SUBSCRIPTION, "a > 'x'", 0);
        assertEquals(ResponseCode.SUBSCRIPTION_PARSE_FAILED.code(), bad.getCode());
        assertTrue(bad.getRemark().contains("cannot be compared"), bad.getRemark());
    }

    @Test
    void thePushConsumerPathUsesTheHeartbeatFilterAnd27NamesTheCompileError() throws Exception {
        sendThree("H");
        heartbeat("H", "a BETWEEN 3 AND 1", 100);
        RemotingCommand missing = pull("H", 0, FLAG_HEARTBEAT_SUBSCRIPTION, null, 100);
        assertEquals(ResponseCode.FILTER_DATA_NOT_EXIST.code(), missing.getCode());
        assertTrue(missing.getRemark().contains("Illegal values of between"), missing.getRemark());

        heartbeat("H", "a <= 5", 200);
        RemotingCommand found = pull("H", 0, FLAG_HEARTBEAT_SUBSCRIPTION, null, 200);
        assertEquals(ResponseCode.SUCCESS.code(), found.getCode());
        assertEquals(List.of("a=1", "a=5"), bodies(found));

        broker.shutdown();
        String file = Files.readString(dir.resolve("store/config/consumerFilter.json"));
        assertTrue(file.contains("\"expression\":\"a <= 5\""), file);
        broker = null;
    }

    @Test
    void aParkedPullIsWokenOnlyByAMatchingMessage() throws Exception {
        sendThree("L");
        int suspend = PullSysFlag.buildSysFlag(false, true, true, false);
        CompletableFuture<RemotingCommand> parked = CompletableFuture.supplyAsync(() -> {
            try {
                return pull("L", 3, suspend, "a > 100", 0);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ofMillis(200)).until(() -> !parked.isDone());
        // a non-matching arrival must not wake it: a woken pull is answered at once, with 20 had nothing matched
        send("L", "7");
        Awaitility.await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3)).until(() -> !parked.isDone());
        send("L", "200");
        RemotingCommand answer = parked.get(15, TimeUnit.SECONDS);
        assertEquals(ResponseCode.SUCCESS.code(), answer.getCode());
        List<MessageExt> msgs = MessageDecoder.decodes(ByteBuffer.wrap(answer.getBody()));
        assertEquals(List.of("a=200"), msgs.stream().map(m -> new String(m.getBody(), StandardCharsets.UTF_8))
            .collect(Collectors.toList()));
    }
}
