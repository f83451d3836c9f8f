package org.mercurymq.test.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.rocketmq.client.producer.SendResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.common.subscription.SubscriptionGroupConfig;
import org.mercurymq.test.harness.BrokerProcess;
import org.mercurymq.test.harness.MercuryCluster;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.command.MQAdminStartup;

/** The console's JSON API against a live NameServer and Broker in child JVMs, the console in a third. */
class ConsoleApiTest {
    @TempDir
    static Path dir;
    static MercuryCluster cluster;
    static ConsoleProcess console;

    @BeforeAll
    static void start() {
        // the trace topic for the message-trace test, as a broker with tracing on has it
        cluster = MercuryCluster.start(dir.resolve("cluster"), "traceTopicEnable=true");
        console = ConsoleProcess.start(dir.resolve("console"), cluster.namesrvAddress());
    }

    @AfterAll
    static void stop() {
        if (console != null) {
            console.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void clusterShowsTheMasterWithItsRuntimeInfo() throws Exception {
        // the broker registers with the NameServer shortly after its boot line
        JSONObject master = await().atMost(Duration.ofSeconds(60)).until(() -> {
            JSONObject body = JSON.parseObject(ok(console.get("api/cluster")));
            JSONArray clusters = body.getJSONArray("clusters");
            return clusters.isEmpty() ? null
                : clusters.getJSONObject(0).getJSONArray("brokers").getJSONObject(0).getJSONArray("members").getJSONObject(0);
        }, m -> m != null);
        assertEquals(cluster.brokerAddress(), master.getString("addr"));
        assertEquals("MASTER", master.getString("role"));
        JSONObject runtime = master.getJSONObject("runtime");
        assertTrue(runtime != null && runtime.containsKey("msgPutTotalTodayNow"), master::toString);
        JSONObject config = JSON.parseObject(ok(console.get("api/broker/config?addr=" + cluster.brokerAddress())));
        assertEquals(cluster.brokerName(), config.getString("brokerName"));
    }

    @Test
    void createdTopicAppearsInMqadminTopicListAndItsMessageIsFoundByKey() throws Exception {
        String topic = "ConsoleTopic" + System.nanoTime();
        String clusterName = clusterName();

        HttpResponse<String> created = console.postJson("api/topics",
            Map.of("topic", topic, "cluster", clusterName, "readQueueNums", 4, "writeQueueNums", 4, "perm", 6));
        assertEquals(200, created.statusCode(), created.body());
        assertEquals(cluster.brokerAddress(), JSON.parseObject(created.body()).getJSONArray("brokers").getString(0));

        await().atMost(Duration.ofSeconds(60)).until(() -> mqadmin("topicList", "-n", cluster.namesrvAddress()).contains(topic));
        JSONObject listed = JSON.parseArray(ok(console.get("api/topics"))).stream().map(o -> (JSONObject) o)
            .filter(t -> topic.equals(t.getString("topic"))).findFirst().orElseThrow();
        assertEquals("NORMAL", listed.getString("kind"));
        String routeText = ok(console.get("api/topic/route?topic=" + topic));
        // strict JSON for the browser: the broker-id keys are strings
        assertTrue(routeText.contains("\"0\":\"" + cluster.brokerAddress() + "\""), routeText);
        JSONObject route = JSON.parseObject(routeText);
        assertEquals(4, route.getJSONArray("queueDatas").getJSONObject(0).getIntValue("writeQueueNums"));

        String key = "key-" + System.nanoTime();
        String body = "hello <script>alert(1)</script> & \"quotes\"";
        SendResult sent = OfficialSender.send(cluster.namesrvAddress(), topic, key, body);

        JSONArray found = await().atMost(Duration.ofSeconds(60)).until(
            () -> JSON.parseArray(ok(console.get("api/messages/byKey?topic=" + topic + "&key=" + key))), a -> !a.isEmpty());
        JSONObject msg = found.getJSONObject(0);
        assertEquals(body, msg.getString("bodyText"), "the body comes back as data, unchanged");
        assertEquals(key, msg.getString("keys"));
        assertEquals("<b>not bold</b>", msg.getJSONObject("properties").getString("note"));

        JSONObject byId = JSON.parseObject(ok(console.get("api/messages/byId?topic=" + topic + "&msgId=" + sent.getMsgId())));
        assertEquals(body, byId.getString("bodyText"));

        JSONArray offsets = JSON.parseArray(ok(console.get("api/topic/offsets?topic=" + topic)));
        assertEquals(4, offsets.size());
        assertEquals(1, offsets.stream().mapToLong(o -> ((JSONObject) o).getLongValue("maxOffset")).sum());
    }

    @Test
    void dashboardCountsWhatWasSentAndKeepsTrendLines() throws Exception {
        String topic = "DashTopic" + System.nanoTime();
        String clusterName = clusterName();
        ok(console.postJson("api/topics", Map.of("topic", topic, "cluster", clusterName, "readQueueNums", 2,
            "writeQueueNums", 2, "perm", 6)));
        for (int i = 0; i < 3; i++) {
            OfficialSender.send(cluster.namesrvAddress(), topic, "dash-" + i, "dashboard " + i);
        }
        // the console samples the broker statistics (315) every second here (ConsoleProcess)
        JSONObject topicRow = await().atMost(Duration.ofSeconds(60)).until(() -> JSON.parseObject(ok(console.get("api/dashboard")))
            .getJSONArray("topics").stream().map(o -> (JSONObject) o).filter(t -> topic.equals(t.getString("topic")))
            .findFirst().orElse(null), t -> t != null && t.getLongValue("putLastMinute") == 3);
        assertTrue(topicRow.getLongValue("putLastHour") <= 3, topicRow::toString);

        JSONObject d = await().atMost(Duration.ofSeconds(30)).until(() -> JSON.parseObject(ok(console.get("api/dashboard"))),
            b -> b.getJSONObject("brokerTrend").getJSONArray("times").size() >= 2);
        JSONObject broker = d.getJSONArray("brokers").getJSONObject(0);
        assertEquals(cluster.brokerAddress(), broker.getString("addr"));
        assertTrue(broker.getLongValue("putToday") >= 3, broker::toString);
        JSONArray series = d.getJSONObject("brokerTrend").getJSONArray("series");
        JSONObject put = series.stream().map(o -> (JSONObject) o)
            .filter(x -> x.getString("name").equals(broker.getString("broker") + " put")).findFirst()
            .orElseThrow(() -> new AssertionError(d.toString()));
        assertEquals(d.getJSONObject("brokerTrend").getJSONArray("times").size(), put.getJSONArray("values").size());
        JSONObject topicSeries = d.getJSONObject("topicTrend").getJSONArray("series").stream().map(o -> (JSONObject) o)
            .filter(x -> topic.equals(x.getString("name"))).findFirst().orElseThrow(() -> new AssertionError(d.toString()));
        long peak = topicSeries.getJSONArray("values").stream().filter(v -> v != null)
            .mapToLong(v -> ((Number) v).longValue()).max().orElse(-1);
        assertEquals(3, peak, topicSeries::toString);

        // the chart library is served from its WebJar
        HttpResponse<String> uplot = console.get("uPlot.iife.min.js");
        assertEquals(200, uplot.statusCode());
        assertTrue(uplot.body().contains("uPlot"));
    }

    @Test
    void badInputGetsAClearErrorAndTheConsoleKeepsServing() throws Exception {
        HttpResponse<String> bad = console.postJson("api/topics", Map.of("topic", "bad topic!", "cluster", "x"));
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(JSON.parseObject(bad.body()).getString("error").contains("topic"), bad.body());
        HttpResponse<String> missing = console.get("api/messages/byKey?topic=T");
        assertEquals(400, missing.statusCode());
        assertEquals("Missing parameter: key", JSON.parseObject(missing.body()).getString("error"));
        assertEquals(404, console.get("api/nothing").statusCode());
        assertEquals(404, console.get("../etc/passwd").statusCode());
        HttpResponse<String> page = console.get("");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Mercury Console"));
    }

    @Test
    void groupCreatedOnTheClusterIsListedThenDeletedWithItsRetryTopic() throws Exception {
        String group = "console_group_" + System.nanoTime();
        String clusterName = clusterName();
        HttpResponse<String> created = console.postJson("api/consumers", Map.of("group", group, "cluster", clusterName,
            "consumeEnable", false, "consumeBroadcastEnable", false, "retryMaxTimes", 3, "brokerId", 0,
            "whichBrokerWhenConsumeSlowly", 1));
        assertEquals(200, created.statusCode(), created.body());
        assertEquals(List.of(cluster.brokerAddress()), JSON.parseObject(created.body()).getJSONArray("brokers").toJavaList(String.class));

        DefaultMQAdminExt admin = mercuryAdmin();
        try {
            SubscriptionGroupConfig written = admin.examineSubscriptionGroupConfig(cluster.brokerAddress(), group);
            assertNotNull(written, "the broker holds the group");
            assertFalse(written.isConsumeEnable());
            assertFalse(written.isConsumeBroadcastEnable());
            assertEquals(3, written.getRetryMaxTimes());
            assertTrue(groupNames().contains(group), "a group nobody consumed with yet is listed");
            JSONObject detail = JSON.parseObject(ok(console.get("api/consumer?group=" + group)));
            assertEquals(3, detail.getJSONObject("config").getIntValue("retryMaxTimes"));
            assertTrue(detail.getString("statsError").contains(group), detail::toString);

            // a consumer makes its retry topic; deleting the group removes both
            String topic = createTopic("GroupDeleteTopic");
            OfficialSender.send(cluster.namesrvAddress(), topic, "k", "v");
            try (OfficialConsumer consumer = OfficialConsumer.start(cluster.namesrvAddress(), group + "_2", topic)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> consumer.count() >= 1);
            }
            String retry = "%RETRY%" + group + "_2";
            await().atMost(Duration.ofSeconds(60)).until(() -> admin.fetchAllTopicList().getTopicList().contains(retry));
            for (String g : List.of(group, group + "_2")) {
                HttpResponse<String> deleted = console.postJson("api/consumer/delete", Map.of("group", g, "cluster", clusterName));
                assertEquals(200, deleted.statusCode(), deleted.body());
            }
            assertNull(admin.examineSubscriptionGroupConfig(cluster.brokerAddress(), group));
            assertFalse(admin.fetchAllTopicList().getTopicList().contains(retry), "the retry topic is gone");
            List<String> after = groupNames();
            assertFalse(after.contains(group) || after.contains(group + "_2"), after::toString);
        } finally {
            admin.shutdown();
        }
    }

    @Test
    void resetByTimeMovesAnOfflineGroupBackToTheFirstMessage() throws Exception {
        String topic = createTopic("ResetTopic");
        String group = "console_reset_" + System.nanoTime();
        long before = System.currentTimeMillis() - 1000;
        for (int i = 0; i < 3; i++) {
            OfficialSender.send(cluster.namesrvAddress(), topic, "reset-" + i, "m" + i);
        }
        try (OfficialConsumer consumer = OfficialConsumer.start(cluster.namesrvAddress(), group, topic)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> consumer.count() >= 3);
            // the consumer commits its offsets every second: lag 0 once it has
            await().atMost(Duration.ofSeconds(60)).until(() -> lagOf(group), lag -> lag != null && lag == 0);
        }
        HttpResponse<String> reset = console.postJson("api/consumer/resetOffset",
            Map.of("group", group, "topic", topic, "timestamp", before));
        assertEquals(200, reset.statusCode(), reset.body());
        JSONObject r = JSON.parseObject(reset.body());
        assertTrue(r.getString("via").contains("no consumer online"), r::toString);
        assertEquals(0, r.getJSONArray("queues").stream().mapToLong(q -> ((JSONObject) q).getLongValue("offset")).sum());

        DefaultMQAdminExt admin = mercuryAdmin();
        try {
            assertEquals(3, admin.examineConsumeStats(group).computeTotalDiff(), "the group reads the 3 messages again");
            JSONObject lag = JSON.parseObject(ok(console.get("api/consumer/lag?group=" + group)));
            assertEquals(3, lag.getLongValue("lag"), lag::toString);
            assertTrue(lag.getLongValue("sampledAt") > 0, lag::toString);
            // the console's own sampler (every second here) keeps the group's lag as a line
            JSONObject history = await().atMost(Duration.ofSeconds(30)).until(
                () -> JSON.parseObject(ok(console.get("api/consumer/lag/history?group=" + group))),
                h -> h.getJSONArray("lags").stream().filter(v -> v != null).count() >= 2
                    && Long.valueOf(3).equals(last(h.getJSONArray("lags"))));
            assertEquals(history.getJSONArray("times").size(), history.getJSONArray("lags").size());
        } finally {
            admin.shutdown();
        }
    }

