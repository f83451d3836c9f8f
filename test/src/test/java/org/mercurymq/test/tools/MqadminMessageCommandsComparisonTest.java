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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.mercurymq.common.KVNamespaces;
import org.mercurymq.remoting.protocol.body.ConsumeStats;
import org.mercurymq.remoting.protocol.body.OffsetWrapper;
import org.mercurymq.remoting.protocol.route.TopicRouteData;
import org.mercurymq.test.harness.MercuryCluster;
import org.mercurymq.tools.admin.DefaultMQAdminExt;

/**
 * The topic, offset and message commands of mqadmin (updateTopicPerm … clusterRT, docs/mqadmin.md) run through
 * Mercury's mqadmin (in-process) and through the official RocketMQ 4.9.7 mqadmin (one child JVM for the whole batch)
 * against the same Mercury cluster; their stdout must be equal after normalising only what differs between any two
 * runs (send times, fresh message ids, the names of the per-tool groups and topics a state-changing command works
 * on). State-changing commands act on a resource of their own per tool, and their effect is checked too.
 */
class MqadminMessageCommandsComparisonTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String CLUSTER = "MercuryCluster";
    private static final String TOPIC = "CmpTopic";
    private static final String CONSUMED_GROUP = "CmpGroup";
    private static final String ORDER_CONF = MercuryCluster.BROKER_NAME + ":2";

    @TempDir
    static Path dir;

    private static MercuryCluster cluster;
    private static String ns;
    private static String broker;
    private static DefaultMQAdminExt api;
    private static final List<SendResult> SENT = new ArrayList<>();
    private static final List<DefaultMQPushConsumer> CONSUMERS = new ArrayList<>();
    private static String tracedMsgId;
    /** label → {mercury output, official output}. */
    private static final Map<String, String[]> OUTPUTS = new LinkedHashMap<>();

    @BeforeAll
    static void runBothTools() throws Exception {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
        cluster = MercuryCluster.start(dir, "autoCreateTopicEnable=true", "traceTopicEnable=true");
        ns = cluster.namesrvAddress();
        broker = cluster.brokerName();
        api = new DefaultMQAdminExt();
        api.setNamesrvAddr(ns);
        api.start();
        await().atMost(WAIT).until(() -> mercury("clusterList").out.contains(broker));
        prepare();

        // label, Mercury's command, the official one (differs only in the per-tool resource of state changes)
        List<String[][]> cases = new ArrayList<>();
        add(cases, "topicClusterList", cmd("topicClusterList", "-t", TOPIC));
        add(cases, "allocateMQ", cmd("allocateMQ", "-t", TOPIC, "-i", "10.0.0.1,10.0.0.2,10.0.0.3"));
        add(cases, "getConsumerConfig", cmd("getConsumerConfig", "-g", CONSUMED_GROUP));
        add(cases, "getConsumerConfig-missing", cmd("getConsumerConfig", "-g", "NoSuchGroup"));
        add(cases, "queryMsgByOffset", cmd("queryMsgByOffset", "-t", TOPIC, "-b", broker, "-i", "0", "-o", "1"));
        add(cases, "queryMsgByOffset-noConsumer", cmd("queryMsgByOffset", "-t", "CmpQuietTopic", "-b", broker, "-i", "0",
            "-o", "0"));
        add(cases, "queryMsgByOffset-beyond", cmd("queryMsgByOffset", "-t", TOPIC, "-b", broker, "-i", "0", "-o", "50"));
        add(cases, "queryMsgTraceById", cmd("queryMsgTraceById", "-i", tracedMsgId));
        add(cases, "printMsg", cmd("printMsg", "-t", TOPIC));
        add(cases, "printMsg-tagB-noBody", cmd("printMsg", "-t", TOPIC, "-s", "TagB", "-d", "false"));
        add(cases, "printMsgByQueue", cmd("printMsgByQueue", "-t", TOPIC, "-a", broker, "-i", "0", "-p", "true", "-d",
            "true", "-f", "true"));
        add(cases, "printMsgByQueue-countOnly", cmd("printMsgByQueue", "-t", TOPIC, "-a", broker, "-i", "1", "-f", "true"));
        add(cases, "consumeMessage", cmd("consumeMessage", "-t", TOPIC, "-c", "4"));
        add(cases, "sendMessage-noBroker", cmd("sendMessage", "-t", "CmpSendM", "-p", "x", "-i", "1"));
        add(cases, "updateOrderConf-get", cmd("updateOrderConf", "-t", "CmpOrderTopic", "-m", "get"));
        add(cases, "updateTopicPerm-notMaster", cmd("updateTopicPerm", "-t", TOPIC, "-p", "4", "-b", "127.0.0.1:1"));
        // state changes: Mercury works on ...M, the official tool on ...O
        cases.add(new String[][] {{"updateOrderConf-put"},
            cmd("updateOrderConf", "-t", "CmpOrderM", "-m", "put", "-v", ORDER_CONF),
            cmd("updateOrderConf", "-t", "CmpOrderO", "-m", "put", "-v", ORDER_CONF)});
        cases.add(new String[][] {{"updateOrderConf-delete"},
            cmd("updateOrderConf", "-t", "CmpOrderDelM", "-m", "delete"),
            cmd("updateOrderConf", "-t", "CmpOrderDelO", "-m", "delete")});
        cases.add(new String[][] {{"updateTopicPerm-broker"},
            cmd("updateTopicPerm", "-t", "CmpPermBM", "-p", "2", "-b", cluster.brokerAddress()),
            cmd("updateTopicPerm", "-t", "CmpPermBO", "-p", "2", "-b", cluster.brokerAddress())});
        cases.add(new String[][] {{"updateTopicPerm-cluster"},
            cmd("updateTopicPerm", "-t", "CmpPermCM", "-p", "4", "-c", CLUSTER),
            cmd("updateTopicPerm", "-t", "CmpPermCO", "-p", "4", "-c", CLUSTER)});
        cases.add(new String[][] {{"cloneGroupOffset"},
            cmd("cloneGroupOffset", "-s", "CmpCloneSrc", "-d", "CmpCloneDestM", "-t", "CmpCloneTopic"),
            cmd("cloneGroupOffset", "-s", "CmpCloneSrc", "-d", "CmpCloneDestO", "-t", "CmpCloneTopic")});
        cases.add(new String[][] {{"skipAccumulatedMessage"},
            cmd("skipAccumulatedMessage", "-g", "CmpSkipM", "-t", "CmpSkipTopic"),
            cmd("skipAccumulatedMessage", "-g", "CmpSkipO", "-t", "CmpSkipTopic")});
        cases.add(new String[][] {{"skipAccumulatedMessage-online"},
            cmd("skipAccumulatedMessage", "-g", "CmpSkipOnM", "-t", "CmpSkipOnTopic"),
            cmd("skipAccumulatedMessage", "-g", "CmpSkipOnO", "-t", "CmpSkipOnTopic")});
        cases.add(new String[][] {{"sendMessage"},
            cmd("sendMessage", "-t", "CmpSendM", "-p", "hello mqadmin", "-k", "k1", "-c", "TagS", "-b", broker, "-i", "1"),
            cmd("sendMessage", "-t", "CmpSendO", "-p", "hello mqadmin", "-k", "k1", "-c", "TagS", "-b", broker, "-i", "1")});
        add(cases, "checkMsgSendRT", cmd("checkMsgSendRT", "-t", "CmpRtTopic", "-a", "4", "-s", "16"));
        add(cases, "sendMsgStatus", cmd("sendMsgStatus", "-b", broker, "-s", "16", "-c", "2"));

        List<String[]> official = new ArrayList<>();
        for (String[][] c : cases) {
            Mqadmin r = mercury(c[1]);
            assertEquals(0, r.exitCode, c[0][0] + ": " + r);
            OUTPUTS.put(c[0][0], new String[] {r.out, null});
            official.add(c[2]);
        }
        // RocketMQ's consumeMessage keeps its pull consumer in the command object, so within one JVM only its first
        // run works (later ones fail with SHUTDOWN_ALREADY): its by-queue form goes to a second batch of one
        List<String[][]> second = new ArrayList<>();
        add(second, "consumeMessage-byOffset", cmd("consumeMessage", "-t", TOPIC, "-b", broker, "-i", "1", "-o", "1"));
        for (String[][] c : second) {
            Mqadmin r = mercury(c[1]);
            assertEquals(0, r.exitCode, c[0][0] + ": " + r);
            OUTPUTS.put(c[0][0], new String[] {r.out, null});
        }
        OfficialMqadmin tool = new OfficialMqadmin(dir, ns, null);
        List<String> officialOut = new ArrayList<>(tool.runAll(official));
        officialOut.add(tool.run(second.get(0)[2]));
        int i = 0;
        for (String[] pair : OUTPUTS.values()) {
            pair[1] = officialOut.get(i++);
        }
    }

    @AfterAll
    static void stop() {
        for (DefaultMQPushConsumer c : CONSUMERS) {
            c.shutdown();
        }
        if (api != null) {
            api.shutdown();
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

    private static Mqadmin mercury(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.add("-n");
        all.add(ns);
        return Mqadmin.run(all.toArray(new String[0]));
    }

    /** Topics, messages, offsets and an order conf both tools then read. */
    private static void prepare() throws Exception {
        for (String t : new String[] {TOPIC, "CmpQuietTopic", "CmpCloneTopic", "CmpSkipTopic", "CmpPermBM", "CmpPermBO",
            "CmpPermCM", "CmpPermCO", "CmpSendM", "CmpSendO", "CmpRtTopic", "%RETRY%CmpCloneSrc", "%RETRY%CmpCloneDestM",
            "%RETRY%CmpCloneDestO", "%RETRY%CmpSkipM", "%RETRY%CmpSkipO", "%RETRY%" + CONSUMED_GROUP, "CmpSkipOnTopic"}) {
            boolean retry = t.startsWith("%RETRY%");
            assertEquals(0, mercury("updateTopic", "-t", t, "-c", CLUSTER, "-r", retry ? "1" : "2", "-w", retry ? "1" : "2")
                .exitCode, t);
        }
        assertEquals(0, mercury("updateSubGroup", "-g", CONSUMED_GROUP, "-c", CLUSTER).exitCode);
        for (String t : new String[] {TOPIC, "CmpQuietTopic", "CmpCloneTopic", "CmpSkipTopic", "CmpPermBM", "CmpPermBO",
            "CmpPermCM", "CmpPermCO", "%RETRY%CmpSkipO", "%RETRY%CmpCloneDestO", "%RETRY%" + CONSUMED_GROUP,
            "RMQ_SYS_TRACE_TOPIC"}) {
            await().atMost(WAIT).ignoreExceptions().until(() -> api.examineTopicRouteInfo(t).getQueueDatas().size() == 1);
        }
        DefaultMQProducer producer = new DefaultMQProducer("CmpProducer", true);
        producer.setNamesrvAddr(ns);
        producer.setInstanceName("cmp-producer-" + System.nanoTime());
        producer.setSendMsgTimeout(10_000);
        producer.start();
        try {
            String[] tags = {"TagA", "TagB", "TagA"};
            for (int i = 0; i < 6; i++) {
                Message m = new Message(TOPIC, tags[i % 3], "key-" + i, ("body-" + i).getBytes(StandardCharsets.UTF_8));
                SENT.add(producer.send(m, new MessageQueue(TOPIC, broker, i / 3)));
            }
            for (String t : new String[] {"CmpQuietTopic", "CmpCloneTopic", "CmpSkipTopic", "CmpSkipOnTopic"}) {
                for (int i = 0; i < 4; i++) {
                    producer.send(new Message(t, "TagQ", ("q-" + i).getBytes(StandardCharsets.UTF_8)),
                        new MessageQueue(t, broker, i % 2));
                }
            }
            tracedMsgId = SENT.get(0).getMsgId();
            // the trace of the first send reaches RMQ_SYS_TRACE_TOPIC asynchronously, through the producer's client
            // instance: wait before shutting it down
            await().atMost(WAIT).until(() -> mercury("queryMsgTraceById", "-i", tracedMsgId).out.contains("Pub"));
        } finally {
            producer.shutdown();
        }
        // committed offsets: CmpGroup read 1 and 2 messages of CmpTopic; the clone source and the skip groups too
        for (int q = 0; q < 2; q++) {
            api.updateConsumeOffset(cluster.brokerAddress(), CONSUMED_GROUP, new org.mercurymq.common.message.MessageQueue(
                TOPIC, broker, q), q + 1);
            api.updateConsumeOffset(cluster.brokerAddress(), "CmpCloneSrc", new org.mercurymq.common.message.MessageQueue(
                "CmpCloneTopic", broker, q), q + 1);
            for (String g : new String[] {"CmpSkipM", "CmpSkipO"}) {
                api.updateConsumeOffset(cluster.brokerAddress(), g, new org.mercurymq.common.message.MessageQueue(
                    "CmpSkipTopic", broker, q), q);
            }
            for (String g : new String[] {"CmpSkipOnM", "CmpSkipOnO"}) {
                api.updateConsumeOffset(cluster.brokerAddress(), g, new org.mercurymq.common.message.MessageQueue(
                    "CmpSkipOnTopic", broker, q), 0);
            }
        }
        // online groups whose consumers are paused from the start: their 4 messages stay accumulated
        for (String g : new String[] {"CmpSkipOnM", "CmpSkipOnO"}) {
            DefaultMQPushConsumer c = new DefaultMQPushConsumer(g);
            c.setNamesrvAddr(ns);
            c.setInstanceName("cmp-" + g + "-" + System.nanoTime());
            c.setPersistConsumerOffsetInterval(1000);
            c.subscribe("CmpSkipOnTopic", "*");
            c.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
            c.suspend();
            c.start();
            CONSUMERS.add(c);
        }
        for (String g : new String[] {"CmpSkipOnM", "CmpSkipOnO"}) {
            await().atMost(WAIT).until(() -> mercury("consumerConnection", "-g", g).out.contains("CmpSkipOnTopic"));
        }
        api.createOrUpdateOrderConf("CmpOrderTopic", ORDER_CONF, true);
        api.createOrUpdateOrderConf("CmpOrderDelM", ORDER_CONF, true);
        api.createOrUpdateOrderConf("CmpOrderDelO", ORDER_CONF, true);
    }

    /** Runs the comparison for one case after normalising both outputs with {@code norm}. */
    private static void same(String label, UnaryOperator<String> norm) {
        String[] pair = OUTPUTS.get(label);
        assertEquals(norm.apply(pair[1]), norm.apply(pair[0]), label + ": official (expected) vs Mercury (actual)");
    }

    private static void same(String label) {
        same(label, UnaryOperator.identity());
    }

    @Test
    void readOnlyTopicAndGroupCommandsPrintTheSame() {
        same("topicClusterList");
        assertEquals(CLUSTER + "\n", OUTPUTS.get("topicClusterList")[0]);
        same("allocateMQ");
        assertTrue(OUTPUTS.get("allocateMQ")[0].startsWith("{\"result\":{"), OUTPUTS.get("allocateMQ")[0]);
        same("getConsumerConfig");
        assertTrue(OUTPUTS.get("getConsumerConfig")[0].contains("groupName                               =  " + CONSUMED_GROUP),
            OUTPUTS.get("getConsumerConfig")[0]);
        same("getConsumerConfig-missing");
        same("updateOrderConf-get");
        same("updateTopicPerm-notMaster");
        // the official text (its tool can run consumeMessage only once per JVM, see above)
        assertEquals("Please set the brokerName before queueId!", mercury("consumeMessage", "-t", TOPIC, "-i", "1").out);
        same("sendMessage-noBroker");
    }

    @Test
    void messageReadingCommandsPrintTheSame() {
        same("queryMsgByOffset");
        String detail = OUTPUTS.get("queryMsgByOffset")[0];
        assertTrue(detail.contains("Keys:                [key-1]"), detail);
        assertTrue(detail.contains("MessageTrack [consumerGroup=" + CONSUMED_GROUP + ", trackType=NOT_ONLINE"), detail);
        same("queryMsgByOffset-noConsumer");
        assertTrue(OUTPUTS.get("queryMsgByOffset-noConsumer")[0].endsWith("WARN: No Consumer"));
        same("queryMsgByOffset-beyond");
        same("printMsg");
        assertTrue(OUTPUTS.get("printMsg")[0].contains("BODY: body-5"), OUTPUTS.get("printMsg")[0]);
        same("printMsg-tagB-noBody");
        same("printMsgByQueue");
        same("printMsgByQueue-countOnly");
        assertTrue(OUTPUTS.get("printMsgByQueue-countOnly")[0].startsWith("Tag: TagA"), OUTPUTS.get("printMsgByQueue-countOnly")[0]);
        same("consumeMessage");
        same("consumeMessage-byOffset");
    }

    @Test
    void traceOfAMessageIsPrintedTheSame() {
        same("queryMsgTraceById");
        String out = OUTPUTS.get("queryMsgTraceById")[0];
        assertTrue(out.startsWith("#Type      #ProducerGroup"), out);
        assertTrue(out.contains("Pub        CmpProducer"), out);
    }

    @Test
    void orderConfIsWrittenAndDeleted() throws Exception {
        // the group and topic names differ per tool; the rest of the line must be the same
        same("updateOrderConf-put", s -> s.replace("CmpOrderO", "CmpOrderM"));
        same("updateOrderConf-delete", s -> s.replace("CmpOrderDelO", "CmpOrderDelM"));
        assertEquals(ORDER_CONF, api.getKVConfig(KVNamespaces.ORDER_TOPIC_CONFIG, "CmpOrderM"));
        assertEquals(ORDER_CONF, api.getKVConfig(KVNamespaces.ORDER_TOPIC_CONFIG, "CmpOrderO"));
        for (String gone : new String[] {"CmpOrderDelM", "CmpOrderDelO"}) {
            assertFalse(kvExists(gone), gone);
        }
    }

    private static boolean kvExists(String key) {
        try {
            api.getKVConfig(KVNamespaces.ORDER_TOPIC_CONFIG, key);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void topicPermIsUpdatedOnTheBrokerAndInTheRoute() {
        same("updateTopicPerm-broker", s -> s.replace("CmpPermBO", "CmpPermBM"));
        same("updateTopicPerm-cluster");
        assertTrue(OUTPUTS.get("updateTopicPerm-cluster")[0].startsWith("update topic perm from 6 to 4 in "
            + cluster.brokerAddress() + " success."));
        for (String[] topicPerm : new String[][] {{"CmpPermBM", "2"}, {"CmpPermBO", "2"}, {"CmpPermCM", "4"}, {"CmpPermCO", "4"}}) {
            await().atMost(WAIT).ignoreExceptions().until(() -> {
                TopicRouteData r = api.examineTopicRouteInfo(topicPerm[0]);
                return r.getQueueDatas().get(0).getPerm() == Integer.parseInt(topicPerm[1]);
            });
        }
    }

    @Test
    void cloneGroupOffsetCopiesTheSourceConsumerOffsets() throws Exception {
        same("cloneGroupOffset", s -> s.replace("CmpCloneDestO", "CmpCloneDestM"));
        Map<Integer, Long> src = consumerOffsets("CmpCloneSrc", "CmpCloneTopic");
        assertEquals(Map.of(0, 1L, 1, 2L), src);
        assertEquals(src, consumerOffsets("CmpCloneDestM", "CmpCloneTopic"));
        assertEquals(src, consumerOffsets("CmpCloneDestO", "CmpCloneTopic"));
    }

    @Test
    void skipAccumulatedMessageMovesOfflineGroupsToTheEnd() throws Exception {
        same("skipAccumulatedMessage");
        assertTrue(OUTPUTS.get("skipAccumulatedMessage")[0].startsWith("#brokerName           #queueId"),
            OUTPUTS.get("skipAccumulatedMessage")[0]);
        for (String g : new String[] {"CmpSkipM", "CmpSkipO"}) {
            assertEquals(Map.of(0, 2L, 1, 2L), consumerOffsets(g, "CmpSkipTopic"), g);
        }
    }

    @Test
    void skipAccumulatedMessageResetsOnlineGroupsThroughTheBroker() {
        // the broker answers INVOKE_BROKER_TO_RESET_OFFSET with timestamp -1 by each queue's max offset
        same("skipAccumulatedMessage-online");
        String out = OUTPUTS.get("skipAccumulatedMessage-online")[0];
        assertTrue(out.startsWith(String.format("%-40s  %-40s  %-40s%n", "#brokerName", "#queueId", "#offset")), out);
        for (int q = 0; q < 2; q++) {
            assertTrue(out.contains(String.format("%-40s  %-40d  %-40d%n", broker, q, 2)), out);
        }
        // the paused consumers are told the new offsets and commit them
        for (String g : new String[] {"CmpSkipOnM", "CmpSkipOnO"}) {
            await().atMost(WAIT).ignoreExceptions().until(() -> Map.of(0, 2L, 1, 2L).equals(consumerOffsets(g, "CmpSkipOnTopic")));
        }
    }

    private static Map<Integer, Long> consumerOffsets(String group, String topic) throws Exception {
        ConsumeStats stats = api.examineConsumeStats(group, topic);
        Map<Integer, Long> out = new java.util.TreeMap<>();
        for (Map.Entry<org.mercurymq.common.message.MessageQueue, OffsetWrapper> e : stats.getOffsetTable().entrySet()) {
            out.put(e.getKey().getQueueId(), e.getValue().getConsumerOffset());
        }
        return out;
    }

    @Test
    void sendingCommandsPrintTheSameApartFromIdsAndTimes() throws Exception {
        // the message id is new on every send; the topic is each tool's own
        same("sendMessage", s -> s.replace("CmpSendO", "CmpSendM").replaceAll("[0-9A-F]{32,}", "<msgId>"));
        String row = OUTPUTS.get("sendMessage")[0].split("\n")[1];
        assertTrue(row.startsWith(String.format("%-32s  %-4s  %-20s", broker, 1, "SEND_OK")), row);
        String msgId = row.substring(row.lastIndexOf(' ') + 1);
        assertEquals("hello mqadmin", new String(api.queryMessageByUniqKey("CmpSendM", msgId, 32, 0, Long.MAX_VALUE)
            .getMessageList().get(0).getBody(), StandardCharsets.UTF_8));
        // the last column of a row is the send time in ms, and the average is of those times
        same("checkMsgSendRT", s -> s.replaceAll("Avg RT: \\d+\\.\\d\\d", "Avg RT: <rt>").replaceAll("(?m)\\d+$", "<rt>"));
        // send time, fresh ids, and the queue (the producer starts its round-robin at a random queue) vary per run
        same("sendMsgStatus", s -> s.replaceAll("rt=\\d+ms", "rt=<rt>ms").replaceAll("[0-9A-F]{32,}", "<id>")
            .replaceAll("queueId=\\d+", "queueId=<q>").replaceAll("queueOffset=\\d+", "queueOffset=<o>"));
        assertTrue(OUTPUTS.get("sendMsgStatus")[0].contains("sendStatus=SEND_OK"), OUTPUTS.get("sendMsgStatus")[0]);
    }

    @Test
    void clusterRtPrintsARowPerBrokerUntilInterrupted() throws Exception {
        // clusterRT never returns (RocketMQ's neither): run it in a thread and stop it after its first round
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream ps = new java.io.PrintStream(out, true, StandardCharsets.UTF_8);
        Thread t = new Thread(() -> org.mercurymq.tools.command.MQAdminStartup.run(
            new String[] {"clusterRT", "-a", "3", "-s", "16", "-i", "1", "-n", ns}, ps, ps), "clusterRT-test");
        t.start();
        try {
            await().atMost(WAIT).until(() -> out.toString(StandardCharsets.UTF_8).split("\n").length >= 2);
        } finally {
            t.interrupt();
            t.join(30_000);
        }
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(String.format("%-24s  %-24s  %-4s  %-8s  %-8s", "#Cluster Name", "#Broker Name", "#RT", "#successCount",
            "#failCount"), lines[0]);
        assertTrue(lines[1].matches(String.format("%-24s  %-24s  ", CLUSTER, broker) + "\\d+\\.\\d\\d\\s+  3 +  0 +"), lines[1]);
        assertFalse(t.isAlive());
    }
}
