package org.mercurymq.test.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.common.TopicConfig;
import org.mercurymq.test.harness.MercuryCluster;
import org.mercurymq.tools.admin.DefaultMQAdminExt;

/**
 * The console's trend lines outlive a kill -9 of the console (docs/console.md, "History"): a second console on the
 * same data directory starts with the first one's dashboard and lag samples.
 */
class ConsoleHistoryTest {
    @TempDir
    Path dir;

    @Test
    void aRestartedConsoleShowsTheSamplesOfTheOneBefore() throws Exception {
        Path data = dir.resolve("history");
        try (MercuryCluster cluster = MercuryCluster.start(dir.resolve("cluster"))) {
            String ns = cluster.namesrvAddress();
            String topic = "HistoryTopic";
            String group = "console_history_group";
            DefaultMQAdminExt admin = new DefaultMQAdminExt("console_history_admin");
            admin.setNamesrvAddr(ns);
            admin.start();
            try {
                admin.createAndUpdateTopicConfig(cluster.brokerAddress(), new TopicConfig(topic, 2, 2, 6));
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> admin.examineTopicRouteInfo(topic) != null);
                OfficialSender.send(ns, topic, "h-0", "m0");
                try (OfficialConsumer consumer = OfficialConsumer.start(ns, group, topic)) {
                    await().atMost(Duration.ofSeconds(60)).until(() -> consumer.count() >= 1);
                }
                OfficialSender.send(ns, topic, "h-1", "m1");
            } finally {
                admin.shutdown();
            }

            JSONObject lagBefore;
            JSONArray trendBefore;
            try (ConsoleProcess first = ConsoleProcess.start(dir.resolve("console-1"), ns,
                    Map.of("console.dataPath", data.toString()))) {
                lagBefore = await().atMost(Duration.ofSeconds(60)).until(
                    () -> JSON.parseObject(ok(first.get("api/consumer/lag/history?group=" + group))),
                    h -> h.getJSONArray("lags").stream().filter(v -> v != null).count() >= 3);
                trendBefore = await().atMost(Duration.ofSeconds(60)).until(
                    () -> JSON.parseObject(ok(first.get("api/dashboard"))).getJSONObject("brokerTrend").getJSONArray("times"),
                    t -> t.size() >= 3);
                first.kill9();
            }
            String nsDir = ns.replaceAll("[^A-Za-z0-9._-]", "_");
            assertTrue(Files.isRegularFile(data.resolve(nsDir).resolve("group-lag.jsonl")));
            assertTrue(Files.isRegularFile(data.resolve(nsDir).resolve("dashboard-brokers.jsonl")));

            // one sample a minute now: what the page shows at first is the old console's history
            try (ConsoleProcess second = ConsoleProcess.start(dir.resolve("console-2"), ns,
                    Map.of("console.dataPath", data.toString(), "console.dashboard.periodSeconds", "60",
                        "console.lag.periodSeconds", "60"))) {
                JSONObject lagAfter = JSON.parseObject(ok(second.get("api/consumer/lag/history?group=" + group)));
                JSONArray timesAfter = lagAfter.getJSONArray("times");
                JSONArray timesBefore = lagBefore.getJSONArray("times");
                assertTrue(timesAfter.size() >= timesBefore.size(), lagAfter::toString);
                for (int i = 0; i < timesBefore.size(); i++) {
                    assertEquals(timesBefore.get(i), timesAfter.get(i), "sample " + i + ": " + lagAfter);
                    assertEquals(lagBefore.getJSONArray("lags").get(i), lagAfter.getJSONArray("lags").get(i));
                }
                JSONArray trendAfter = JSON.parseObject(ok(second.get("api/dashboard")))
                    .getJSONObject("brokerTrend").getJSONArray("times");
                assertTrue(trendAfter.containsAll(trendBefore), trendBefore + " in " + trendAfter);
            }
        }
    }

    private static String ok(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }
}