    @Test
    void groupWritesRefuseBadInputWithAReadableError() throws Exception {
        String clusterName = clusterName();
        assertError(console.postJson("api/consumer/resetOffset", Map.of("group", "g", "topic", "T", "timestamp", "yesterday")),
            400, "timestamp must be a whole number");
        assertError(console.postJson("api/consumer/resetOffset", Map.of("group", "bad group!", "topic", "T", "timestamp", 1)),
            400, "Illegal group name");
        assertError(console.postJson("api/consumers", Map.of("group", "TOOLS_CONSUMER", "cluster", clusterName)),
            400, "built into every broker");
        assertError(console.postJson("api/consumers", Map.of("group", "g1", "cluster", "noSuchCluster")),
            400, "No cluster named noSuchCluster");
        assertError(console.postJson("api/consumers", Map.of("group", "g1", "cluster", clusterName, "retryMaxTimes", -2)),
            400, "retryMaxTimes");
        assertError(console.postJson("api/consumer/delete", Map.of("group", "g1")), 400, "Missing parameter: cluster");
        // a cross-site form or text/plain POST is not read
        assertError(console.post("api/consumer/delete", "text/plain", "{\"group\":\"g1\",\"cluster\":\"" + clusterName + "\"}"),
            415, "application/json");
        assertEquals(405, console.get("api/consumer/delete?group=g1").statusCode());
        assertEquals(200, console.get("api/consumers").statusCode(), "the console keeps serving");
    }

