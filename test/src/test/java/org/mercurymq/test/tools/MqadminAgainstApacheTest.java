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

    /**
     * Some of the topic, order-conf, group and message commands (docs/mqadmin.md) print what the official 4.9.7 mqadmin
     * prints against an Apache broker too (one batch of official commands).
     */
    @Test
    void newerCommandsPrintAsTheOfficialToolAgainstApache() throws Exception {
        String ns = cluster.namesrvAddress();
        String topic = "ApacheCmpTopic";
        admin.createAndUpdateTopicConfig(cluster.brokerAddress(), new TopicConfig(topic, 2, 2, 6));
        org.mercurymq.common.subscription.SubscriptionGroupConfig group = new org.mercurymq.common.subscription.SubscriptionGroupConfig();
        group.setGroupName("ApacheCmpGroup");
        admin.createAndUpdateSubscriptionGroupConfig(cluster.brokerAddress(), group);
        await().atMost(WAIT).until(() -> routeOrNull(topic) != null);
        org.apache.rocketmq.client.producer.DefaultMQProducer producer =
            new org.apache.rocketmq.client.producer.DefaultMQProducer("ApacheCmpProducer");
        producer.setNamesrvAddr(ns);
        producer.setInstanceName("apache-cmp-" + System.nanoTime());
        producer.setSendMsgTimeout(15_000);
        producer.start();
        try {
            for (int i = 0; i < 4; i++) {
                producer.send(new org.apache.rocketmq.common.message.Message(topic, i % 2 == 0 ? "TagA" : "TagB", "k" + i,
                    ("apache-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    new org.apache.rocketmq.common.message.MessageQueue(topic, cluster.brokerName(), i % 2));
            }
        } finally {
            producer.shutdown();
        }
        admin.createOrUpdateOrderConf("ApacheCmpOrder", cluster.brokerName() + ":2", true);
        java.util.List<String[]> commands = java.util.Arrays.asList(
            new String[] {"topicClusterList", "-t", topic},
            new String[] {"allocateMQ", "-t", topic, "-i", "10.0.0.1,10.0.0.2"},
            new String[] {"updateOrderConf", "-t", "ApacheCmpOrder", "-m", "get"},
            new String[] {"getConsumerConfig", "-g", "ApacheCmpGroup"},
            new String[] {"printMsg", "-t", topic},
            new String[] {"printMsgByQueue", "-t", topic, "-a", cluster.brokerName(), "-i", "1", "-p", "true", "-f", "true"},
            new String[] {"queryMsgByOffset", "-t", topic, "-b", cluster.brokerName(), "-i", "0", "-o", "1"},
            new String[] {"consumeMessage", "-t", topic, "-c", "3"});
        java.util.List<String> mercury = new java.util.ArrayList<>();
        for (String[] c : commands) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.Arrays.asList(c));
            args.add("-n");
            args.add(ns);
            Mqadmin r = Mqadmin.run(args.toArray(new String[0]));
            assertEquals(0, r.exitCode, String.join(" ", c) + ": " + r);
            mercury.add(r.out);
        }
        java.util.List<String> official = new OfficialMqadmin(dir, ns, null).runAll(commands);
        for (int i = 0; i < commands.size(); i++) {
            assertEquals(official.get(i), mercury.get(i), String.join(" ", commands.get(i)));
        }
        assertTrue(mercury.get(4).contains("BODY: apache-3"), mercury.get(4));
    }
}
