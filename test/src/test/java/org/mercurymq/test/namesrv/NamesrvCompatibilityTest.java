package org.mercurymq.test.namesrv;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.common.protocol.body.ClusterInfo;
import org.apache.rocketmq.common.protocol.body.TopicList;
import org.apache.rocketmq.common.protocol.route.BrokerData;
import org.apache.rocketmq.common.protocol.route.QueueData;
import org.apache.rocketmq.common.protocol.route.TopicRouteData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.common.DataVersion;
import org.mercurymq.common.TopicConfig;
import org.mercurymq.remoting.netty.NettyClientConfig;
import org.mercurymq.remoting.netty.NettyRemotingClient;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.body.RegisterBrokerBody;
import org.mercurymq.remoting.protocol.body.TopicConfigSerializeWrapper;
import org.mercurymq.remoting.protocol.header.namesrv.RegisterBrokerRequestHeader;
import org.mercurymq.test.harness.NamesrvProcess;

/**
 * A Mercury NameServer in a child JVM (same main class as bin/mqnamesrv), brokers registered over
 * the wire, and the official Apache RocketMQ 4.9.7 admin client reading the routing table back.
 */
class NamesrvCompatibilityTest {
    @TempDir
    Path dir;

    private NamesrvProcess namesrv;
    /** One connection per simulated broker, as real brokers have: expiry closes the expired broker's connection. */
    private final Map<String, NettyRemotingClient> brokerConnections = new java.util.concurrent.ConcurrentHashMap<>();
    private DefaultMQAdminExt admin;
    private ScheduledExecutorService heartbeats;

    @BeforeEach
    void start() throws Exception {
        namesrv = NamesrvProcess.start(dir.resolve("namesrv"),
            "brokerChannelExpiredTime=3000", "scanNotActiveBrokerInterval=500");
        admin = new DefaultMQAdminExt(5000);
        admin.setNamesrvAddr(namesrv.address());
        admin.setInstanceName("compat-" + System.nanoTime());
        admin.start();
    }

    @AfterEach
    void stop() {
        if (heartbeats != null) {
            heartbeats.shutdownNow();
        }
        if (admin != null) {
            admin.shutdown();
        }
        brokerConnections.values().forEach(NettyRemotingClient::shutdown);
        if (namesrv != null) {
            namesrv.close();
        }
    }

    private void register(String cluster, String brokerName, long brokerId, String addr, Map<String, TopicConfig> topics)
        throws Exception {
        RegisterBrokerBody body = new RegisterBrokerBody(
            new TopicConfigSerializeWrapper(topics, new DataVersion(System.currentTimeMillis(), 1)), List.of());
        RemotingCommand req = RemotingCommand.createRequestCommand(RequestCode.REGISTER_BROKER,
            new RegisterBrokerRequestHeader(brokerName, addr, cluster, addr.replace(":109", ":119"), brokerId, false, 0));
        req.setBody(body.encode(false));
        NettyRemotingClient connection = brokerConnections.computeIfAbsent(addr, a -> {
            NettyRemotingClient c = new NettyRemotingClient(NettyClientConfig.builder().build());
            c.start();
            return c;
        });
        RemotingCommand resp = connection.invokeSync(namesrv.address(), req, 3000);
        assertEquals(ResponseCode.SUCCESS.code(), resp.getCode(), resp.getRemark());
    }