    @Test
    void onlineProducerIsListedWithItsClientIdLanguageAndVersion() throws Exception {
        String topic = createTopic("ProducerTopic");
        String group = "console_producer_" + System.nanoTime();
        try (OfficialSender producer = OfficialSender.start(cluster.namesrvAddress(), group)) {
            producer.send(topic, "p", "from a producer that stays online");
            // the broker learns of a producer from its heartbeat, at most 30 s after it knows the topic's route
            JSONArray online = await().atMost(Duration.ofSeconds(60)).until(
                () -> JSON.parseArray(ok(console.get("api/producers?group=" + group + "&topic=" + topic))), a -> !a.isEmpty());
            JSONObject p = online.getJSONObject(0);
            assertEquals(producer.clientId(), p.getString("clientId"));
            assertEquals("JAVA", p.getString("language"));
            assertEquals("V4_9_7", p.getString("versionDesc"));
            assertTrue(JSON.parseArray(ok(console.get("api/producers/groups"))).contains(group));
        }
        assertEquals("[]", ok(console.get("api/producers?group=nobody_" + System.nanoTime() + "&topic=" + topic)),
            "a group with no producer online has an empty list");
        assertError(console.get("api/producers?group=bad%20group!&topic=" + topic), 400, "Illegal group name");
        assertError(console.get("api/producers?group=g"), 400, "Missing parameter: topic");
    }

