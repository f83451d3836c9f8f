package org.mercurymq.test.broker;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.test.harness.MercuryCluster;

/**
 * {@code kill -9} of the broker while official producers send with ASYNC_FLUSH, then a restart on the same
 * store: every acknowledged message is consumed afterwards, and a graceful stop (SIGTERM) removes the abort
 * file and the pid file.
 */
class BrokerCrashRecoveryTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedMessageSurvivesKill9() throws Exception {
        try (MercuryCluster cluster = MercuryCluster.start(dir, "flushDiskType=ASYNC_FLUSH");
             OfficialClients clients = new OfficialClients(cluster.namesrvAddress())) {
            DefaultMQAdminExt admin = clients.admin();
            String topic = "CrashTopic";
            await().atMost(WAIT).ignoreExceptions().until(() -> {
                admin.createAndUpdateTopicConfig(cluster.brokerAddress(), new TopicConfig(topic, 4, 4, 6));
                return admin.examineTopicRouteInfo(topic).getQueueDatas().size() == 1;
            });
            DefaultMQProducer producer = clients.producer("crash-pg");
            producer.setSendMsgTimeout(3000);
            producer.setRetryTimesWhenSendFailed(0);
            Set<String> acked = ConcurrentHashMap.newKeySet();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger seq = new AtomicInteger();
            Thread[] senders = new Thread[2];
            for (int t = 0; t < senders.length; t++) {
                senders[t] = new Thread(() -> {
                    while (!stop.get()) {
                        String key = "k" + seq.incrementAndGet();
                        try {
                            SendResult r = producer.send(new Message(topic, "TagA", key, key.getBytes(StandardCharsets.UTF_8)));
                            if (r.getSendStatus() == SendStatus.SEND_OK) {
                                acked.add(key);
                            }
                        } catch (Exception e) {
                            // the broker is being killed: unacknowledged sends may or may not be stored
                        }
                    }
                }, "crash-sender-" + t);
                senders[t].start();
            }
            await().atMost(WAIT).until(() -> acked.size() >= 300);
            cluster.broker().kill9();
            stop.set(true);
            for (Thread s : senders) {
                s.join(30_000);
            }
            assertTrue(Files.exists(cluster.broker().storeDir().resolve("abort")), "a killed broker leaves its abort file");
            int ackedBeforeRestart = acked.size();

            cluster.broker().restart();
            Set<String> received = ConcurrentHashMap.newKeySet();
            DefaultMQPushConsumer consumer = clients.pushConsumer("crash-cg");
            consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            consumer.subscribe(topic, "*");
            consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
                msgs.forEach(m -> received.add(new String(m.getBody(), StandardCharsets.UTF_8)));
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            clients.started(consumer);
            await().atMost(WAIT).until(() -> received.containsAll(acked));
            assertEquals(ackedBeforeRestart, acked.size());

            // the restarted broker takes new messages, and a graceful stop cleans up after itself
            String after = "after-restart";
            await().atMost(WAIT).ignoreExceptions().until(() ->
                producer.send(new Message(topic, "TagA", after, after.getBytes(StandardCharsets.UTF_8))).getSendStatus()
                    == SendStatus.SEND_OK);
            await().atMost(WAIT).until(() -> received.contains(after));
            clients.close();
            int exit = cluster.broker().terminate();
            assertTrue(exit == 0 || exit == 143, "graceful exit on SIGTERM, was " + exit);
            assertTrue(Files.notExists(cluster.broker().storeDir().resolve("abort")), "graceful stop removes the abort file");
            assertTrue(Files.notExists(cluster.broker().pidFile()), "graceful stop removes the pid file");
            assertTrue(Files.exists(cluster.broker().storeDir().resolve("config/consumerOffset.json")));
        }
    }
}
