package org.mercurymq.test.tools;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.common.TopicConfig;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.protocol.body.ClusterInfo;
import org.mercurymq.remoting.protocol.body.TopicOffset;
import org.mercurymq.remoting.protocol.body.TopicStatsTable;
import org.mercurymq.remoting.protocol.route.TopicRouteData;
import org.mercurymq.test.harness.ApacheCluster;
import org.mercurymq.tools.admin.DefaultMQAdminExt;

/** Mercury's admin API and mqadmin against the official Apache RocketMQ 4.9.7 NameServer and Broker. */
class MqadminAgainstApacheTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    private static ApacheCluster cluster;
    private static DefaultMQAdminExt admin;

    @BeforeAll
    static void start() throws Exception {
        cluster = ApacheCluster.start(dir);
        admin = new DefaultMQAdminExt();
        admin.setNamesrvAddr(cluster.namesrvAddress());
        admin.start();
        await().atMost(WAIT).until(() -> admin.examineBrokerClusterInfo().getBrokerAddrTable().containsKey(cluster.brokerName()));
        // Apache's broker answers GET_BROKER_RUNTIME_INFO with SYSTEM_ERROR until its first stats sample is taken
        // a few seconds after boot (an empty sample list); wait for that rather than racing it.
        await().atMost(WAIT).ignoreExceptions()
            .until(() -> admin.fetchBrokerRuntimeStats(cluster.brokerAddress()).getTable().containsKey("brokerVersionDesc"));
    }

    @AfterAll
    static void stop() {
        if (admin != null) {
            admin.shutdown();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void clusterInfoRouteAndStatsDecode() throws Exception {
        ClusterInfo info = admin.examineBrokerClusterInfo();
        assertEquals(cluster.brokerAddress(), info.getBrokerAddrTable().get(cluster.brokerName()).getBrokerAddrs().get(0L));
        assertTrue(info.getClusterAddrTable().get("ApacheCluster").contains(cluster.brokerName()));
        assertEquals("V4_9_7", admin.fetchBrokerRuntimeStats(cluster.brokerAddress()).getTable().get("brokerVersionDesc"));

        admin.createAndUpdateTopicConfig(cluster.brokerAddress(), new TopicConfig("ApacheAdminTopic", 8, 8, 6));
        await().atMost(WAIT).until(() -> routeOrNull("ApacheAdminTopic") != null);
        TopicRouteData route = admin.examineTopicRouteInfo("ApacheAdminTopic");
        assertEquals(8, route.getQueueDatas().get(0).getWriteQueueNums());
        assertEquals(cluster.brokerName(), route.getBrokerDatas().get(0).getBrokerName());

        TopicStatsTable stats = admin.examineTopicStats("ApacheAdminTopic");
        assertEquals(8, stats.getOffsetTable().size());
        for (Map.Entry<MessageQueue, TopicOffset> e : stats.getOffsetTable().entrySet()) {
            assertEquals(cluster.brokerName(), e.getKey().getBrokerName());
            assertEquals(0, e.getValue().getMaxOffset());
        }
    }

    private static TopicRouteData routeOrNull(String topic) {
        try {
            return admin.examineTopicRouteInfo(topic);
        } catch (Exception e) {
            return null;
        }
    }

    @Test
    void cliPrintsClusterRouteAndStatus() {
        String ns = cluster.namesrvAddress();
        Mqadmin list = Mqadmin.run("clusterList", "-n", ns);
        assertEquals(0, list.exitCode, list.toString());
        assertTrue(list.out.split("\n")[1].startsWith(String.format("%-16s  %-22s  %-4s  %-22s %-16s", "ApacheCluster",
            cluster.brokerName(), 0, cluster.brokerAddress(), "V4_9_7")), list.out);

        Mqadmin created = Mqadmin.run("updateTopic", "-n", ns, "-t", "ApacheCliTopic", "-c", "ApacheCluster", "-w", "4", "-r", "4");
        assertEquals(0, created.exitCode, created.toString());
        await().atMost(WAIT).until(() -> Mqadmin.run("topicRoute", "-n", ns, "-t", "ApacheCliTopic").exitCode == 0);
        Mqadmin route = Mqadmin.run("topicRoute", "-n", ns, "-t", "ApacheCliTopic", "-l");
        assertTrue(route.out.split("\n")[1].startsWith(String.format("%-45s %-32s", "ApacheCluster", cluster.brokerName())),
            route.out);
        Mqadmin status = Mqadmin.run("topicStatus", "-n", ns, "-t", "ApacheCliTopic");
        assertEquals(0, status.exitCode, status.toString());
        assertEquals(5, status.out.split("\n").length, status.out);
    }
}
