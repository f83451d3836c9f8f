package org.mercurymq.test.broker;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.consumer.PullResult;
import org.apache.rocketmq.client.consumer.PullStatus;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.remoting.netty.NettyClientConfig;
import org.mercurymq.remoting.netty.NettyRemotingClient;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.test.harness.MercuryCluster;

/**
 * Live configuration (docs/broker.md): UPDATE_BROKER_CONFIG against a broker in a child JVM started with
 * {@code -c}. A run-time key (fileReservedTime) changes retention without a restart and survives one; a
 * restart-only key is saved and answered as such; the config file keeps its comments; read-slowly protection
 * switched on at run time disables a lagging group; unhonoured keys get one WARN line each at start.
 */
class LiveBrokerConfigTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String COMMENT = "# retention: three days unless changed by updateBrokerConfig";

    @TempDir
    static Path dir;

    private static MercuryCluster cluster;
    private static NettyRemotingClient remoting;

    @BeforeAll
    static void start() {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
        cluster = MercuryCluster.start(dir, "autoCreateTopicEnable=true", "mappedFileSizeCommitLog=1048576",
            COMMENT, "fileReservedTime=72", "transferMsgByHeap=false", "commercialBaseCount=2", "enableScheduleAsyncDeliver=true");
        remoting = new NettyRemotingClient(NettyClientConfig.from(NettyClientConfig.TABLE.defaults()));
        remoting.start();
    }

    @AfterAll
    static void stop() {
        if (remoting != null) {
            remoting.shutdown();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void fileReservedTimeChangesRetentionAtOnceAndSurvivesARestart() throws Exception {
        sendBytes("LiveRetention", 1_300_000);
        Path commitLog = cluster.broker().storeDir().resolve("commitlog");
        // the oldest segment is full; the cleaner never deletes the newest (the next one is also pre-allocated)
        Path oldest = commitLog.resolve("00000000000000000000");
        assertTrue(segments(commitLog) >= 2 && Files.exists(oldest), "needs an older segment to expire");
        int before = segments(commitLog);

        // fileReservedTime=72: a manual deletion request (329 runs the cleaner at once) deletes nothing
        assertEquals(ResponseCode.SUCCESS.code(), call(RequestCode.DELETE_EXPIRED_COMMITLOG, null).getCode());
        assertEquals(before, segments(commitLog), "nothing is older than 72 hours");
        assertTrue(Files.exists(oldest));

        RemotingCommand update = call(RequestCode.UPDATE_BROKER_CONFIG, "fileReservedTime=0\n");
        assertEquals(ResponseCode.SUCCESS.code(), update.getCode(), update.getRemark());
        assertTrue(update.getRemark().contains("applied now: fileReservedTime"), update.getRemark());
        assertTrue(update.getRemark().contains("saved to " + cluster.broker().configFile()), update.getRemark());

        // the file was edited in place: the comment and the key's position kept, the value replaced
        String file = Files.readString(cluster.broker().configFile(), StandardCharsets.ISO_8859_1);
        assertTrue(file.contains(COMMENT + "\nfileReservedTime=0\n"), file);
        assertTrue(!file.contains("fileReservedTime=72"), file);

        // without a restart the same request now deletes every segment but the newest
        assertEquals(ResponseCode.SUCCESS.code(), call(RequestCode.DELETE_EXPIRED_COMMITLOG, null).getCode());
        try {
            await().atMost(WAIT).until(() -> !Files.exists(oldest));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("expired segments not deleted; broker log:\n" + Files.readString(
                cluster.broker().storeDir().getParent().resolve("logs").resolve("broker.log"), StandardCharsets.UTF_8), e);
        }
        assertEquals("0", brokerConfig().getProperty("fileReservedTime"));

        // a restart-only key: saved for the next start, the running value kept, the remark says so
        RemotingCommand restartOnly = call(RequestCode.UPDATE_BROKER_CONFIG, "maxMessageSize=5000000\n");
        assertEquals(ResponseCode.SUCCESS.code(), restartOnly.getCode(), restartOnly.getRemark());
        assertTrue(restartOnly.getRemark().contains("after a restart") && restartOnly.getRemark().contains("maxMessageSize"),
            restartOnly.getRemark());
        assertEquals("4194304", brokerConfig().getProperty("maxMessageSize"));

        // an invalid value changes nothing, in memory or in the file
        String beforeBad = Files.readString(cluster.broker().configFile(), StandardCharsets.ISO_8859_1);
        RemotingCommand bad = call(RequestCode.UPDATE_BROKER_CONFIG, "fileReservedTime=soon\n");
        assertEquals(ResponseCode.SYSTEM_ERROR.code(), bad.getCode());
        assertTrue(bad.getRemark().contains("fileReservedTime"), bad.getRemark());
        assertEquals(beforeBad, Files.readString(cluster.broker().configFile(), StandardCharsets.ISO_8859_1));

        int exit = cluster.broker().terminate();
        assertTrue(exit == 0 || exit == 143, "graceful exit on SIGTERM, was " + exit);
        cluster.broker().restart();
        Properties after = brokerConfig();
        assertEquals("0", after.getProperty("fileReservedTime"));
        assertEquals("5000000", after.getProperty("maxMessageSize"));
        assertTrue(Files.readString(cluster.broker().configFile(), StandardCharsets.ISO_8859_1).contains(COMMENT));
    }

    @Test
    void unhonouredKeysAreWarnedOnceEachAtStart() {
        String out = cluster.broker().process().output();
        assertEquals(1, count(out, "commercialBaseCount=2 is not honoured by Mercury"), out);
        assertEquals(1, count(out, "enableScheduleAsyncDeliver=true is not honoured by Mercury"), out);
        // keys left at their default are not reported, nor honoured ones (zero-copy pull since issue 14's third pass)
        assertEquals(0, count(out, "highSpeedMode"), out);
        assertEquals(0, count(out, "transferMsgByHeap=false is not honoured"), out);
    }

    @Test
    void readSlowlyProtectionSwitchedOnAtRunTimeDisablesALaggingGroup() throws Exception {
        String topic = "LiveReadSlowly";
        sendBytes(topic, 20_000);
        RemotingCommand on = call(RequestCode.UPDATE_BROKER_CONFIG,
            "disableConsumeIfConsumerReadSlowly=true\nconsumerFallbehindThreshold=4096\n");
        assertEquals(ResponseCode.SUCCESS.code(), on.getCode(), on.getRemark());

        String group = "GID_LIVE_SLOW_" + System.nanoTime();
        DefaultMQPullConsumer consumer = new DefaultMQPullConsumer(group);
        consumer.setNamesrvAddr(cluster.namesrvAddress());
        consumer.setInstanceName("live-slow-" + System.nanoTime());
        consumer.start();
        try {
            MessageQueue mq = new MessageQueue(topic, cluster.brokerName(), 0);
            // reading from offset 0 is ~20 KB behind the end of the commit log: this pull is served, then the group is cut
            PullResult first = consumer.pull(mq, "*", 0, 1);
            assertEquals(PullStatus.FOUND, first.getPullStatus());
            MQBrokerException refused = assertThrows(MQBrokerException.class, () -> consumer.pull(mq, "*", 1, 1));
            assertEquals(ResponseCode.NO_PERMISSION.code(), refused.getResponseCode(), refused.getMessage());
        } finally {
            consumer.shutdown();
        }
        // the broker's log file (the console shows errors only)
        Path brokerLog = cluster.broker().storeDir().getParent().resolve("logs").resolve("broker.log");
        await().atMost(WAIT).until(() -> Files.exists(brokerLog)
            && Files.readString(brokerLog, StandardCharsets.UTF_8).contains("[PROTECT_BROKER] consumer group " + group));
    }

    private static void sendBytes(String topic, int total) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("PID_LIVE_" + System.nanoTime());
        producer.setNamesrvAddr(cluster.namesrvAddress());
        producer.setInstanceName("live-" + System.nanoTime());
        // a loaded 2-core machine can be slower than the client's 3 s budgets (route lookups included): retry
        producer.setSendMsgTimeout(20_000);
        producer.start();
        try {
            byte[] body = new byte[4000];
            for (int sent = 0; sent < total; sent += body.length) {
                Message m = new Message(topic, body);
                // only queue 0, so a pull from offset 0 sees the whole backlog
                await().atMost(WAIT).ignoreExceptions().until(() ->
                    producer.send(m, (mqs, msg, arg) -> mqs.get(0), null).getSendStatus() == SendStatus.SEND_OK);
            }
        } finally {
            producer.shutdown();
        }
    }

    private static RemotingCommand call(int code, String body) throws Exception {
        RemotingCommand request = RemotingCommand.createRequestCommand(code, null);
        if (body != null) {
            request.setBody(body.getBytes(StandardCharsets.UTF_8));
        }
        return remoting.invokeSync(cluster.brokerAddress(), request, 20_000);
    }

    private static Properties brokerConfig() throws Exception {
        RemotingCommand r = call(RequestCode.GET_BROKER_CONFIG, null);
        assertEquals(ResponseCode.SUCCESS.code(), r.getCode(), r.getRemark());
        Properties p = new Properties();
        p.load(new StringReader(new String(r.getBody(), StandardCharsets.UTF_8)));
        return p;
    }

    private static int segments(Path commitLog) throws IOException {
        File[] files = commitLog.toFile().listFiles((d, name) -> name.matches("\\d{20}"));
        return files == null ? 0 : files.length;
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
