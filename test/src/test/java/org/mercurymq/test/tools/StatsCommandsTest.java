package org.mercurymq.test.tools;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.protocol.body.BrokerStatsData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.test.harness.MercuryCluster;

/**
 * The broker statistics (docs/statistics.md) seen through the official RocketMQ 4.9.7 admin API and mqadmin,
 * and Mercury's statistics commands compared with the official ones on the same Mercury cluster (a NameServer
 * and a Broker in child JVMs). The idle-broker check runs first, before any client touches the cluster.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatsCommandsTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String CLUSTER = "MercuryCluster";
    private static final int MESSAGES = 37;

    @TempDir
    static Path dir;

    private static MercuryCluster cluster;
    private static String ns;
    private static DefaultMQAdminExt official;

    @BeforeAll
    static void startCluster() throws Exception {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
        System.setProperty("rocketmq.client.localOffsetStoreDir", dir.resolve("client-offsets").toString());
        cluster = MercuryCluster.start(dir, "autoCreateTopicEnable=true", "autoDeleteUnusedStats=true");
        ns = cluster.namesrvAddress();
        official = new DefaultMQAdminExt("stats-admin-" + System.nanoTime());
        official.setNamesrvAddr(ns);
        official.setInstanceName("stats-admin-" + System.nanoTime());
        official.start();
    }

    @AfterAll
    static void stopCluster() {
        if (official != null) {
            official.shutdown();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static Mqadmin admin(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.add("-n");
        all.add(ns);
        return Mqadmin.run(all.toArray(new String[0]));
    }

    private static Mqadmin ok(String... args) {
        Mqadmin r = admin(args);
        assertEquals(0, r.exitCode, r.toString());
        return r;
    }

    /**
     * Regression: delayed-message delivery polled its 18 queues through the counted store read, so an idle
     * broker showed about 180 misses per second in getMissTps and getTotalTps.
     */
    @Test
    @Order(1)
    void idleBrokerShowsNoReads() throws Exception {
        // the 10 s window needs 11 one-second samples after the store started
        await().atMost(WAIT).until(() -> !runtime().get("getMissTps").startsWith(" "));
        Map<String, String> info = runtime();
        assertEquals("0.0", info.get("getMissTps").split(" ")[0], info.toString());
        assertEquals("0.0", info.get("getTotalTps").split(" ")[0], info.toString());
        assertEquals("0.0", info.get("getFoundTps").split(" ")[0], info.toString());

        // 315 for an item never counted: code 1 with RocketMQ's remark, as the official admin reports it
        org.apache.rocketmq.client.exception.MQClientException e = org.junit.jupiter.api.Assertions.assertThrows(
            org.apache.rocketmq.client.exception.MQClientException.class,
            () -> official.viewBrokerStatsData(cluster.brokerAddress(), "TOPIC_PUT_NUMS", "NoSuchTopic"));
        assertEquals(1, e.getResponseCode());
        assertEquals("The stats <TOPIC_PUT_NUMS> <NoSuchTopic> not exist", e.getErrorMessage());
    }

    private static Map<String, String> runtime() throws Exception {
        return official.fetchBrokerRuntimeStats(cluster.brokerAddress()).getTable();
    }

    @Test
    @Order(2)
    void statsCountExactlyWhatWasSentAndConsumedAndStatsAllMatchesTheOfficialTool() throws Exception {
        String topic = "StatsTopic";
        String group = "StatsGroup" + System.nanoTime();
        ok("updateTopic", "-t", topic, "-c", CLUSTER, "-r", "2", "-w", "2");
        DefaultMQProducer producer = new DefaultMQProducer("StatsProducer" + System.nanoTime());
        producer.setNamesrvAddr(ns);
        producer.setInstanceName("stats-producer-" + System.nanoTime());
        producer.setSendMsgTimeout(10_000);
        producer.start();
        try {
            for (int i = 0; i < MESSAGES; i++) {
                producer.send(new Message(topic, "TagA", ("m-" + i).getBytes(StandardCharsets.UTF_8)));
            }
            // the official admin reads 315 from Mercury: the minute window holds exactly what was stored
            await().atMost(WAIT).until(() -> minute("TOPIC_PUT_NUMS", topic).getSum() == MESSAGES);
            BrokerStatsData put = official.viewBrokerStatsData(cluster.brokerAddress(), "TOPIC_PUT_NUMS", topic);
            assertEquals(MESSAGES, put.getStatsMinute().getSum());
            assertTrue(put.getStatsMinute().getTps() > 0, "tps " + put.getStatsMinute().getTps());
            assertEquals(1.0, put.getStatsMinute().getAvgpt(), 1e-9, "one message per send request");

            consume(group, topic, MESSAGES, () -> {
                await().atMost(WAIT).until(() -> minute("GROUP_GET_NUMS", topic + "@" + group).getSum() == MESSAGES);
                compareWithOfficial(topic, group, producer);
            });
        } finally {
            producer.shutdown();
        }
    }

    /** With autoDeleteUnusedStats=true, deleting a topic drops its statistics (315 then answers code 1). */
    @Test
    @Order(3)
    void deletedTopicLosesItsStatistics() throws Exception {
        String topic = "StatsDeletedTopic";
        ok("updateTopic", "-t", topic, "-c", CLUSTER, "-r", "1", "-w", "1");
        // the broker registers the new topic with the name server in the background: send once the route exists
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).ignoreExceptions()
            .until(() -> !official.examineTopicRouteInfo(topic).getQueueDatas().isEmpty());
        DefaultMQProducer producer = new DefaultMQProducer("StatsDelProducer" + System.nanoTime());
        producer.setNamesrvAddr(ns);
        producer.setInstanceName("stats-del-producer-" + System.nanoTime());
        producer.setSendMsgTimeout(10_000);
        producer.start();
        try {
            producer.send(new Message(topic, "x".getBytes(StandardCharsets.UTF_8)));
        } finally {
            producer.shutdown();
        }
        official.viewBrokerStatsData(cluster.brokerAddress(), "TOPIC_PUT_NUMS", topic);   // exists: no exception
        ok("deleteTopic", "-t", topic, "-c", CLUSTER);
        org.apache.rocketmq.client.exception.MQClientException e = org.junit.jupiter.api.Assertions.assertThrows(
            org.apache.rocketmq.client.exception.MQClientException.class,
            () -> official.viewBrokerStatsData(cluster.brokerAddress(), "TOPIC_PUT_NUMS", topic));
        assertEquals(1, e.getResponseCode());
    }

    /**
     * startMonitoring, in-process with a 0 ms first delay: one round logs the backlog of a group whose consumer is
     * online but stuck on its messages, with the exact diff, and nothing reaches the command's output.
     */
    @Test
    @Order(4)
    void startMonitoringLogsTheGroupsBacklogAndPrintsNothing() throws Exception {
        String topic = "MonitorTopic";
        String group = "MonitorGroup" + System.nanoTime();
        int backlog = 5;
        ok("updateTopic", "-t", topic, "-c", CLUSTER, "-r", "1", "-w", "1");
        DefaultMQProducer producer = new DefaultMQProducer("MonitorProducer" + System.nanoTime());
        producer.setNamesrvAddr(ns);
        producer.setInstanceName("monitor-producer-" + System.nanoTime());
        producer.setSendMsgTimeout(10_000);
        producer.start();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        consumer.setNamesrvAddr(ns);
        consumer.setInstanceName("monitor-consumer-" + System.nanoTime());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        AtomicInteger consumed = new AtomicInteger();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        // the first message is consumed; every later one blocks its consume thread until the end of the test, so
        // the committed offset stays at 1 and the backlog is exactly what is sent afterwards
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
            if (consumed.getAndAdd(msgs.size()) > 0) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
            org.mercurymq.tools.monitor.MonitorService.LOGGER);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> events =
            new ch.qos.logback.core.read.ListAppender<>();
        events.start();
        log.addAppender(events);
        ch.qos.logback.classic.Level level = log.getLevel();
        log.setLevel(ch.qos.logback.classic.Level.INFO);   // the test logging configuration may be quieter
        consumer.start();
        Thread monitorThread = null;
        try {
            producer.send(new Message(topic, "first".getBytes(StandardCharsets.UTF_8)));
            await().atMost(WAIT).until(() -> consumed.get() >= 1);
            // the consumed offset reaches the broker with the 5 s commit; then no more pulls
            await().atMost(WAIT).ignoreExceptions().until(() -> official.examineConsumeStats(group).computeTotalDiff() == 0
                && official.examineConsumeStats(group, topic).getOffsetTable().values().stream()
                    .allMatch(w -> w.getConsumerOffset() == 1));
            for (int i = 0; i < backlog; i++) {
                producer.send(new Message(topic, ("later-" + i).getBytes(StandardCharsets.UTF_8)));
            }
            await().atMost(WAIT).ignoreExceptions()
                .until(() -> official.examineConsumeStats(group).computeTotalDiff() == backlog);
            // the backlog is now stable: the consume threads hold the pulled messages without committing them

            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            java.io.PrintStream print = new java.io.PrintStream(out, true, StandardCharsets.UTF_8);
            org.mercurymq.tools.command.CommandContext ctx = new org.mercurymq.tools.command.CommandContext(print, ns, 5_000);
            org.mercurymq.tools.command.stats.StartMonitoringSubCommand command =
                new org.mercurymq.tools.command.stats.StartMonitoringSubCommand(0, 600_000);
            java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
            monitorThread = new Thread(() -> {
                try (ctx) {
                    command.execute(null, new org.apache.commons.cli.Options(), ctx);
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, "startMonitoring-test");
            monitorThread.start();
            String expected = "[MONITOR] reportUndoneMsgs: UndoneMsgs [consumerGroup=" + group + ", topic=" + topic
                + ", undoneMsgsTotal=" + backlog + ", undoneMsgsSingleMQ=" + backlog + ", undoneMsgsDelayTimeMills=";
            await().atMost(WAIT).until(() -> failure.get() != null
                || messages(events).stream().anyMatch(m -> m.endsWith("endRound")));
            assertEquals(null, failure.get());
            List<String> round = messages(events);
            assertTrue(round.stream().anyMatch(m -> m.startsWith(expected)), round.toString());
            assertTrue(round.get(0).endsWith("beginRound"), round.toString());
            assertEquals(null, failure.get());

            // a pull far past the queue's end makes the broker move the offset and write OFFSET_MOVED_EVENT; the
            // monitor's __MONITOR_CONSUMER logs it as a reportDeleteMsgsEvent line naming the group
            String movedGroup = "MonitorMovedGroup" + System.nanoTime();
            org.apache.rocketmq.client.consumer.DefaultMQPullConsumer puller =
                new org.apache.rocketmq.client.consumer.DefaultMQPullConsumer(movedGroup);
            puller.setNamesrvAddr(ns);
            puller.setInstanceName("monitor-moved-" + System.nanoTime());
            puller.start();
            try {
                org.apache.rocketmq.common.message.MessageQueue mq = puller.fetchSubscribeMessageQueues(topic).iterator().next();
                org.apache.rocketmq.client.consumer.PullResult moved = puller.pull(mq, "*", 1_000_000L, 1);
                assertEquals(org.apache.rocketmq.client.consumer.PullStatus.OFFSET_ILLEGAL, moved.getPullStatus());
            } finally {
                puller.shutdown();
            }
            await().atMost(WAIT).until(() -> messages(events).stream().anyMatch(m -> m.startsWith(
                "[MONITOR] reportDeleteMsgsEvent: DeleteMsgsEvent [offsetMovedEvent=OffsetMovedEvent [consumerGroup="
                    + movedGroup + ", messageQueue=MessageQueue [topic=" + topic + ", ")
                && m.contains("offsetRequest=1000000, offsetNew=")));
            assertEquals("", out.toString(StandardCharsets.UTF_8));
        } finally {
            if (monitorThread != null) {
                monitorThread.interrupt();
                monitorThread.join(30_000);
            }
            log.detachAppender(events);
            log.setLevel(level);
            release.countDown();
            consumer.shutdown();
            producer.shutdown();
        }
    }

    private static List<String> messages(
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> events) {
        synchronized (events.list) {
            List<String> all = new ArrayList<>();
            for (ch.qos.logback.classic.spi.ILoggingEvent e : events.list) {
                all.add(e.getFormattedMessage());
            }
            return all;
        }
    }

    private static org.apache.rocketmq.common.protocol.body.BrokerStatsItem minute(String name, String key) {
        try {
            return official.viewBrokerStatsData(cluster.brokerAddress(), name, key).getStatsMinute();
        } catch (Exception e) {
            return new org.apache.rocketmq.common.protocol.body.BrokerStatsItem();   // not counted yet
        }
    }

    /** Runs while the consumer and the producer are online (brokerConsumeStats and producer need them). */
    private static void compareWithOfficial(String topic, String group, DefaultMQProducer producer) throws Exception {
        // consumed offsets reach the broker with the next pull or the 5 s offset commit
        await().atMost(WAIT).until(() -> admin("statsAll", "-t", topic).out.contains(String.format("%-64s  %-64s %12d",
            topic, group, 0)));
        String broker = cluster.brokerAddress();
        String clientId = official.examineConsumerConnectionInfo(group).getConnectionSet().iterator().next().getClientId();
        List<String[]> commands = OfficialMqadmin.commands(
            new String[] {"statsAll", "-t", topic},
            new String[] {"statsAll", "-a"},
            new String[] {"brokerConsumeStats", "-b", broker},
            new String[] {"producer", "-b", broker},
            new String[] {"consumerStatus", "-g", group, "-i", clientId});
        List<String[]> officialOnly = new ArrayList<>(commands);
        Path metrics = dir.resolve("metrics-export");
        Path mercuryMetrics = dir.resolve("metrics-export-mercury");
        // exportMetrics writes to a directory of its own per tool, so it is run outside the shared command list
        officialOnly.add(new String[] {"exportMetrics", "-c", CLUSTER, "-f", metrics.toString()});
        List<String> mercury = new ArrayList<>();
        for (String[] c : commands) {
            mercury.add(ok(c).out);
        }
        String mercuryExport = ok("exportMetrics", "-c", CLUSTER, "-f", mercuryMetrics.toString()).out;
        List<String> theirs = new OfficialMqadmin(dir, ns, null).runAll(officialOnly);
        assertEquals("export " + metrics + "/metrics.json success", theirs.get(5).trim(), theirs.get(5));
        com.alibaba.fastjson2.JSONObject report = com.alibaba.fastjson2.JSON.parseObject(
            java.nio.file.Files.readString(metrics.resolve("metrics.json")));
        com.alibaba.fastjson2.JSONObject brokerReport = report.getJSONObject("evaluateReport")
            .getJSONObject(cluster.brokerName());
        assertEquals("V4_9_7", brokerReport.getJSONObject("runtimeVersion").getString("rocketmqVersion"), report.toString());
        assertTrue(brokerReport.getJSONObject("runtimeQuota").getJSONObject("tps").containsKey("normalInTps"),
            report.toString());
        // exportMetrics: Mercury's file equals the official one once the TPS figures are removed
        assertEquals("export " + mercuryMetrics + "/metrics.json success", mercuryExport);
        com.alibaba.fastjson2.JSONObject ours = com.alibaba.fastjson2.JSON.parseObject(
            java.nio.file.Files.readString(mercuryMetrics.resolve("metrics.json")));
        com.alibaba.fastjson2.JSONObject ourBroker = ours.getJSONObject("evaluateReport").getJSONObject(cluster.brokerName());
        assertEquals(1, ourBroker.getJSONObject("runtimeQuota").getIntValue("groupSize"), ours.toString());
        assertEquals("[\"JAVA%V4_9_7\"]", ourBroker.getJSONObject("runtimeVersion").getString("clientInfo"),
            ours.toString());
        assertEquals(withoutTps(report), withoutTps(ours), "exportMetrics\n" + ours);

        // statsAll: the InTPS and OutTPS columns are the only ones that change between two runs (the minute
        // window's span grows with every 10 s sample); topic order is hash order in RocketMQ, name order here
        assertEquals(statsAllRows(theirs.get(0)), statsAllRows(mercury.get(0)), "statsAll -t\n" + mercury.get(0));
        assertTrue(mercury.get(0).contains(String.format("%-64s  %-64s %12d", topic, group, 0)), mercury.get(0));
        assertTrue(mercury.get(0).contains(String.format(" %14d %14d", MESSAGES, MESSAGES)), mercury.get(0));
        assertEquals(statsAllRows(theirs.get(1)), statsAllRows(mercury.get(1)), "statsAll -a\n" + mercury.get(1));
        // brokerConsumeStats: fully deterministic (nothing is sent meanwhile)
        assertEquals(sorted(theirs.get(2)), sorted(mercury.get(2)), "brokerConsumeStats\n" + mercury.get(2));
        assertTrue(mercury.get(2).endsWith(String.format("%nDiff Total: 0%n")), mercury.get(2));
        // producer: lastUpdateTimestamp moves with every heartbeat; group order is hash order in RocketMQ; the
        // admin clients (this test's and the tools') appear once their first heartbeat arrives, so only the
        // instances of the test's producer and consumer are compared
        assertEquals(producerRows(theirs.get(3)), producerRows(mercury.get(3)), "producer\n" + mercury.get(3));
        assertTrue(mercury.get(3).contains("producer group (" + producer.getProducerGroup() + ") instance : clientId="),
            mercury.get(3));
        // consumerStatus -i: the client's pull/consume timestamps and its RT and TPS figures move; the properties
        // come in hash order
        assertEquals(sorted(runningInfo(theirs.get(4))), sorted(runningInfo(mercury.get(4))),
            "consumerStatus\n" + mercury.get(4));
        assertTrue(mercury.get(4).contains(String.format("002 Topic: %-40s ClassFilter: %-8s SubExpression: %s", topic, false,
            "*")), mercury.get(4));
    }

    /** A metrics.json tree without the figures that move between two exports (TPS, disk usage). */
    private static com.alibaba.fastjson2.JSONObject withoutTps(com.alibaba.fastjson2.JSONObject report) {
        com.alibaba.fastjson2.JSONObject copy = report.clone();
        com.alibaba.fastjson2.JSONObject brokers = copy.getJSONObject("evaluateReport");
        for (String broker : brokers.keySet()) {
            // normalInTps/normalOutTps: the broker's 10 s put and transferred rates at the moment of the export;
            // transInTps/scheduleInTps: the minute rates of the half and schedule topics (0 here, but time-based)
            com.alibaba.fastjson2.JSONObject quota = brokers.getJSONObject(broker).getJSONObject("runtimeQuota");
            quota.remove("tps");
            // diskRatio: the used share of the file system, which other processes on this machine write to
            quota.remove("diskRatio");
        }
        // totalTps: the sums of the figures removed above
        copy.getJSONObject("totalData").remove("totalTps");
        return copy;
    }

    /** statsAll's lines with the two TPS columns masked, sorted. */
    private static List<String> statsAllRows(String out) {
        List<String> rows = new ArrayList<>();
        for (String line : out.split("\n", -1)) {
            if (line.length() >= 167 && !line.startsWith("#")) {
                line = line.substring(0, 144) + "#".repeat(11) + line.charAt(155) + "#".repeat(11) + line.substring(167);
            }
            rows.add(line);
        }
        rows.sort(null);
        return rows;
    }

    private static List<String> producerRows(String out) {
        List<String> rows = new ArrayList<>();
        for (String line : sorted(out.replaceAll("lastUpdateTimestamp=\\d+", "lastUpdateTimestamp=?"))) {
            if (line.contains("@stats-producer-") || line.contains("@stats-consumer-")) {
                rows.add(line);
            }
        }
        return rows;
    }

    private static String runningInfo(String out) {
        int rt = out.indexOf("#Consumer RT&TPS#");
        String masked = rt < 0 ? out : out.substring(0, rt) + out.substring(rt).replaceAll("\\d+\\.\\d+", "#");
        return masked.replaceAll("(lastLockTimestamp|lastPullTimestamp|lastConsumeTimestamp)=\\d+", "$1=?");
    }

    private static List<String> sorted(String out) {
        List<String> rows = new ArrayList<>(Arrays.asList(out.split("\n", -1)));
        rows.sort(null);
        return rows;
    }

    /** Consumes {@code count} messages with an official push consumer, runs {@code whileOnline}, shuts it down. */
    private static void consume(String group, String topic, int count, ThrowingRunnable whileOnline) throws Exception {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        consumer.setNamesrvAddr(ns);
        consumer.setInstanceName("stats-consumer-" + System.nanoTime());
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
            whileOnline.run();
        } finally {
            consumer.shutdown();
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
