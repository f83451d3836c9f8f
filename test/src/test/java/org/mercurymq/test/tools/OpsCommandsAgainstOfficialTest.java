package org.mercurymq.test.tools;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.test.harness.MercuryCluster;

/**
 * queryCq, cleanExpiredCQ, deleteExpiredCommitLog, cleanUnusedTopic, exportMetadata and exportConfigs: Mercury's
 * mqadmin prints what the official 4.9.7 mqadmin prints against the same Mercury cluster (one official batch for
 * the class), and the export files hold the same JSON.
 */
class OpsCommandsAgainstOfficialTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TOPIC = "OpsCqTopic";
    private static final String GROUP = "GID_OPS_EXPORT";

    @TempDir
    static Path dir;

    private static MercuryCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
        cluster = MercuryCluster.start(dir, "autoCreateTopicEnable=true");
        await().atMost(WAIT).until(() -> mercury("clusterList").out.contains(cluster.brokerName()));
        DefaultMQProducer producer = new DefaultMQProducer("PID_OPS_" + System.nanoTime());
        producer.setNamesrvAddr(cluster.namesrvAddress());
        producer.setInstanceName("ops-" + System.nanoTime());
        producer.setSendMsgTimeout(20_000);
        producer.start();
        try {
            for (int i = 0; i < 5; i++) {
                Message m = new Message(TOPIC, i % 2 == 0 ? "TagA" : "", ("cq-" + i).getBytes(StandardCharsets.UTF_8));
                // a loaded machine can exceed the client's 3 s route lookup: retry (a duplicate changes nothing compared)
                await().atMost(WAIT).ignoreExceptions().until(() ->
                    producer.send(m, (mqs, msg, arg) -> mqs.get(0), null).getSendStatus() == SendStatus.SEND_OK);
            }
        } finally {
            producer.shutdown();
        }
        assertEquals(0, mercury("updateSubGroup", "-b", cluster.brokerAddress(), "-g", GROUP).exitCode);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void outputAndExportedFilesMatchTheOfficialMqadmin() throws Exception {
        String b = cluster.brokerAddress();
        List<String[]> official = new ArrayList<>();
        List<String[]> ours = new ArrayList<>();
        for (String side : new String[] {"official", "mercury"}) {
            List<String[]> list = side.equals("official") ? official : ours;
            Path out = dir.resolve(side);
            list.add(new String[] {"cleanExpiredCQ", "-b", b});
            list.add(new String[] {"cleanExpiredCQ", "-c", "MercuryCluster"});
            list.add(new String[] {"cleanExpiredCQ"});
            list.add(new String[] {"deleteExpiredCommitLog", "-b", b});
            list.add(new String[] {"deleteExpiredCommitLog", "-c", "MercuryCluster"});
            list.add(new String[] {"cleanUnusedTopic", "-b", b});
            list.add(new String[] {"cleanUnusedTopic", "-c", "MercuryCluster"});
            list.add(new String[] {"queryCq", "-t", TOPIC, "-q", "0", "-i", "0", "-c", "3"});
            list.add(new String[] {"queryCq", "-t", TOPIC, "-q", "0", "-i", "2", "-b", b});
            list.add(new String[] {"exportMetadata", "-c", "MercuryCluster", "-f", out.resolve("meta").toString()});
            list.add(new String[] {"exportMetadata", "-c", "MercuryCluster", "-t", "-f", out.resolve("meta-t").toString()});
            list.add(new String[] {"exportMetadata", "-b", b, "-t", "-f", out.resolve("broker-t").toString()});
            list.add(new String[] {"exportMetadata", "-b", b, "-g", "-f", out.resolve("broker-g").toString()});
            list.add(new String[] {"exportConfigs", "-c", "MercuryCluster", "-f", out.resolve("cfg").toString()});
        }
        List<String> expected = new OfficialMqadmin(dir, cluster.namesrvAddress(), null).runAll(official);
        for (int i = 0; i < ours.size(); i++) {
            Mqadmin r = mercury(ours.get(i));
            String what = String.join(" ", ours.get(i));
            assertEquals(0, r.exitCode, what + ": " + r);
            // the commands print the export path they were given: the only difference
            assertEquals(expected.get(i).replace(dir.resolve("official").toString(), dir.resolve("mercury").toString()),
                r.out, what);
        }
        assertTrue(expected.get(7).contains("idx: 2\nConsumeQueueData{physicOffset="), expected.get(7));

        for (String file : new String[] {"meta/metadata.json", "meta-t/topic.json", "broker-t/topic.json",
            "broker-g/subscriptionGroup.json", "cfg/configs.json"}) {
            JSONObject theirs = json(dir.resolve("official").resolve(file));
            JSONObject mine = json(dir.resolve("mercury").resolve(file));
            // exportTime is the wall clock of each run
            assertTrue(theirs.remove("exportTime") == null || mine.remove("exportTime") != null, file);
            assertEquals(theirs, mine, file);
        }
        assertTrue(json(dir.resolve("mercury/meta/metadata.json")).getJSONObject("subscriptionGroupTable")
            .containsKey(GROUP));
    }

    private static JSONObject json(Path file) throws Exception {
        return JSON.parseObject(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static Mqadmin mercury(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.add("-n");
        all.add(cluster.namesrvAddress());
        return Mqadmin.run(all.toArray(new String[0]));
    }
}
