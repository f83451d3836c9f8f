package org.mercurymq.test.tools;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.test.harness.MercuryCluster;
import org.mercurymq.tools.admin.DefaultMQAdminExt;

/**
 * Mercury's mqadmin, run in-process, against a Mercury NameServer and Broker (child JVMs); messages come from the
 * official Apache RocketMQ 4.9.7 producer and consumer.
 */
class MqadminAgainstMercuryTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CLUSTER = "MercuryCluster";

    @TempDir
    static Path dir;

    private static MercuryCluster cluster;
    private static String ns;

    @BeforeAll
    static void startCluster() {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
        System.setProperty("rocketmq.client.localOffsetStoreDir", dir.resolve("client-offsets").toString());
        cluster = MercuryCluster.start(dir, "autoCreateTopicEnable=true");
        ns = cluster.namesrvAddress();
        await().atMost(WAIT).until(() -> admin("clusterList").out.contains(cluster.brokerName()));
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** mqadmin with {@code -n} for this cluster appended. */
    private static Mqadmin admin(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.add("-n");
        all.add(ns);
        return Mqadmin.run(all.toArray(new String[0]));
    }

    private static Mqadmin ok(String... args) {
        Mqadmin r = admin(args);
        assertEquals(0, r.exitCode, r.toString());
        assertEquals("", r.err, r.toString());
        return r;
    }

    @Test
    void clusterListShowsTheBroker() {
        Mqadmin r = ok("clusterList");
        assertTrue(r.out.startsWith("#Cluster Name     #Broker Name            #BID  #Addr"), r.out);
        String row = r.out.split("\n")[1];
        assertTrue(row.startsWith(String.format("%-16s  %-22s  %-4s  %-22s %-16s", CLUSTER, cluster.brokerName(), 0,
            cluster.brokerAddress(), "V4_9_7")), r.out);
        Mqadmin status = ok("brokerStatus", "-b", cluster.brokerAddress());
        assertTrue(status.out.contains("brokerVersionDesc               : V4_9_7"), status.out);
        Mqadmin config = ok("getBrokerConfig", "-c", CLUSTER);
        assertTrue(config.out.contains("brokerName                                        =  " + cluster.brokerName()), config.out);
    }

    @Test
    void updateTopicWithEightQueuesShowsInRouteListAndStatus() {
        Mqadmin created = ok("updateTopic", "-t", "AdminTopic8", "-c", CLUSTER, "-r", "8", "-w", "8");
        assertTrue(created.out.contains("create topic to " + cluster.brokerAddress() + " success."), created.out);
        await().atMost(WAIT).until(() -> admin("topicRoute", "-t", "AdminTopic8").exitCode == 0);
        Mqadmin route = ok("topicRoute", "-t", "AdminTopic8");
        assertTrue(route.out.contains("\"readQueueNums\":8") && route.out.contains("\"writeQueueNums\":8"), route.out);
        assertTrue(route.out.contains(cluster.brokerAddress()), route.out);
        Mqadmin list = ok("topicRoute", "-t", "AdminTopic8", "-l");
        assertTrue(list.out.split("\n")[3].startsWith("Total:"), list.out);
        assertTrue(Arrays.asList(ok("topicList").out.split("\n")).contains("AdminTopic8"));
        String[] status = ok("topicStatus", "-t", "AdminTopic8").out.split("\n");
        assertEquals(9, status.length, String.join("\n", status));
        assertTrue(status[8].startsWith(String.format("%-32s  %-4d  %-20d  %-20d", cluster.brokerName(), 7, 0, 0)), status[8]);
        // the official 4.9.7 mqadmin prints the same route table and status table
        List<String> official = new OfficialMqadmin(dir, ns, null).runAll(OfficialMqadmin.commands(
            new String[] {"topicRoute", "-t", "AdminTopic8", "-l"}, new String[] {"topicStatus", "-t", "AdminTopic8"}));
        assertEquals(official.get(0), list.out);
        assertEquals(official.get(1), String.join("\n", status) + "\n");

        ok("deleteTopic", "-t", "AdminTopic8", "-c", CLUSTER);
        await().atMost(WAIT).until(() -> admin("topicRoute", "-t", "AdminTopic8").exitCode == 1);
        Mqadmin gone = admin("topicRoute", "-t", "AdminTopic8");
        assertTrue(gone.err.contains("TOPIC_NOT_EXIST(17)"), gone.toString());
        assertFalse(gone.err.contains("\tat "), gone.err);
    }

    @Test
    void messagesFromTheOfficialClientAreFoundAndLagIsShown() throws Exception {
        String topic = "AdminMsgTopic";
        String group = "AdminGroup";
        ok("updateTopic", "-t", topic, "-c", CLUSTER, "-r", "2", "-w", "2");
        DefaultMQProducer producer = new DefaultMQProducer("AdminProducer");
        producer.setNamesrvAddr(ns);
        producer.setInstanceName("admin-test-producer");
        producer.setSendMsgTimeout(10_000);
        producer.start();
        try {
            List<SendResult> sent = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                sent.add(producer.send(new Message(topic, "TagA", "key-" + (i % 2),
                    ("body-" + i).getBytes(StandardCharsets.UTF_8))));
            }
            await().atMost(WAIT).until(() -> admin("queryMsgByKey", "-t", topic, "-k", "key-1").exitCode == 0);
            String[] byKey = ok("queryMsgByKey", "-t", topic, "-k", "key-1").out.split("\n");
            assertEquals(4, byKey.length, String.join("\n", byKey));
            assertTrue(byKey[0].startsWith("#Message ID"), byKey[0]);
            assertTrue(Arrays.toString(byKey).contains(sent.get(1).getMsgId()), Arrays.toString(byKey));

            Mqadmin byId = ok("queryMsgById", "-i", sent.get(3).getOffsetMsgId());
            assertTrue(byId.out.contains("Topic:               " + topic), byId.out);
            assertTrue(byId.out.contains("Keys:                [key-1]"), byId.out);
            assertTrue(byId.out.contains("Message Body Path:   /tmp/rocketmq/msgbodys/" + sent.get(3).getMsgId()), byId.out);
            assertEquals("body-3", java.nio.file.Files.readString(java.nio.file.Path.of("/tmp/rocketmq/msgbodys",
                sent.get(3).getMsgId())));
            assertTrue(byId.out.contains("OffsetID:            " + sent.get(3).getOffsetMsgId()), byId.out);
            Mqadmin byUnique = ok("queryMsgByUniqueKey", "-t", topic, "-i", sent.get(4).getMsgId());
            assertTrue(byUnique.out.contains("Message Body Path:   /tmp/rocketmq/msgbodys/" + sent.get(4).getMsgId()),
                byUnique.out);

            consumeAll(group, topic, 6);
            for (int i = 0; i < 4; i++) {
                producer.send(new Message(topic, "TagA", "later", ("later-" + i).getBytes(StandardCharsets.UTF_8)));
            }
        } finally {
            producer.shutdown();
        }
        await().atMost(WAIT).until(() -> admin("consumerProgress", "-g", group).out.contains("Diff Total: 4"));
        Mqadmin progress = ok("consumerProgress", "-g", group);
        assertTrue(progress.out.startsWith("#Topic"), progress.out);
        assertTrue(progress.out.contains(topic), progress.out);
        Mqadmin groups = ok("consumerProgress");
        assertTrue(groups.out.startsWith("#Group"), groups.out);
        assertTrue(groups.out.contains(String.format("%-64s  %-6d  %-24s", group, 0, "OFFLINE")), groups.out);
        assertTrue(groups.out.trim().endsWith(" 4"), groups.out);

        Mqadmin reset = ok("resetOffsetByTime", "-g", group, "-t", topic, "-s", "0");
        assertTrue(reset.out.contains("rollback consumer offset by specified consumerGroup[" + group + "]"), reset.out);
        await().atMost(WAIT).until(() -> admin("consumerProgress", "-g", group).out.contains("Diff Total: 10"));
    }

    /** Consumes {@code count} messages with an official push consumer, then shuts it down (which commits offsets). */
    private static void consumeAll(String group, String topic, int count) throws Exception {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        consumer.setNamesrvAddr(ns);
        consumer.setInstanceName("admin-test-consumer");
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        AtomicInteger consumed = new AtomicInteger();
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
            consumed.addAndGet(msgs.size());
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        try {
            await().atMost(WAIT).until(() -> consumed.get() >= count);
            await().atMost(WAIT).until(() -> admin("consumerConnection", "-g", group).out
                .contains(String.format("%-20s %s%n", topic, "*")));
            Mqadmin conn = ok("consumerConnection", "-g", group);
            assertTrue(conn.out.contains("ConsumeType: CONSUME_PASSIVELY"), conn.out);
            assertTrue(conn.out.contains("MessageModel: CLUSTERING"), conn.out);
        } finally {
            consumer.shutdown();
        }
    }

    @Test
    void kvConfigAndNameServerConfig() throws Exception {
        Mqadmin put = ok("updateKvConfig", "-s", "AdminNs", "-k", "k1", "-v", "v1");
        assertEquals("create or update kv config to namespace success.\n", put.out);
        DefaultMQAdminExt api = new DefaultMQAdminExt();
        api.setNamesrvAddr(ns);
        api.start();
        try {
            assertEquals("v1", api.getKVConfig("AdminNs", "k1"));
            ok("deleteKvConfig", "-s", "AdminNs", "-k", "k1");
            Mqadmin missing = admin("deleteKvConfig", "-s", "AdminNs");
            assertEquals(1, missing.exitCode);
        } finally {
            api.shutdown();
        }
        Mqadmin config = ok("getNamesrvConfig");
        assertTrue(config.out.startsWith("============" + ns + "============"), config.out);
        assertTrue(config.out.contains("listenPort                                        =  " + ns.split(":")[1]), config.out);
    }

    @Test
    void wipeAndAddWritePerm() {
        Mqadmin wipe = ok("wipeWritePerm", "-b", cluster.brokerName());
        assertTrue(wipe.out.startsWith("wipe write perm of broker[" + cluster.brokerName() + "] in name server[" + ns + "] OK, "),
            wipe.out);
        Mqadmin add = ok("addWritePerm", "-b", cluster.brokerName());
        assertTrue(add.out.startsWith("add write perm of broker[" + cluster.brokerName() + "] in name server[" + ns + "] OK, "),
            add.out);
    }

    @Test
    void subscriptionGroupsCanBeCreatedAndDeleted() {
        Mqadmin created = ok("updateSubGroup", "-g", "AdminSubGroup", "-c", CLUSTER, "-r", "3");
        assertTrue(created.out.contains("retryMaxTimes=3"), created.out);
        Mqadmin deleted = ok("deleteSubGroup", "-g", "AdminSubGroup", "-b", cluster.brokerAddress());
        assertEquals("delete subscription group [AdminSubGroup] from broker [" + cluster.brokerAddress() + "] success.\n",
            deleted.out);
    }

    @Test
    void badInputFailsWithAReadableLine() {
        Mqadmin unknown = admin("noSuchCommand");
        assertEquals(1, unknown.exitCode);
        assertTrue(unknown.err.contains("'noSuchCommand' is not a command"), unknown.err);
        Mqadmin missing = admin("topicStatus");
        assertEquals(1, missing.exitCode);
        assertTrue(missing.err.startsWith("mqadmin topicStatus: Missing required option: t"), missing.err);
        Mqadmin unreachable = Mqadmin.run("clusterList", "-n", "127.0.0.1:1");
        assertEquals(1, unreachable.exitCode);
        assertTrue(unreachable.err.startsWith("mqadmin clusterList failed: cannot connect"), unreachable.err);
        assertFalse(unreachable.err.contains("\tat "), unreachable.err);
        Mqadmin noTopic = admin("topicStatus", "-t", "NoSuchTopicAnywhere");
        assertEquals(1, noTopic.exitCode);
        assertTrue(noTopic.err.contains("TOPIC_NOT_EXIST(17)"), noTopic.err);
        Mqadmin badId = admin("queryMsgById", "-i", "nothex");
        assertEquals(1, badId.exitCode);
        assertTrue(badId.err.contains("is not an offset message id"), badId.err);
    }
}
