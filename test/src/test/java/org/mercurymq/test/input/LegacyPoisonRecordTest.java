package org.mercurymq.test.input;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.broker.BrokerConfig;
import org.mercurymq.broker.BrokerController;
import org.mercurymq.client.consumer.DefaultMQPullConsumer;
import org.mercurymq.client.consumer.PullResult;
import org.mercurymq.client.consumer.PullStatus;
import org.mercurymq.common.config.Config;
import org.mercurymq.common.message.BodyCompression;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.common.sysflag.MessageSysFlag;
import org.mercurymq.namesrv.NamesrvConfig;
import org.mercurymq.namesrv.NamesrvController;
import org.mercurymq.remoting.netty.NettyClientConfig;
import org.mercurymq.remoting.netty.NettyRemotingClient;
import org.mercurymq.remoting.netty.NettyServerConfig;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.header.CreateTopicRequestHeader;
import org.mercurymq.store.DefaultMessageStore;
import org.mercurymq.store.MessageExtBrokerInner;
import org.mercurymq.store.MessageStoreConfig;

/**
 * A store that already holds poison records (written before the broker refused them: a body flagged compressed
 * that is not zlib, an empty body) between good ones: Mercury's pull consumer, through a real name server and
 * broker, gets all four records in one pull, so nothing after the poison is lost and the queue moves on.
 */
class LegacyPoisonRecordTest {
    private static final String TOPIC = "LegacyPoison";

    @TempDir
    Path dir;

    private NamesrvController namesrv;
    private BrokerController broker;
    private NettyRemotingClient admin;
    private DefaultMQPullConsumer consumer;

    @AfterEach
    void stop() {
        if (consumer != null) {
            consumer.shutdown();
        }
        if (admin != null) {
            admin.shutdown();
        }
        if (broker != null) {
            broker.shutdown();
        }
        if (namesrv != null) {
            namesrv.shutdown();
        }
    }

    private Map<String, String> storeKeys() {
        Map<String, String> raw = new HashMap<>();
        raw.put("storePathRootDir", dir.resolve("store").toString());
        raw.put("mappedFileSizeCommitLog", "1048576");
        raw.put("mappedFileSizeConsumeQueue", "6000");
        raw.put("maxHashSlotNum", "1000");
        raw.put("maxIndexNum", "4000");
        return raw;
    }

    private static MessageExtBrokerInner record(byte[] body, int sysFlag) {
        MessageExtBrokerInner m = new MessageExtBrokerInner();
        m.setTopic(TOPIC);
        m.setQueueId(0);
        m.setBody(body);
        m.setSysFlag(sysFlag);
        m.setBornTimestamp(System.currentTimeMillis());
        m.setBornHost(new InetSocketAddress("127.0.0.1", 40000));
        m.setStoreHost(new InetSocketAddress("127.0.0.1", 10911));
        m.setPropertiesString("");
        return m;
    }

    private void writeLegacyStore(byte[] notZlib) {
        DefaultMessageStore store = new DefaultMessageStore(
            new MessageStoreConfig(MessageStoreConfig.TABLE.parse(storeKeys(), w -> { })), Clock.systemUTC(), null);
        store.load();
        store.start();
        try {
            store.putMessage(record("first".getBytes(StandardCharsets.UTF_8), 0));
            store.putMessage(record(notZlib, MessageSysFlag.COMPRESSED_FLAG));
            store.putMessage(record(new byte[0], 0));
            store.putMessage(record(BodyCompression.compress("last".getBytes(StandardCharsets.UTF_8), 5),
                MessageSysFlag.COMPRESSED_FLAG));
            await().atMost(Duration.ofSeconds(10)).until(() -> store.getMaxOffsetInQueue(TOPIC, 0) == 4);
        } finally {
            store.shutdown();
        }
    }

    @Test
    void pullDeliversEveryRecordAroundStoredPoison() throws Exception {
        byte[] notZlib = "not zlib at all".getBytes(StandardCharsets.UTF_8);
        writeLegacyStore(notZlib);

        Config cfg = NamesrvConfig.TABLE.defaults()
            .with(NamesrvConfig.LISTEN_PORT, 0)
            .with(NamesrvConfig.BIND_ADDRESS, "127.0.0.1")
            .with(NamesrvConfig.KV_CONFIG_PATH, dir.resolve("kvConfig.json").toString())
            .with(NamesrvConfig.CONFIG_STORE_PATH, dir.resolve("namesrv.properties").toString())
            .with(NettyServerConfig.SERVER_WORKER_THREADS, 2)
            .with(NettyServerConfig.SERVER_SELECTOR_THREADS, 1);
        namesrv = new NamesrvController(new NamesrvConfig(cfg), System::currentTimeMillis);
        namesrv.start();
        String namesrvAddr = "127.0.0.1:" + namesrv.listenPort();
        Map<String, String> keys = storeKeys();
        keys.putAll(Map.of("brokerName", "legacy", "listenPort", "0", "bindAddress", "127.0.0.1",
            "brokerIP1", "127.0.0.1", "namesrvAddr", namesrvAddr));
        broker = new BrokerController(BrokerConfig.of(keys));
        broker.start();

        admin = new NettyRemotingClient(NettyClientConfig.builder().build());
        admin.start();
        CreateTopicRequestHeader create = new CreateTopicRequestHeader();
        create.setTopic(TOPIC);
        create.setDefaultTopic("TBW102");
        create.setReadQueueNums(1);
        create.setWriteQueueNums(1);
        create.setPerm(6);
        create.setTopicFilterType("SINGLE_TAG");
        create.setTopicSysFlag(0);
        create.setOrder(false);
        assertEquals(ResponseCode.SUCCESS.code(), admin.invokeSync("127.0.0.1:" + broker.listenPort(),
            RemotingCommand.createRequestCommand(RequestCode.UPDATE_AND_CREATE_TOPIC, create), 5000).getCode());
        await().atMost(Duration.ofSeconds(30)).until(() -> namesrv.routes().pickupTopicRouteData(TOPIC) != null);

        consumer = new DefaultMQPullConsumer("legacy-poison-reader");
        consumer.setNamesrvAddr(namesrvAddr);
        consumer.setInstanceName("legacy-poison-" + ProcessHandle.current().pid());
        consumer.start();
        PullResult result = consumer.pull(new MessageQueue(TOPIC, "legacy", 0), "*", 0, 32);

        assertEquals(PullStatus.FOUND, result.getPullStatus());
        List<MessageExt> msgs = result.getMsgFoundList();
        assertEquals(4, msgs.size(), "every record of the pull is delivered");
        assertEquals("first", new String(msgs.get(0).getBody(), StandardCharsets.UTF_8));
        assertArrayEquals(notZlib, msgs.get(1).getBody(), "the undecodable body as stored");
        assertArrayEquals(new byte[0], msgs.get(2).getBody(), "the empty body as an empty array");
        assertEquals("last", new String(msgs.get(3).getBody(), StandardCharsets.UTF_8));
        assertEquals(4, result.getNextBeginOffset(), "the queue moves past the poison records");
    }
}
