package org.mercurymq.namesrv.routeinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.mercurymq.common.DataVersion;
import org.mercurymq.common.TopicConfig;
import org.mercurymq.common.TopicSysFlag;
import org.mercurymq.namesrv.FakeChannel;
import org.mercurymq.remoting.protocol.body.TopicConfigSerializeWrapper;
import org.mercurymq.remoting.protocol.route.BrokerData;
import org.mercurymq.remoting.protocol.route.QueueData;
import org.mercurymq.remoting.protocol.route.TopicRouteData;

class RouteInfoManagerTest {
    private static final String CLUSTER = "DefaultCluster";
    private static final String A_MASTER = "10.0.0.1:10911";
    private static final String A_SLAVE = "10.0.0.2:10911";
    private static final String B_MASTER = "10.0.0.3:10911";

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final RouteInfoManager routes = new RouteInfoManager(now::get);

    static TopicConfigSerializeWrapper topics(long counter, TopicConfig... configs) {
        Map<String, TopicConfig> m = new LinkedHashMap<>();
        for (TopicConfig c : configs) {
            m.put(c.getTopicName(), c);
        }
        return new TopicConfigSerializeWrapper(m, new DataVersion(42, counter));
    }

    private RegisterBrokerResult register(String name, String addr, long id, FakeChannel ch, TopicConfigSerializeWrapper t) {
        return routes.registerBroker(CLUSTER, addr, name, id, addr.replace("10911", "10912"), t, List.of(), ch);
    }

    @Test
    void masterRegistrationBuildsRoute() {
        register("broker-a", A_MASTER, 0, new FakeChannel(A_MASTER), topics(1, new TopicConfig("T1", 4, 4, 6)));
        TopicRouteData route = routes.pickupTopicRouteData("T1");
        assertNotNull(route);
        assertEquals(List.of(new QueueData("broker-a", 4, 4, 6, 0)), route.getQueueDatas());
        assertEquals(List.of(new BrokerData(CLUSTER, "broker-a", Map.of(0L, A_MASTER))), route.getBrokerDatas());
        assertNull(routes.pickupTopicRouteData("unknown"));
        assertEquals(Set.of("broker-a"), routes.getAllClusterInfo().getClusterAddrTable().get(CLUSTER));
        assertEquals(Set.of("T1"), routes.getAllTopicList().getTopicList());
    }

    @Test
    void routeCombinesBrokerNamesAndSlaves() {
        register("broker-a", A_MASTER, 0, new FakeChannel(A_MASTER), topics(1, new TopicConfig("T1", 4, 4, 6)));
        register("broker-a", A_SLAVE, 1, new FakeChannel(A_SLAVE), topics(1, new TopicConfig("T1", 4, 4, 6)));
        register("broker-b", B_MASTER, 0, new FakeChannel(B_MASTER), topics(1, new TopicConfig("T1", 8, 8, 6)));
        TopicRouteData route = routes.pickupTopicRouteData("T1");
        assertEquals(2, route.getQueueDatas().size());
        assertEquals(Map.of(0L, A_MASTER, 1L, A_SLAVE), route.getBrokerDatas().get(0).getBrokerAddrs());
        assertEquals("broker-b", route.getBrokerDatas().get(1).getBrokerName());
    }

    @Test
    void slaveGetsLiveMasterAddresses() {
        RegisterBrokerResult early = register("broker-a", A_SLAVE, 1, new FakeChannel(A_SLAVE), topics(1));
        assertNull(early.masterAddr());
        register("broker-a", A_MASTER, 0, new FakeChannel(A_MASTER), topics(1));
        RegisterBrokerResult r = register("broker-a", A_SLAVE, 1, new FakeChannel(A_SLAVE), topics(1));
        assertEquals(A_MASTER, r.masterAddr());
        assertEquals("10.0.0.1:10912", r.haServerAddr());
        assertNull(register("broker-a", A_MASTER, 0, new FakeChannel(A_MASTER), topics(1)).masterAddr());
    }

    @Test
    void slaveTopicsDoNotChangeQueueData() {
        register("broker-a", A_MASTER, 0, new FakeChannel(A_MASTER), topics(1, new TopicConfig("T1", 4, 4, 6)));
        register("broker-a", A_SLAVE, 1, new FakeChannel(A_SLAVE), topics(2, new TopicConfig("T1", 1, 1, 4),
            new TopicConfig("SlaveOnly", 1, 1, 6)));
        assertEquals(4, routes.pickupTopicRouteData("T1").getQueueDatas().get(0).getReadQueueNums());
        assertNull(routes.pickupTopicRouteData("SlaveOnly"));
    }

