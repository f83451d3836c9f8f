package org.mercurymq.test.ha;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.store.DefaultMessageStore;
import org.mercurymq.store.MessageStoreConfig;
import org.mercurymq.test.harness.BrokerProcess;
import org.mercurymq.test.harness.NamesrvProcess;

/**
 * A SYNC_MASTER and a SLAVE broker (same brokerName, brokerId 1) as child JVMs; the slave learns the
 * master's HA address from the name server. Every SEND_OK means the slave acked; after kill -9 of the
 * master the slave's store holds every message.
 */
class MasterSlaveReplicationTest {
    private static final String BROKER = "ha-broker";
    private static final String TOPIC = "HaTopic";
    private static final int N = 50;

    @TempDir
    Path dir;

    @Test
    void syncMasterSendOkMeansTheSlaveHasTheMessage() throws Exception {
        Set<String> sent = new HashSet<>();
        try (NamesrvProcess namesrv = NamesrvProcess.start(dir.resolve("namesrv"));
             BrokerProcess master = BrokerProcess.start(dir.resolve("master"), namesrv.address(), BROKER,
                 "brokerRole=SYNC_MASTER", "brokerId=0");
             BrokerProcess slave = BrokerProcess.start(dir.resolve("slave"), namesrv.address(), BROKER,
                 "brokerRole=SLAVE", "brokerId=1")) {
            DefaultMQAdminExt admin = new DefaultMQAdminExt();
            admin.setNamesrvAddr(namesrv.address());
            admin.setInstanceName("ha-admin");
            admin.start();
            try {
                admin.createAndUpdateTopicConfig(master.address(), topicConfig());
                await().atMost(Duration.ofSeconds(30)).until(() -> admin.examineBrokerClusterInfo().getBrokerAddrTable()
                    .get(BROKER).getBrokerAddrs().size() == 2);
            } finally {
                admin.shutdown();
            }
            DefaultMQProducer producer = new DefaultMQProducer("ha-pg");
            producer.setNamesrvAddr(namesrv.address());
            producer.setInstanceName("ha-producer");
            producer.start();
            try {
                // until the slave has connected and caught up, SYNC_MASTER answers SLAVE_NOT_AVAILABLE
                int[] warmup = {0};
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    String body = "warmup-" + warmup[0]++;
                    SendResult r = producer.send(new Message(TOPIC, body.getBytes(StandardCharsets.UTF_8)));
                    sent.add(body);
                    return r.getSendStatus() == SendStatus.SEND_OK;
                });
                for (int i = 0; i < N; i++) {
                    String body = "message-" + i;
                    SendResult r = producer.send(new Message(TOPIC, body.getBytes(StandardCharsets.UTF_8)));
                    assertEquals(SendStatus.SEND_OK, r.getSendStatus(), "send " + i + " acked by the slave");
                    sent.add(body);
                }
            } finally {
                producer.shutdown();
            }
            master.kill9();
            int exit = slave.terminate();
            assertTrue(exit == 0 || exit == 143, "graceful slave exit on SIGTERM, was " + exit);
        }
        assertEquals(sent, bodiesInStore(dir.resolve("slave").resolve("store")),
            "the slave's store holds every message sent");
    }

    private static org.apache.rocketmq.common.TopicConfig topicConfig() {
        org.apache.rocketmq.common.TopicConfig t = new org.apache.rocketmq.common.TopicConfig(TOPIC);
        t.setReadQueueNums(4);
        t.setWriteQueueNums(4);
        return t;
    }

    private static Set<String> bodiesInStore(Path storeDir) {
        Map<String, String> raw = new HashMap<>();
        raw.put("storePathRootDir", storeDir.toString());
        raw.put("mappedFileSizeCommitLog", "67108864");
        raw.put("mappedFileSizeConsumeQueue", "600000");
        raw.put("maxHashSlotNum", "50000");
        raw.put("maxIndexNum", "200000");
        raw.put("brokerRole", "SLAVE");
        MessageStoreConfig config = new MessageStoreConfig(MessageStoreConfig.TABLE.parse(raw, w -> { }));
        DefaultMessageStore store = new DefaultMessageStore(config, Clock.systemUTC(), null);
        store.load();
        store.start();
        Set<String> bodies = new HashSet<>();
        try {
            for (int q = 0; q < 4; q++) {
                long max = store.getMaxOffsetInQueue(TOPIC, q);
                for (long off = store.getMinOffsetInQueue(TOPIC, q); off < max; off++) {
                    MessageExt m = store.lookMessageByOffset(store.getCommitLogOffsetInQueue(TOPIC, q, off));
                    bodies.add(new String(m.getBody(), StandardCharsets.UTF_8));
                }
            }
        } finally {
            store.shutdown();
        }
        return bodies;
    }
}
