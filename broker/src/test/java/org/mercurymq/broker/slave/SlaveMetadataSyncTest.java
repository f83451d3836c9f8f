package org.mercurymq.broker.slave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.broker.BrokerConfig;
import org.mercurymq.broker.BrokerController;
import org.mercurymq.broker.metadata.ConsumerOffsetManager;
import org.mercurymq.broker.metadata.JsonConfigFile;
import org.mercurymq.broker.metadata.SubscriptionGroupManager;
import org.mercurymq.broker.metadata.TopicConfigManager;
import org.mercurymq.broker.schedule.ScheduleMessageService;
import org.mercurymq.common.DataVersion;
import org.mercurymq.common.subscription.SubscriptionGroupConfig;
import org.mercurymq.remoting.netty.NettyClientConfig;
import org.mercurymq.remoting.netty.NettyRemotingClient;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RemotingSerializable;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.header.CreateTopicRequestHeader;
import org.mercurymq.remoting.protocol.header.DeleteTopicRequestHeader;
import org.mercurymq.remoting.protocol.header.UpdateConsumerOffsetRequestHeader;
import org.mercurymq.store.DelayLevels;

/** A real master broker in this JVM (port 0) and a slave's metadata managers filled from it over real sockets. */
class SlaveMetadataSyncTest {
    @TempDir
    Path dir;

    private BrokerController master;
    private NettyRemotingClient client;
    private String masterAddr;
    private TopicConfigManager topics;
    private ConsumerOffsetManager offsets;
    private SubscriptionGroupManager groups;
    private ScheduleMessageService delay;

    @BeforeEach
    void start() throws Exception {
        master = new BrokerController(BrokerConfig.of(Map.of("brokerName", "b", "listenPort", "0", "bindAddress",
            "127.0.0.1", "brokerIP1", "127.0.0.1", "storePathRootDir", dir.resolve("master").toString(),
            "mappedFileSizeCommitLog", "1048576")));
        master.start();
        masterAddr = "127.0.0.1:" + master.listenPort();
        client = new NettyRemotingClient(NettyClientConfig.builder().build());
        client.start();
        Path slaveConfig = dir.resolve("slave/config");
        BrokerConfig slave = BrokerConfig.of(Map.of("brokerName", "b", "brokerRole", "SLAVE", "brokerId", "1"));
        topics = new TopicConfigManager(() -> slave, new JsonConfigFile(slaveConfig.resolve("topics.json")), () -> 1L);
        offsets = new ConsumerOffsetManager(new JsonConfigFile(slaveConfig.resolve("consumerOffset.json")));
        groups = new SubscriptionGroupManager(new JsonConfigFile(slaveConfig.resolve("subscriptionGroup.json")),
            () -> true, () -> 1L);
        delay = new ScheduleMessageService(null, DelayLevels.parse("1s 5s"),
            new JsonConfigFile(slaveConfig.resolve("delayOffset.json")), new InetSocketAddress("127.0.0.1", 1), "c",
            () -> 1L, 10_000, new org.mercurymq.broker.stats.BrokerStatsManager("c", true, () -> false, () -> 1L,
                java.time.ZoneOffset.UTC), true);
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.shutdown();
        }
        if (master != null) {
            master.shutdown();
        }
    }

    private void onMaster(RemotingCommand request) throws Exception {
        assertEquals(ResponseCode.SUCCESS.code(), client.invokeSync(masterAddr, request, 5000).getCode());
    }

    private void createTopicOnMaster(String topic) throws Exception {
        CreateTopicRequestHeader h = new CreateTopicRequestHeader();
        h.setTopic(topic);
        h.setDefaultTopic("TBW102");
        h.setReadQueueNums(3);
        h.setWriteQueueNums(3);
        h.setPerm(6);
        h.setTopicFilterType("SINGLE_TAG");
        h.setOrder(false);
        onMaster(RemotingCommand.createRequestCommand(RequestCode.UPDATE_AND_CREATE_TOPIC, h));
    }

    @Test
    void copiesTheMastersTablesAndPersistsThem() throws Exception {
        createTopicOnMaster("Replicated");
        RemotingCommand group = RemotingCommand.createRequestCommand(RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP, null);
        group.setBody(RemotingSerializable.encode(new SubscriptionGroupConfig("GroupFromMaster")));
        onMaster(group);
        UpdateConsumerOffsetRequestHeader o = new UpdateConsumerOffsetRequestHeader();
        o.setConsumerGroup("GroupFromMaster");
        o.setTopic("Replicated");
        o.setQueueId(2);
        o.setCommitOffset(42L);
        onMaster(RemotingCommand.createRequestCommand(RequestCode.UPDATE_CONSUMER_OFFSET, o));
        offsets.commitOffset("local", "OnlyOnSlave", "Replicated", 0, 5);

        SlaveMetadataSync sync = new SlaveMetadataSync(client, () -> masterAddr, topics, offsets, delay, groups);
        sync.syncOnce(masterAddr);

        assertNotNull(topics.selectTopicConfig("Replicated"));
        assertEquals(3, topics.selectTopicConfig("Replicated").getReadQueueNums());
        assertNotNull(groups.get("GroupFromMaster"));
        assertEquals(42L, offsets.queryOffset("GroupFromMaster", "Replicated", 2));
        assertEquals(-1L, offsets.queryOffset("OnlyOnSlave", "Replicated", 0), "the master's offsets replace the slave's");
        assertTrue(Files.readString(dir.resolve("slave/config/topics.json")).contains("Replicated"));
        assertTrue(Files.readString(dir.resolve("slave/config/consumerOffset.json")).contains("GroupFromMaster"));
        assertTrue(Files.readString(dir.resolve("slave/config/subscriptionGroup.json")).contains("GroupFromMaster"));
        assertTrue(Files.exists(dir.resolve("slave/config/delayOffset.json")));
        assertFalse(topics.replaceAllFromMaster(topics.snapshot()), "same data version: nothing to replace");

        onMaster(RemotingCommand.createRequestCommand(RequestCode.DELETE_TOPIC_IN_BROKER, deleteHeader("Replicated")));
        sync.syncOnce(masterAddr);
        assertNull(topics.selectTopicConfig("Replicated"), "a topic the master deleted disappears on the slave");
    }

    private static DeleteTopicRequestHeader deleteHeader(String topic) {
        DeleteTopicRequestHeader h =
            new DeleteTopicRequestHeader();
        h.setTopic(topic);
        return h;
    }

    @Test
    void aMasterThatIsDownFailsTheRoundWithoutTouchingTheTables() throws Exception {
        String dead = masterAddr;
        master.shutdown();
        master = null;
        SlaveMetadataSync sync = new SlaveMetadataSync(client, () -> dead, topics, offsets, delay, groups);
        DataVersion before = topics.dataVersion();
        assertThrows(Exception.class, () -> sync.syncOnce(dead));
        assertEquals(before, topics.dataVersion());
    }
}