    @Test
    void sameAddressNewIdReplacesOldId() {
        register("broker-a", A_MASTER, 0, new FakeChannel(A_MASTER), topics(1));
        register("broker-a", A_SLAVE, 1, new FakeChannel(A_SLAVE), topics(1));
        // the slave's address is promoted to master
        register("broker-a", A_SLAVE, 0, new FakeChannel(A_SLAVE), topics(1));
        assertEquals(Map.of(0L, A_SLAVE), routes.getAllClusterInfo().getBrokerAddrTable().get("broker-a").getBrokerAddrs());
    }

    @Test
    void topicsMissingFromLaterRegistrationAreKeptAndChangesNeedNewVersion() {
        FakeChannel ch = new FakeChannel(A_MASTER);
        register("broker-a", A_MASTER, 0, ch, topics(1, new TopicConfig("T1", 4, 4, 6), new TopicConfig("T2", 4, 4, 6)));
        register("broker-a", A_MASTER, 0, ch, topics(2, new TopicConfig("T1", 2, 2, 6)));
        assertNotNull(routes.pickupTopicRouteData("T2"), "T2 must survive a registration that lacks it");
        assertEquals(2, routes.pickupTopicRouteData("T1").getQueueDatas().get(0).getReadQueueNums());
        // same data version: the content is not re-read
        register("broker-a", A_MASTER, 0, ch, topics(2, new TopicConfig("T1", 9, 9, 6)));
        assertEquals(2, routes.pickupTopicRouteData("T1").getQueueDatas().get(0).getReadQueueNums());
        assertFalse(routes.isBrokerTopicConfigChanged(A_MASTER, new DataVersion(42, 2)));
        assertTrue(routes.isBrokerTopicConfigChanged(A_MASTER, new DataVersion(42, 3)));
        assertTrue(routes.isBrokerTopicConfigChanged("nobody:1", new DataVersion(42, 2)));
    }

    @Test
    void expiryUsesInjectedClockAndClosesConnection() {
        FakeChannel a = new FakeChannel(A_MASTER);
        FakeChannel b = new FakeChannel(B_MASTER);
        register("broker-a", A_MASTER, 0, a, topics(1, new TopicConfig("T1"), new TopicConfig("OnlyA")));
        register("broker-b", B_MASTER, 0, b, topics(1, new TopicConfig("T1")));
        now.addAndGet(100_000);
        register("broker-b", B_MASTER, 0, b, topics(1, new TopicConfig("T1")));
        assertTrue(routes.scanNotActiveBroker(120_000).isEmpty());
        now.addAndGet(30_000);
        List<ExpiredBroker> expired = routes.scanNotActiveBroker(120_000);
        assertEquals(List.of(new ExpiredBroker(A_MASTER, 130_000)), expired);
        assertTrue(a.isClosed());
        assertFalse(b.isClosed());
        assertNull(routes.pickupTopicRouteData("OnlyA"), "topic left without queue data disappears");
        assertEquals(List.of("broker-b"), routes.pickupTopicRouteData("T1").getBrokerDatas().stream()
            .map(BrokerData::getBrokerName).toList());
        assertEquals(Set.of("broker-b"), routes.getAllClusterInfo().getClusterAddrTable().get(CLUSTER));
    }

    @Test
    void refreshedTimestampPostponesExpiry() {
        register("broker-a", A_MASTER, 0, new FakeChannel(A_MASTER), topics(1));
        now.addAndGet(100_000);
        routes.updateBrokerInfoUpdateTimestamp(A_MASTER);
        now.addAndGet(100_000);
        assertTrue(routes.scanNotActiveBroker(120_000).isEmpty());
    }

    @Test
    void channelCloseRemovesOnlyThatAddressAndMasterlessBrokerStays() {
        FakeChannel master = new FakeChannel(A_MASTER);
        register("broker-a", A_MASTER, 0, master, topics(1, new TopicConfig("T1")));
        register("broker-a", A_SLAVE, 1, new FakeChannel(A_SLAVE), topics(1));
        routes.onChannelDestroy(master);
        TopicRouteData route = routes.pickupTopicRouteData("T1");
        assertNotNull(route, "a master-less broker stays in routes");
        assertEquals(Map.of(1L, A_SLAVE), route.getBrokerDatas().get(0).getBrokerAddrs());
        assertNull(routes.brokerLiveInfo(A_MASTER));
        routes.onChannelDestroy(new FakeChannel("unrelated:1"));
        assertNotNull(routes.pickupTopicRouteData("T1"));
    }