    @Test
    void officialAdminClientReadsClusterRouteAndTopics() throws Exception {
        register("ClusterX", "broker-a", 0, "127.0.0.1:10911", Map.of(
            "TopicA", new TopicConfig("TopicA", 8, 8, 6),
            "TopicShared", new TopicConfig("TopicShared", 4, 4, 6)));
        register("ClusterX", "broker-a", 1, "127.0.0.1:10921", Map.of("TopicA", new TopicConfig("TopicA", 8, 8, 6)));
        register("ClusterX", "broker-b", 0, "127.0.0.1:10931", Map.of("TopicShared", new TopicConfig("TopicShared", 2, 2, 4)));

        ClusterInfo cluster = admin.examineBrokerClusterInfo();
        assertEquals(Map.of("ClusterX", java.util.Set.of("broker-a", "broker-b")), cluster.getClusterAddrTable());
        BrokerData a = cluster.getBrokerAddrTable().get("broker-a");
        assertEquals("127.0.0.1:10911", a.getBrokerAddrs().get(0L));
        assertEquals("127.0.0.1:10921", a.getBrokerAddrs().get(1L));
        assertEquals("ClusterX", a.getCluster());

        TopicRouteData route = admin.examineTopicRouteInfo("TopicShared");
        assertEquals(2, route.getQueueDatas().size());
        QueueData qa = route.getQueueDatas().stream().filter(q -> q.getBrokerName().equals("broker-a")).findFirst().get();
        assertEquals(4, qa.getReadQueueNums());
        assertEquals(4, qa.getWriteQueueNums());
        assertEquals(6, qa.getPerm());
        QueueData qb = route.getQueueDatas().stream().filter(q -> q.getBrokerName().equals("broker-b")).findFirst().get();
        assertEquals(4, qb.getPerm());
        assertEquals(2, route.getBrokerDatas().size());

        TopicRouteData routeA = admin.examineTopicRouteInfo("TopicA");
        assertEquals(1, routeA.getQueueDatas().size());
        assertEquals(8, routeA.getQueueDatas().get(0).getWriteQueueNums());
        assertEquals(2, routeA.getBrokerDatas().get(0).getBrokerAddrs().size());

        TopicList topics = admin.fetchAllTopicList();
        assertTrue(topics.getTopicList().containsAll(List.of("TopicA", "TopicShared")), topics.getTopicList().toString());
    }

    @Test
    void unknownTopicIsReportedAsNotExisting() {
        org.apache.rocketmq.client.exception.MQClientException e = org.junit.jupiter.api.Assertions.assertThrows(
            org.apache.rocketmq.client.exception.MQClientException.class, () -> admin.examineTopicRouteInfo("NoSuchTopic"));
        assertEquals(ResponseCode.TOPIC_NOT_EXIST.code(), e.getResponseCode());
    }

    @Test
    void brokerThatStopsRegisteringExpires() throws Exception {
        Map<String, TopicConfig> topicsA = Map.of("Alive", new TopicConfig("Alive", 4, 4, 6));
        register("C", "broker-live", 0, "127.0.0.1:20911", topicsA);
        register("C", "broker-silent", 0, "127.0.0.1:20921", Map.of("Silent", new TopicConfig("Silent", 4, 4, 6)));
        heartbeats = Executors.newSingleThreadScheduledExecutor();
        heartbeats.scheduleAtFixedRate(() -> {
            try {
                register("C", "broker-live", 0, "127.0.0.1:20911", topicsA);
            } catch (Exception ignored) {
                // the next round retries; the assertion below fails if registration keeps failing
            }
        }, 500, 500, TimeUnit.MILLISECONDS);

        ClusterInfo before = admin.examineBrokerClusterInfo();
        assertNotNull(before.getBrokerAddrTable().get("broker-silent"), () -> before.getBrokerAddrTable() + " / "
            + before.getClusterAddrTable() + "\n" + namesrv.process().output());
        await("silent broker expires").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
            .until(() -> admin.examineBrokerClusterInfo().getBrokerAddrTable().get("broker-silent") == null);
        ClusterInfo after = admin.examineBrokerClusterInfo();
        assertNotNull(after.getBrokerAddrTable().get("broker-live"));
        assertEquals(java.util.Set.of("broker-live"), after.getClusterAddrTable().get("C"));
        assertTrue(admin.fetchAllTopicList().getTopicList().contains("Alive"));
        assertTrue(!admin.fetchAllTopicList().getTopicList().contains("Silent"));
    }
}