    @Test
    void timeRangeQueryFindsWhatWasStoredInsideItNewestFirst() throws Exception {
        String topic = createTopic("TimeTopic");
        OfficialSender.send(cluster.namesrvAddress(), topic, "early", "before the range");
        long early = await().atMost(Duration.ofSeconds(60)).until(() -> JSON.parseArray(
            ok(console.get("api/messages/byKey?topic=" + topic + "&key=early"))), a -> !a.isEmpty())
            .getJSONObject(0).getLongValue("storeTimestamp");
        long begin = early + 1;
        await().atMost(Duration.ofSeconds(5)).until(() -> System.currentTimeMillis() > begin);
        String body = "{\"b\":[1,2]}";
        OfficialSender.send(cluster.namesrvAddress(), topic, "inside-1", body);
        OfficialSender.send(cluster.namesrvAddress(), topic, "inside-2", body);
        long end = System.currentTimeMillis() + 1000;

        JSONObject r = JSON.parseObject(ok(console.get("api/messages/byTime?topic=" + topic + "&begin=" + begin + "&end=" + end)));
        assertFalse(r.getBooleanValue("truncated"));
        JSONArray messages = r.getJSONArray("messages");
        assertEquals(List.of("inside-2", "inside-1").stream().sorted().collect(Collectors.toList()),
            messages.stream().map(m -> ((JSONObject) m).getString("keys")).sorted().collect(Collectors.toList()), r::toString);
        assertTrue(messages.getJSONObject(0).getLongValue("storeTimestamp") >= messages.getJSONObject(1).getLongValue("storeTimestamp"));
        // the list carries no bodies; the detail carries the bytes for the hex view
        assertFalse(messages.getJSONObject(0).containsKey("bodyText"));
        JSONObject detail = JSON.parseObject(ok(console.get("api/messages/byId?topic=" + topic + "&msgId="
            + messages.getJSONObject(0).getString("msgId"))));
        assertEquals(body, new String(Base64.getDecoder().decode(detail.getString("bodyBase64")), StandardCharsets.UTF_8));

        assertError(console.get("api/messages/byTime?topic=" + topic + "&begin=" + end + "&end=" + begin), 400, "begin <= end");
        assertError(console.get("api/messages/byTime?topic=" + topic + "&begin=today&end=1"), 400, "begin must be a whole number");
    }

