package org.mercurymq.test.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.rocketmq.client.producer.SendResult;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.test.harness.ApacheCluster;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The console against an Apache RocketMQ 4.9.7 NameServer and Broker (the official jars in child JVMs): every page's
 * API answers from the reference broker as it does from Mercury's, and the write actions take effect there.
 */
class ConsoleAgainstApacheTest {
    static final String CLUSTER = "ApacheCluster";

    @TempDir
    static Path dir;
    static ApacheCluster cluster;
    static ConsoleProcess console;

    @BeforeAll
    static void start() {
        cluster = ApacheCluster.start(dir.resolve("apache"));
        console = ConsoleProcess.start(dir.resolve("console"), cluster.namesrvAddress());
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JSONArray clusters = JSON.parseObject(ok(console.get("api/cluster"))).getJSONArray("clusters");
            return !clusters.isEmpty();
        });
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
    void clusterDashboardAndBrokerConfigComeFromTheApacheBroker() throws Exception {
        JSONObject master = JSON.parseObject(ok(console.get("api/cluster"))).getJSONArray("clusters").getJSONObject(0)
            .getJSONArray("brokers").getJSONObject(0).getJSONArray("members").getJSONObject(0);
        assertEquals(cluster.brokerAddress(), master.getString("addr"));
        assertTrue(master.getJSONObject("runtime").getString("brokerVersionDesc").contains("4_9_7"), master::toString);
        assertTrue(master.getJSONObject("runtime").containsKey("commitLogDiskRatio"), master::toString);
        assertEquals(cluster.brokerName(),
            JSON.parseObject(ok(console.get("api/broker/config?addr=" + cluster.brokerAddress()))).getString("brokerName"));
        // the dashboard's sampler reads the Apache broker's statistics (VIEW_BROKER_STATS_DATA) every second here
        JSONObject broker = await().atMost(Duration.ofSeconds(60)).until(() -> JSON.parseObject(ok(console.get("api/dashboard")))
            .getJSONArray("brokers"), b -> !b.isEmpty()).getJSONObject(0);
        assertEquals(cluster.brokerAddress(), broker.getString("addr"));
        assertFalse(broker.containsKey("error"), broker::toString);
    }

    @Test
    void topicAndMessagesByKeyIdAndTimeOnTheApacheBroker() throws Exception {
        String topic = createTopic("ApacheTopic");
        long begin = System.currentTimeMillis() - 1000;
        SendResult sent = OfficialSender.send(cluster.namesrvAddress(), topic, "apache-key", "{\"on\":\"apache\"}");
        HttpResponse<String> typed = console.postJson("api/topic/send", Map.of("topic", topic, "key", "typed", "body", "typed"));
        assertEquals("SEND_OK", JSON.parseObject(ok(typed)).getString("status"));
        long end = System.currentTimeMillis() + 1000;

        JSONArray byKey = await().atMost(Duration.ofSeconds(60)).until(
            () -> JSON.parseArray(ok(console.get("api/messages/byKey?topic=" + topic + "&key=apache-key"))), a -> !a.isEmpty());
        assertEquals("{\"on\":\"apache\"}", byKey.getJSONObject(0).getString("bodyText"));
        assertEquals("{\"on\":\"apache\"}",
            JSON.parseObject(ok(console.get("api/messages/byId?topic=" + topic + "&msgId=" + sent.getMsgId()))).getString("bodyText"));
        JSONObject byTime = JSON.parseObject(ok(console.get("api/messages/byTime?topic=" + topic + "&begin=" + begin + "&end=" + end)));
        assertEquals(List.of("apache-key", "typed"), byTime.getJSONArray("messages").stream()
            .map(m -> ((JSONObject) m).getString("keys")).sorted().collect(Collectors.toList()), byTime::toString);
        assertEquals(2, JSON.parseArray(ok(console.get("api/topic/offsets?topic=" + topic))).stream()
            .mapToLong(o -> ((JSONObject) o).getLongValue("maxOffset")).sum());

        assertEquals(200, console.postJson("api/topic/delete", Map.of("topic", topic, "cluster", CLUSTER)).statusCode());
        await().atMost(Duration.ofSeconds(30)).until(() -> JSON.parseArray(ok(console.get("api/topics"))).stream()
            .noneMatch(t -> topic.equals(((JSONObject) t).getString("topic"))));
    }

    @Test
    void groupLagClientResendResetAndDeleteOnTheApacheBroker() throws Exception {
        String topic = createTopic("ApacheGroupTopic");
        String group = "console_apache_" + System.nanoTime();
        long before = System.currentTimeMillis() - 1000;
        SendResult sent = OfficialSender.send(cluster.namesrvAddress(), topic, "g-1", "one");
        try (OfficialConsumer consumer = OfficialConsumer.start(cluster.namesrvAddress(), group, topic)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> consumer.deliveriesOf("g-1") == 1);
            JSONObject detail = await().atMost(Duration.ofSeconds(60)).until(
                () -> JSON.parseObject(ok(console.get("api/consumer?group=" + group))),
                d -> Long.valueOf(0).equals(d.getLong("lag")) && d.get("clients") instanceof JSONArray);
            String clientId = detail.getJSONArray("clients").getJSONObject(0).getString("clientId");
            JSONObject running = JSON.parseObject(ok(console.get("api/consumer/client?group=" + group + "&clientId=" + clientId)));
            assertEquals("CONSUME_PASSIVELY", running.getJSONObject("properties").getString("PROP_CONSUME_TYPE"));

            JSONObject resent = JSON.parseObject(ok(console.postJson("api/messages/resend",
                Map.of("topic", topic, "msgId", sent.getMsgId(), "group", group))));
            assertEquals("CR_SUCCESS", resent.getString("consumeResult"), resent::toString);
            await().atMost(Duration.ofSeconds(30)).until(() -> consumer.deliveriesOf("g-1") == 2);
        }
        // offline: the reset commits the offsets found by time on the Apache broker
        JSONObject reset = JSON.parseObject(ok(console.postJson("api/consumer/resetOffset",
            Map.of("group", group, "topic", topic, "timestamp", before))));
        assertTrue(reset.getString("via").contains("no consumer online"), reset::toString);
        assertEquals(1, JSON.parseObject(ok(console.get("api/consumer/lag?group=" + group))).getLongValue("lag"));

        assertEquals(200, console.postJson("api/consumers", Map.of("group", group, "cluster", CLUSTER, "retryMaxTimes", 4))
            .statusCode());
        assertEquals(4, JSON.parseObject(ok(console.get("api/consumer?group=" + group))).getJSONObject("config")
            .getIntValue("retryMaxTimes"));
        assertEquals(200, console.postJson("api/consumer/delete", Map.of("group", group, "cluster", CLUSTER)).statusCode());
        await().atMost(Duration.ofSeconds(30)).until(() -> JSON.parseArray(ok(console.get("api/consumers"))).stream()
            .noneMatch(g -> group.equals(((JSONObject) g).getString("group"))));
    }

    @Test
    void onlineProducerOfTheApacheBrokerIsListed() throws Exception {
        String topic = createTopic("ApacheProducerTopic");
        String group = "console_apache_producer_" + System.nanoTime();
        try (OfficialSender producer = OfficialSender.start(cluster.namesrvAddress(), group)) {
            producer.send(topic, "p", "stay online");
            JSONArray online = await().atMost(Duration.ofSeconds(60)).until(
                () -> JSON.parseArray(ok(console.get("api/producers?group=" + group + "&topic=" + topic))), a -> !a.isEmpty());
            assertEquals(producer.clientId(), online.getJSONObject(0).getString("clientId"));
        }
    }

    /** The pages in a headless Chromium ({@link ConsolePages}) show the Apache cluster: broker, topic, message, charts. */
    @Test
    void thePagesShowTheApacheClusterInABrowser() throws Exception {
        Assumptions.assumeTrue(ConsolePages.chromiumAvailable("ConsoleAgainstApacheTest browser pages"),
            "no headless Chromium: install the packages chromium and chromium-driver");
        String topic = createTopic("ApachePageTopic");
        String key = "apache-page-" + System.nanoTime();
        String body = "<b>stored by Apache RocketMQ 4.9.7</b>";
        OfficialSender.send(cluster.namesrvAddress(), topic, key, body);
        WebDriver driver = ConsolePages.startChromium(dir.resolve("chrome-profile"));
        try {
            ConsolePages pages = new ConsolePages(driver, console.baseUrl());
            pages.open("cluster");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> pages.textOf("cluster-table").contains(cluster.brokerAddress()));
            assertTrue(pages.textOf("cluster-table").contains("V4_9_7"), pages.textOf("cluster-table"));
            // the broker's "putTps" text is shown as one number rounded to a tenth
            String putTps = pages.readStable(() ->
                driver.findElements(By.cssSelector("#cluster-table tbody tr td")).get(5).getText());
            assertTrue(putTps.matches("\\d+(\\.\\d)?"), "Put TPS cell: " + putTps);
            pages.screenshot("apache-cluster");

            pages.open("topics");
            await().atMost(Duration.ofSeconds(30)).until(() -> pages.textOf("topic-table").contains(topic));

            pages.open("messages");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                if (pages.find("msg-topic") == null) {
                    return false;
                }
                pages.type("msg-topic", topic);
                pages.type("msg-key", key);
                driver.findElement(By.id("msg-key-submit")).click();
                try {
                    return await().atMost(Duration.ofSeconds(5)).until(() -> pages.textOf("msg-body"), body::equals) != null;
                } catch (ConditionTimeoutException e) {
                    return false;
                }
            });
            assertEquals(List.of(), driver.findElements(By.cssSelector("#msg-body *")), "the body stays text");
            pages.screenshot("apache-messages");

            driver.get(console.baseUrl());
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                pages.textOf("dashboard-brokers").contains(cluster.brokerAddress())
                    && !driver.findElements(By.cssSelector("#dashboard-broker-chart canvas")).isEmpty());
            pages.screenshot("apache-dashboard");
        } finally {
            driver.quit();
        }
    }

    private static String createTopic(String prefix) throws Exception {
        String topic = prefix + System.nanoTime();
        ok(console.postJson("api/topics", Map.of("topic", topic, "cluster", CLUSTER, "readQueueNums", 2,
            "writeQueueNums", 2, "perm", 6)));
        return topic;
    }

    private static String ok(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }
}