    @Test
    void unregisterLastAddressRemovesBrokerNameClusterAndTopics() {
        register("broker-a", A_MASTER, 0, new FakeChannel(A_MASTER), topics(1, new TopicConfig("T1")));
        routes.unregisterBroker(CLUSTER, A_MASTER, "broker-a", 0);
        assertNull(routes.pickupTopicRouteData("T1"));
        assertTrue(routes.getAllClusterInfo().getClusterAddrTable().isEmpty());
        assertTrue(routes.getAllClusterInfo().getBrokerAddrTable().isEmpty());
    }

    @Test
    void wipeAndAddWritePerm() {
        register("broker-a", A_MASTER, 0, new FakeChannel(A_MASTER),
            topics(1, new TopicConfig("T1", 4, 4, 6), new TopicConfig("T2", 4, 4, 7)));
        register("broker-b", B_MASTER, 0, new FakeChannel(B_MASTER), topics(1, new TopicConfig("T1", 4, 4, 6)));
        assertEquals(2, routes.wipeWritePermOfBroker("broker-a"));
        assertEquals(4, permOf("T1", "broker-a"));
        assertEquals(5, permOf("T2", "broker-a"));
        assertEquals(6, permOf("T1", "broker-b"));
        assertEquals(2, routes.addWritePermOfBroker("broker-a"));
        assertEquals(6, permOf("T1", "broker-a"));
        assertEquals(6, permOf("T2", "broker-a"));
        assertEquals(0, routes.wipeWritePermOfBroker("nobody"));
    }

    private int permOf(String topic, String brokerName) {
        return routes.pickupTopicRouteData(topic).getQueueDatas().stream()
            .filter(q -> q.getBrokerName().equals(brokerName)).findFirst().orElseThrow().getPerm();
    }

    @Test
    void deleteTopicWholeOrPerCluster() {
        register("broker-a", A_MASTER, 0, new FakeChannel(A_MASTER), topics(1, new TopicConfig("T1"), new TopicConfig("T2")));
        routes.registerBroker("OtherCluster", B_MASTER, "broker-b", 0, "x", topics(1, new TopicConfig("T1")), null,
            new FakeChannel(B_MASTER));
        routes.deleteTopic("T1", "OtherCluster");
        assertEquals(1, routes.pickupTopicRouteData("T1").getQueueDatas().size());
        assertEquals(Set.of("T1", "T2"), routes.getTopicsByCluster(CLUSTER).getTopicList());
        assertEquals(Set.of(), routes.getTopicsByCluster("OtherCluster").getTopicList());
        routes.deleteTopic("T2", null);
        assertNull(routes.pickupTopicRouteData("T2"));
        routes.deleteTopic("never-existed", null);
    }

    @Test
    void unitAndSystemTopicLists() {
        int unit = TopicSysFlag.buildSysFlag(true, false);
        int unitSub = TopicSysFlag.buildSysFlag(false, true);
        int both = TopicSysFlag.buildSysFlag(true, true);
        register("broker-a", A_MASTER, 0, new FakeChannel(A_MASTER), topics(1,
            new TopicConfig("U").withTopicSysFlag(unit), new TopicConfig("S").withTopicSysFlag(unitSub),
            new TopicConfig("B").withTopicSysFlag(both), new TopicConfig("N")));
        assertEquals(Set.of("U", "B"), routes.getUnitTopics().getTopicList());
        assertEquals(Set.of("S", "B"), routes.getHasUnitSubTopicList().getTopicList());
        assertEquals(Set.of("S"), routes.getHasUnitSubUnUnitTopicList().getTopicList());
        assertEquals(Set.of(CLUSTER, "broker-a"), routes.getSystemTopicList().getTopicList());
        assertEquals(A_MASTER, routes.getSystemTopicList().getBrokerAddr());
    }

    @Test
    void filterServersAppearInRoute() {
        routes.registerBroker(CLUSTER, A_MASTER, "broker-a", 0, "x", topics(1, new TopicConfig("T1")),
            List.of("10.0.0.9:1"), new FakeChannel(A_MASTER));
        assertEquals(Map.of(A_MASTER, List.of("10.0.0.9:1")), routes.pickupTopicRouteData("T1").getFilterServerTable());
    }
}