    @Test
    void timeRangeQueryStopsAt2000Messages() throws Exception {
        String topic = createTopic("ManyTopic");
        long begin = System.currentTimeMillis() - 1000;
        try (OfficialSender sender = OfficialSender.start(cluster.namesrvAddress(), "console_many_" + System.nanoTime())) {
            sender.sendBatches(topic, "many", 2_050);
        }
        JSONObject r = JSON.parseObject(ok(console.get("api/messages/byTime?topic=" + topic + "&begin=" + begin
            + "&end=" + (System.currentTimeMillis() + 1000))));
        assertEquals(2_000, r.getJSONArray("messages").size());
        assertTrue(r.getBooleanValue("truncated"));
        assertTrue(r.getJSONArray("messages").stream().anyMatch(m -> "many-2049".equals(((JSONObject) m).getString("keys"))),
            "the newest are kept: the last one sent is among them");
        assertFalse(groupNames().contains("TOOLS_CONSUMER"), "the console's own pull consumer's group is not listed");
    }

    @Test
    void resendHandsTheMessageToAnOnlineConsumerOfTheGroup() throws Exception {
        String topic = createTopic("ResendTopic");
        String group = "console_resend_" + System.nanoTime();
        try (OfficialConsumer consumer = OfficialConsumer.start(cluster.namesrvAddress(), group, topic)) {
            SendResult sent = OfficialSender.send(cluster.namesrvAddress(), topic, "again", "consume me twice");
            await().atMost(Duration.ofSeconds(60)).until(() -> consumer.deliveriesOf("again") == 1);
            assertTrue(JSON.parseArray(ok(console.get("api/topic/consumers?topic=" + topic))).contains(group));

            // the client's own report of its consume state
            String clientId = await().atMost(Duration.ofSeconds(30)).until(() -> JSON.parseObject(
                ok(console.get("api/consumer?group=" + group))).get("clients"), c -> c instanceof JSONArray && !((JSONArray) c).isEmpty())
                .toString();
            clientId = JSON.parseArray(clientId).getJSONObject(0).getString("clientId");
            // how the group consumes, from the clients' heartbeats
            JSONObject consumption = JSON.parseObject(ok(console.get("api/consumer?group=" + group)))
                .getJSONObject("consumption");
            assertEquals("CONSUME_PASSIVELY", consumption.getString("consumeType"), consumption::toString);
            assertEquals("CLUSTERING", consumption.getString("messageModel"));
            assertEquals("CONSUME_FROM_FIRST_OFFSET", consumption.getString("consumeFromWhere"));
            assertTrue(consumption.getJSONArray("subscriptions").stream().anyMatch(x -> topic.equals(((JSONObject) x)
                .getString("topic")) && "*".equals(((JSONObject) x).getString("expression"))), consumption::toString);
            JSONObject running = JSON.parseObject(ok(console.get("api/consumer/client?group=" + group + "&clientId=" + clientId)));
            assertTrue(running.getJSONArray("subscriptions").stream().anyMatch(x -> topic.equals(((JSONObject) x).getString("topic"))),
                running::toString);
            assertEquals("CONSUME_PASSIVELY", running.getJSONObject("properties").getString("PROP_CONSUME_TYPE"), running::toString);
            assertTrue(running.getJSONArray("queues").stream().anyMatch(x -> topic.equals(((JSONObject) x).getString("topic"))));

            HttpResponse<String> r = console.postJson("api/messages/resend",
                Map.of("topic", topic, "msgId", sent.getMsgId(), "group", group));
            assertEquals(200, r.statusCode(), r.body());
            JSONObject result = JSON.parseObject(r.body());
            assertEquals("CR_SUCCESS", result.getString("consumeResult"), r.body());
            await().atMost(Duration.ofSeconds(30)).until(() -> consumer.deliveriesOf("again") == 2);

            // the message's track: the group has consumed it (its committed offset is past the message)
            JSONObject track = await().atMost(Duration.ofSeconds(30)).until(() -> JSON.parseArray(ok(console.get(
                "api/messages/track?topic=" + topic + "&msgId=" + sent.getMsgId()))).stream().map(t -> (JSONObject) t)
                .filter(t -> group.equals(t.getString("group"))).findFirst().orElse(null),
                t -> t != null && "CONSUMED".equals(t.getString("trackType")));
            assertEquals(group, track.getString("group"));

            assertError(console.postJson("api/messages/resend", Map.of("topic", topic, "msgId", sent.getMsgId(),
                "group", "nobody_" + System.nanoTime())), 409, "No consumer of group");
            assertError(console.postJson("api/messages/resend", Map.of("topic", topic, "group", group)), 400,
                "Missing parameter: msgId");
        }
    }

