package org.mercurymq.test.tools;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.test.harness.MercuryCluster;

/**
 * Mercury's original mqadmin commands (updateTopic … getBrokerConfig, docs/mqadmin.md) run through Mercury's mqadmin
 * (in-process) and through the official RocketMQ 4.9.7 mqadmin (one child JVM for the whole batch) against the same
 * Mercury cluster, with an official producer and push consumer online. Their output must be equal after normalising
 * only what differs between any two runs; each normalisation says why. State-changing commands act on a resource of
 * their own per tool (Mercury's ends in M, the official one's in O).
 */
class MqadminOriginalCommandsComparisonTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String CLUSTER = "MercuryCluster";
    private static final String TOPIC = "OrigTopic";
    private static final String GROUP = "OrigGroup";
    private static final String PRODUCER_GROUP = "OrigProducer";
    private static final int MESSAGES = 6;

    @TempDir
    static Path dir;

    private static MercuryCluster cluster;
    private static String ns;
    private static String broker;
    private static String brokerAddr;
    private static DefaultMQProducer producer;
    private static DefaultMQPushConsumer consumer;
    private static final List<SendResult> SENT = new ArrayList<>();
    /** label → {mercury output, official output}. */
    private static final Map<String, String[]> OUTPUTS = new LinkedHashMap<>();

    @BeforeAll
    static void runBothTools() throws Exception {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
        System.setProperty("rocketmq.client.localOffsetStoreDir", dir.resolve("client-offsets").toString());
        cluster = MercuryCluster.start(dir, "autoCreateTopicEnable=true");
        ns = cluster.namesrvAddress();
        broker = cluster.brokerName();
        brokerAddr = cluster.brokerAddress();
        await().atMost(WAIT).until(() -> mercury("clusterList").out.contains(broker));
        prepare();
        SendResult first = SENT.get(0);
        String offsetMsgId = first.getOffsetMsgId();
        String uniqKey = first.getMsgId();

        List<String[][]> readOnly = new ArrayList<>();
        List<String[][]> cases = readOnly;
        // read-only commands
        add(cases, "clusterList", cmd("clusterList"));
        add(cases, "clusterList-m", cmd("clusterList", "-m"));
        add(cases, "topicList", cmd("topicList"));
        add(cases, "topicList-c", cmd("topicList", "-c"));
        add(cases, "topicRoute", cmd("topicRoute", "-t", TOPIC));
        add(cases, "topicRoute-missing", cmd("topicRoute", "-t", "NoSuchTopic"));
        add(cases, "topicStatus", cmd("topicStatus", "-t", TOPIC));
        add(cases, "brokerStatus", cmd("brokerStatus", "-b", brokerAddr));
        add(cases, "getBrokerConfig-b", cmd("getBrokerConfig", "-b", brokerAddr));
        add(cases, "getBrokerConfig-c", cmd("getBrokerConfig", "-c", CLUSTER));
        add(cases, "getNamesrvConfig", cmd("getNamesrvConfig"));
        add(cases, "queryMsgById", cmd("queryMsgById", "-i", offsetMsgId));
        add(cases, "queryMsgByKey", cmd("queryMsgByKey", "-t", TOPIC, "-k", "key-1"));
        add(cases, "queryMsgByUniqueKey", cmd("queryMsgByUniqueKey", "-i", uniqKey, "-t", TOPIC));
        add(cases, "producerConnection", cmd("producerConnection", "-g", PRODUCER_GROUP, "-t", TOPIC));
        add(cases, "consumerConnection", cmd("consumerConnection", "-g", GROUP));
        add(cases, "consumerProgress", cmd("consumerProgress"));
        add(cases, "consumerProgress-g", cmd("consumerProgress", "-g", GROUP));
        add(cases, "consumerProgress-g-s", cmd("consumerProgress", "-g", GROUP, "-s", "true"));
        List<String[][]> changes = new ArrayList<>();
        cases = changes;
        // state changes: each tool on its own resource
        pair(cases, "updateTopic-c", cmd("updateTopic", "-t", "OrigNewM", "-c", CLUSTER, "-r", "3", "-w", "3"),
            cmd("updateTopic", "-t", "OrigNewO", "-c", CLUSTER, "-r", "3", "-w", "3"));
        pair(cases, "updateTopic-b", cmd("updateTopic", "-t", "OrigNewBM", "-b", brokerAddr, "-p", "4", "-o", "true"),
            cmd("updateTopic", "-t", "OrigNewBO", "-b", brokerAddr, "-p", "4", "-o", "true"));
        pair(cases, "deleteTopic", cmd("deleteTopic", "-t", "OrigDelM", "-c", CLUSTER),
            cmd("deleteTopic", "-t", "OrigDelO", "-c", CLUSTER));
        pair(cases, "updateSubGroup-c", cmd("updateSubGroup", "-g", "OrigSubM", "-c", CLUSTER),
            cmd("updateSubGroup", "-g", "OrigSubO", "-c", CLUSTER));
        pair(cases, "updateSubGroup-b", cmd("updateSubGroup", "-g", "OrigSubBM", "-b", brokerAddr, "-r", "5", "-s", "false"),
            cmd("updateSubGroup", "-g", "OrigSubBO", "-b", brokerAddr, "-r", "5", "-s", "false"));
        pair(cases, "deleteSubGroup", cmd("deleteSubGroup", "-g", "OrigSubDelM", "-c", CLUSTER),
            cmd("deleteSubGroup", "-g", "OrigSubDelO", "-c", CLUSTER));
        add(cases, "updateBrokerConfig-b", cmd("updateBrokerConfig", "-b", brokerAddr, "-k", "maxMessageSize", "-v", "4194304"));
        add(cases, "updateBrokerConfig-c", cmd("updateBrokerConfig", "-c", CLUSTER, "-k", "maxMessageSize", "-v", "4194304"));
        // the group is consumed to the end: both times reset every queue to its max offset, in both tools
        add(cases, "resetOffsetByTime-now", cmd("resetOffsetByTime", "-g", GROUP, "-t", TOPIC, "-s", "now"));
        add(cases, "resetOffsetByTime-minus1", cmd("resetOffsetByTime", "-g", GROUP, "-t", TOPIC, "-s", "-1"));
        pair(cases, "updateKvConfig", cmd("updateKvConfig", "-s", "ORIG_NS", "-k", "kM", "-v", "v1"),
            cmd("updateKvConfig", "-s", "ORIG_NS", "-k", "kO", "-v", "v1"));
        pair(cases, "deleteKvConfig", cmd("deleteKvConfig", "-s", "ORIG_NS", "-k", "kM"),
            cmd("deleteKvConfig", "-s", "ORIG_NS", "-k", "kO"));
        add(cases, "wipeWritePerm", cmd("wipeWritePerm", "-b", broker));
        add(cases, "addWritePerm", cmd("addWritePerm", "-b", broker));
        add(cases, "updateNamesrvConfig", cmd("updateNamesrvConfig", "-k", "orderMessageEnable", "-v", "false"));

        // batch 1 (read-only) runs before either tool changes anything, batch 2 the state changes
        OfficialMqadmin tool = new OfficialMqadmin(dir, ns, null);
        for (List<String[][]> batch : List.of(readOnly, changes)) {
            List<String[]> official = new ArrayList<>();
            for (String[][] c : batch) {
                Mqadmin r = mercury(c[1]);
                OUTPUTS.put(c[0][0], new String[] {r.out + r.err, null});
                official.add(c[2]);
            }
            List<String> officialOut = tool.runAll(official);
            for (int i = 0; i < batch.size(); i++) {
                OUTPUTS.get(batch.get(i)[0][0])[1] = officialOut.get(i);
            }
        }
        String dump = System.getProperty("mercury.compare.dump");
        if (dump != null) {
            for (Map.Entry<String, String[]> e : OUTPUTS.entrySet()) {
                Files.createDirectories(Paths.get(dump));
                Files.write(Paths.get(dump, e.getKey() + ".mercury"), e.getValue()[0].getBytes(StandardCharsets.UTF_8));
                Files.write(Paths.get(dump, e.getKey() + ".official"), e.getValue()[1].getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @AfterAll
    static void stop() {
        if (consumer != null) {
            consumer.shutdown();
        }
        if (producer != null) {
            producer.shutdown();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static String[] cmd(String... words) {
        return words;
    }

    private static void add(List<String[][]> cases, String label, String[] command) {
        cases.add(new String[][] {{label}, command, command});
    }

    private static void pair(List<String[][]> cases, String label, String[] mercury, String[] official) {
        cases.add(new String[][] {{label}, mercury, official});
    }

    private static Mqadmin mercury(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.add("-n");
        all.add(ns);
        return Mqadmin.run(all.toArray(new String[0]));
    }

    private static void prepare() throws Exception {
        for (String t : new String[] {TOPIC, "OrigDelM", "OrigDelO"}) {
            assertEquals(0, mercury("updateTopic", "-t", t, "-c", CLUSTER, "-r", "2", "-w", "2").exitCode, t);
        }
        for (String g : new String[] {GROUP, "OrigSubDelM", "OrigSubDelO"}) {
            assertEquals(0, mercury("updateSubGroup", "-g", g, "-c", CLUSTER).exitCode, g);
        }
        assertEquals(0, mercury("updateKvConfig", "-s", "ORIG_NS", "-k", "kM", "-v", "v0").exitCode);
        assertEquals(0, mercury("updateKvConfig", "-s", "ORIG_NS", "-k", "kO", "-v", "v0").exitCode);
        await().atMost(WAIT).until(() -> mercury("topicRoute", "-t", TOPIC).out.contains("\"readQueueNums\":2"));
        producer = new DefaultMQProducer(PRODUCER_GROUP);
        producer.setNamesrvAddr(ns);
        producer.setInstanceName("orig-producer");
        producer.setSendMsgTimeout(10_000);
        producer.start();
        for (int i = 0; i < MESSAGES; i++) {
            Message m = new Message(TOPIC, "TagA", "key-" + i, ("body-" + i).getBytes(StandardCharsets.UTF_8));
            SENT.add(producer.send(m, new MessageQueue(TOPIC, broker, i % 2)));
        }
        AtomicInteger consumed = new AtomicInteger();
        consumer = new DefaultMQPushConsumer(GROUP);
        consumer.setNamesrvAddr(ns);
        consumer.setInstanceName("orig-consumer");
        consumer.setPersistConsumerOffsetInterval(500);
        consumer.setConsumeFromWhere(org.apache.rocketmq.common.consumer.ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(TOPIC, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
            consumed.addAndGet(msgs.size());
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        await().atMost(WAIT).until(() -> consumed.get() >= MESSAGES);
        // the committed offsets reach the broker: consumerProgress shows no lag
        await().atMost(WAIT).until(() -> mercury("consumerProgress", "-g", GROUP).out.contains("Diff Total: 0"));
        await().atMost(WAIT).until(() -> mercury("producerConnection", "-g", PRODUCER_GROUP, "-t", TOPIC).out
            .contains("orig-producer"));
    }

    private static void same(String label, UnaryOperator<String> norm) {
        String[] pair = OUTPUTS.get(label);
        assertEquals(norm.apply(pair[1]), norm.apply(pair[0]), label + ": official (expected) vs Mercury (actual)");
    }

    private static void same(String label) {
        same(label, UnaryOperator.identity());
    }

    /** Lines sorted: both tools print these tables in the order of a hash map of their own. */
    private static String sortedLines(String s) {
        return s.lines().sorted().collect(java.util.stream.Collectors.joining("\n"));
    }

    @Test
    void clusterAndTopicListingsPrintTheSame() {
        same("clusterList-m");
        // the last column is the commit log's disk usage ratio, which moves with every write to the disk
        // and the in/out TPS move with the test's own traffic
        same("clusterList", s -> s.replaceAll("(?m) \\d+\\.\\d+$", " <disk>").replaceAll("\\d+\\.\\d\\d\\(", "<tps>("));
        assertTrue(OUTPUTS.get("clusterList")[0].contains(brokerAddr), OUTPUTS.get("clusterList")[0]);
        same("topicList", MqadminOriginalCommandsComparisonTest::sortedLines);
        same("topicList-c", MqadminOriginalCommandsComparisonTest::sortedLines);
        assertTrue(OUTPUTS.get("topicList-c")[0].contains(String.format("%-20s  %-64s  %-64s", CLUSTER, TOPIC, GROUP)),
            OUTPUTS.get("topicList-c")[0]);
        same("topicStatus");
        same("topicRoute");
        assertTrue(OUTPUTS.get("topicRoute")[0].contains("\"brokerAddrs\":{0:\"" + brokerAddr + "\"\n"),
            OUTPUTS.get("topicRoute")[0]);
    }

    @Test
    void brokerStatusHasTheSameKeysInTheSameOrder() {
        // every value is a live counter or time: compare the keys and their order
        same("brokerStatus", s -> s.replaceAll("(?m):.*$", ":"));
    }

    @Test
    void messageQueriesPrintTheSame() {
        same("queryMsgById");
        same("queryMsgByUniqueKey");
        assertTrue(OUTPUTS.get("queryMsgByUniqueKey")[0].endsWith("MessageTrack [consumerGroup=" + GROUP
            + ", trackType=CONSUMED, exceptionDesc=null]"), OUTPUTS.get("queryMsgByUniqueKey")[0]);
        same("queryMsgByKey");
        assertTrue(OUTPUTS.get("queryMsgByKey")[0].startsWith("#Message ID"), OUTPUTS.get("queryMsgByKey")[0]);
    }

    @Test
    void connectionsAndProgressPrintTheSame() {
        same("producerConnection");
        same("consumerConnection");
        assertTrue(OUTPUTS.get("consumerConnection")[0].startsWith("#ClientId"), OUTPUTS.get("consumerConnection")[0]);
        same("consumerProgress");
        same("consumerProgress-g");
        assertTrue(OUTPUTS.get("consumerProgress-g")[0].endsWith("Diff Total: 0\n"), OUTPUTS.get("consumerProgress-g")[0]);
    }

    @Test
    void consumerProgressWithClientIpPrintsTheSame() {
        // No normalisation: #LastTime is the store time of the last consumed message (the same broker data for
        // both tools) and #Client IP comes from the one official consumer in this JVM, which both tools ask
        // (203 + 307); its IP is whatever address this machine reports, but it is the same for both runs.
        same("consumerProgress-g-s");
        String out = OUTPUTS.get("consumerProgress-g-s")[0];
        assertTrue(out.startsWith(String.format("%-64s  %-32s  %-4s  %-20s  %-20s  %-20s %-20s  %s%n", "#Topic",
            "#Broker Name", "#QID", "#Broker Offset", "#Consumer Offset", "#Client IP", "#Diff", "#LastTime")), out);
        // both queues of the topic are held by the consumer: its IP, not N/A, on each row
        String ip = consumer.buildMQClientId().split("@")[0];
        for (int q = 0; q < 2; q++) {
            String row = String.format("%-64s  %-32s  %-4d  ", TOPIC, broker, q);
            assertTrue(out.lines().anyMatch(l -> l.startsWith(row) && l.contains(String.format("  %-20s ", ip))),
                q + " " + ip + "\n" + out);
        }
    }

    @Test
    void topicAndGroupChangesPrintTheSame() {
        // each tool created/deleted its own topic or group (…M for Mercury, …O for the official tool)
        same("updateTopic-c", s -> s.replace("OrigNewO", "OrigNewM"));
        // RocketMQ 4.9.7 prints a stack trace when the topic has no order conf yet (it then creates one): drop it
        same("updateTopic-b", s -> s.replace("OrigNewBO", "OrigNewBM")
            .replaceAll("(?s)^org\\.apache\\.rocketmq\\.client\\.exception\\.MQClientException.*?(?=set broker orderConf)", ""));
        same("deleteTopic", s -> s.replace("OrigDelO", "OrigDelM"));
        same("updateSubGroup-c", s -> s.replace("OrigSubO", "OrigSubM"));
        same("updateSubGroup-b", s -> s.replace("OrigSubBO", "OrigSubBM"));
        same("deleteSubGroup", s -> s.replace("OrigSubDelO", "OrigSubDelM"));
        same("resetOffsetByTime-now");
        same("resetOffsetByTime-minus1");
        assertTrue(OUTPUTS.get("resetOffsetByTime-minus1")[0].contains(broker), OUTPUTS.get("resetOffsetByTime-minus1")[0]);
    }

    @Test
    void configAndPermissionChangesPrintTheSame() {
        same("updateBrokerConfig-b");
        same("updateBrokerConfig-c");
        same("updateKvConfig");
        same("deleteKvConfig");
        same("updateNamesrvConfig");
        // the trailing number counts the topics the name server changed: the other tool's runs add topics between
        same("wipeWritePerm", s -> s.replaceAll("OK, \\d+", "OK, <n>"));
        same("addWritePerm", s -> s.replaceAll("OK, \\d+", "OK, <n>"));
        // the broker config in whatever order each tool's map has
        same("getBrokerConfig-b", MqadminOriginalCommandsComparisonTest::sortedLines);
        same("getBrokerConfig-c", MqadminOriginalCommandsComparisonTest::sortedLines);
        same("getNamesrvConfig", MqadminOriginalCommandsComparisonTest::sortedLines);
    }

    @Test
    void documentedDifferencesStayAsDocumented() {
        // docs/mqadmin.md: errors are one line and exit 1 (4.9.7 prints a stack trace)
        String missing = OUTPUTS.get("topicRoute-missing")[0];
        assertTrue(missing.contains("TOPIC_NOT_EXIST(17)") && !missing.contains("\tat "), missing);
        assertTrue(OUTPUTS.get("topicRoute-missing")[1].contains("CODE: 17"), OUTPUTS.get("topicRoute-missing")[1]);
    }
}