    @Test
    void testMessageIsSentThenTheTopicIsDeletedFromTheCluster() throws Exception {
        String topic = createTopic("SendDeleteTopic");
        HttpResponse<String> sent = console.postJson("api/topic/send",
            Map.of("topic", topic, "tag", "T1", "key", "typed-key", "body", "typed <b>body</b>"));
        assertEquals(200, sent.statusCode(), sent.body());
        assertEquals("SEND_OK", JSON.parseObject(sent.body()).getString("status"));
        JSONObject found = await().atMost(Duration.ofSeconds(60)).until(() -> JSON.parseArray(
            ok(console.get("api/messages/byKey?topic=" + topic + "&key=typed-key"))), a -> !a.isEmpty()).getJSONObject(0);
        assertEquals("typed <b>body</b>", found.getString("bodyText"));
        assertEquals("T1", found.getString("tags"));

        HttpResponse<String> deleted = console.postJson("api/topic/delete", Map.of("topic", topic, "cluster", clusterName()));
        assertEquals(200, deleted.statusCode(), deleted.body());
        await().atMost(Duration.ofSeconds(60)).until(() -> !mqadmin("topicList", "-n", cluster.namesrvAddress()).contains(topic));

        assertError(console.postJson("api/topic/delete", Map.of("topic", "%RETRY%some_group", "cluster", clusterName())),
            400, "RETRY topic");
        assertError(console.postJson("api/topic/delete", Map.of("topic", "TBW102", "cluster", clusterName())), 400, "SYSTEM topic");
        assertError(console.postJson("api/topic/send", Map.of("topic", topic, "body", "")), 400, "body is empty");
    }

    @Test
    void slaveShowsHowFarItIsBehindItsMasterAndBrokersTheirDiskUse() throws Exception {
        clusterName();
        try (BrokerProcess slave = BrokerProcess.start(dir.resolve("slave"), cluster.namesrvAddress(),
            MercuryCluster.BROKER_NAME, "brokerRole=SLAVE", "brokerId=1")) {
            String topic = createTopic("ReplicatedTopic");
            OfficialSender.send(cluster.namesrvAddress(), topic, "r", "replicate me");
            // the slave registers, then catches up with the master's commit log: 0 bytes behind
            JSONArray members = await().atMost(Duration.ofSeconds(90)).until(() -> JSON.parseObject(ok(console.get("api/cluster")))
                .getJSONArray("clusters").getJSONObject(0).getJSONArray("brokers").getJSONObject(0).getJSONArray("members"),
                m -> m.size() == 2 && Long.valueOf(0).equals(m.getJSONObject(1).getLong("behindMasterBytes")));
            assertEquals("SLAVE", members.getJSONObject(1).getString("role"));
            assertEquals(slave.address(), members.getJSONObject(1).getString("addr"));
            assertFalse(members.getJSONObject(0).containsKey("behindMasterBytes"), "the master is behind nobody");
            assertTrue(members.getJSONObject(1).getJSONObject("runtime").getLongValue("commitLogMaxOffset") > 0);
            double ratio = members.getJSONObject(0).getJSONObject("runtime").getDoubleValue("commitLogDiskRatio");
            assertTrue(ratio > 0 && ratio <= 1, "disk use of the master's commit-log disk: " + ratio);
        }
    }

    @Test
    void traceShowsTheProducersSendAndTheConsumersConsume() throws Exception {
        String topic = createTopic("TracedTopic");
        String producerGroup = "console_traced_p_" + System.nanoTime();
        String consumerGroup = "console_traced_c_" + System.nanoTime();
        try (OfficialConsumer consumer = OfficialConsumer.start(cluster.namesrvAddress(), consumerGroup, topic, true);
             OfficialSender producer = OfficialSender.start(cluster.namesrvAddress(), producerGroup, true)) {
            SendResult sent = producer.send(topic, "traced", "follow me");
            await().atMost(Duration.ofSeconds(60)).until(() -> consumer.deliveriesOf("traced") == 1);
            // the clients write their trace records in the background
            JSONArray trace = await().atMost(Duration.ofSeconds(60)).until(
                () -> JSON.parseArray(ok(console.get("api/messages/trace?msgId=" + sent.getMsgId()))),
                t -> types(t).contains("Pub") && types(t).contains("SubAfter"));
            JSONObject pub = trace.stream().map(o -> (JSONObject) o).filter(t -> "Pub".equals(t.getString("type")))
                .findFirst().orElseThrow();
            assertEquals(producerGroup, pub.getString("group"));
            assertEquals("success", pub.getString("status"));
            assertTrue(trace.stream().map(o -> (JSONObject) o).anyMatch(t -> "SubAfter".equals(t.getString("type"))
                && consumerGroup.equals(t.getString("group"))), trace::toString);
        }
        assertEquals("[]", ok(console.get("api/messages/trace?msgId=0A0000000000000000000000000000FF")),
            "a message nobody traced has no records");
        assertEquals("[]", ok(console.get("api/messages/byKey?topic=" + topic + "&key=nobody-used-this")),
            "a key nobody used finds nothing, which is not an error");
    }

    private static List<String> types(JSONArray trace) {
        return trace.stream().map(o -> ((JSONObject) o).getString("type")).collect(Collectors.toList());
    }

    private static Long last(JSONArray values) {
        for (int i = values.size() - 1; i >= 0; i--) {
            if (values.get(i) != null) {
                return values.getLong(i);
            }
        }
        return null;
    }

    private static void assertError(HttpResponse<String> r, int status, String text) {
        assertEquals(status, r.statusCode(), r.body());
        String error = JSON.parseObject(r.body()).getString("error");
        assertTrue(error != null && error.contains(text), r.body());
    }

    private static Long lagOf(String group) throws Exception {
        HttpResponse<String> r = console.get("api/consumer?group=" + group);
        return r.statusCode() == 200 ? JSON.parseObject(r.body()).getLong("lag") : null;
    }

    private static List<String> groupNames() throws Exception {
        return JSON.parseArray(ok(console.get("api/consumers"))).stream()
            .map(o -> ((JSONObject) o).getString("group")).collect(Collectors.toList());
    }

    private static String createTopic(String prefix) throws Exception {
        String topic = prefix + System.nanoTime();
        ok(console.postJson("api/topics", Map.of("topic", topic, "cluster", clusterName(), "readQueueNums", 2,
            "writeQueueNums", 2, "perm", 6)));
        return topic;
    }

    private static DefaultMQAdminExt mercuryAdmin() throws Exception {
        DefaultMQAdminExt admin = new DefaultMQAdminExt("console_test_admin_" + System.nanoTime());
        admin.setNamesrvAddr(cluster.namesrvAddress());
        admin.start();
        return admin;
    }

    /** The cluster's name, once the broker has registered with the NameServer. */
    private static String clusterName() {
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            JSONArray clusters = JSON.parseObject(ok(console.get("api/cluster"))).getJSONArray("clusters");
            return clusters.isEmpty() ? null : clusters.getJSONObject(0).getString("name");
        }, n -> n != null);
    }

    private static String ok(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    private static String mqadmin(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            MQAdminStartup.run(args, o, o);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
