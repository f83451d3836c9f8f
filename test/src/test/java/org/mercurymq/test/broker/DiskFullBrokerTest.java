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
import java.util.concurrent.atomic.AtomicReference;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.test.harness.MercuryCluster;
import org.mercurymq.test.harness.SmallFileSystem;

/**
 * The "disk full" fault: a broker child JVM whose store lives on a small loop-mounted ext4 file system that
 * runs full under sustained sends from official 4.9.7 producers. Puts are refused with a clear status
 * (SERVICE_NOT_AVAILABLE, remark naming the full disk), every SEND_OK message is consumed (lost = 0), the
 * broker restarted on the full disk comes up read-only and serves consumers, and sends succeed again once
 * space is freed. Prints one {@code DISK-FULL RESULT} line with the numbers (docs/reliability.md).
 */
class DiskFullBrokerTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void diskFullSmoke() throws Exception {
        run(48, 6L << 20, 2);
    }

    @Test
    @Tag("chaos")
    void diskFullSoak() throws Exception {
        run(160, 48L << 20, 4);
    }

    private void run(int fsMegabytes, long headroomBytes, int senderThreads) throws Exception {
        try (SmallFileSystem fs = SmallFileSystem.ext4(dir.resolve("fs"), fsMegabytes);
             MercuryCluster cluster = MercuryCluster.start(dir, "storePathRootDir=" + fs.path().resolve("store"),
                 "mappedFileSizeCommitLog=2097152", "mappedFileSizeConsumeQueue=60000", "maxHashSlotNum=5000",
                 "maxIndexNum=20000", "flushDiskType=ASYNC_FLUSH");
             OfficialClients clients = new OfficialClients(cluster.namesrvAddress())) {
            DefaultMQAdminExt admin = clients.admin();
            String topic = "DiskFullTopic";
            await().atMost(WAIT).ignoreExceptions().until(() -> {
                admin.createAndUpdateTopicConfig(cluster.brokerAddress(), new TopicConfig(topic, 2, 2, 6));
                return admin.examineTopicRouteInfo(topic).getQueueDatas().size() == 1;
            });
            DefaultMQProducer producer = clients.producer("diskfull-pg");
            producer.setSendMsgTimeout(5000);
            producer.setRetryTimesWhenSendFailed(0);
            // warm up: the topic's queues and the next segment exist before the disk is filled
            await().atMost(WAIT).ignoreExceptions().until(() -> producer.send(message(topic, "warm")).getSendStatus()
                == SendStatus.SEND_OK);
            Path filler = fs.fill("filler", headroomBytes);

            Set<String> acked = ConcurrentHashMap.newKeySet();
            AtomicInteger sent = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            AtomicInteger otherErrors = new AtomicInteger();
            AtomicReference<String> refusalRemark = new AtomicReference<>();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger seq = new AtomicInteger();
            Thread[] senders = new Thread[senderThreads];
            for (int t = 0; t < senders.length; t++) {
                senders[t] = new Thread(() -> {
                    while (!stop.get()) {
                        String key = "k" + seq.incrementAndGet();
                        sent.incrementAndGet();
                        try {
                            SendResult r = producer.send(message(topic, key));
                            if (r.getSendStatus() == SendStatus.SEND_OK) {
                                acked.add(key);
                            }
                        } catch (Exception e) {
                            MQBrokerException broker = brokerException(e);
                            if (broker != null && (broker.getResponseCode() == 14 || broker.getResponseCode() == 1)) {
                                refused.incrementAndGet();
                                refusalRemark.compareAndSet(null, broker.getErrorMessage());
                            } else {
                                otherErrors.incrementAndGet();
                            }
                        }
                    }
                }, "diskfull-sender-" + t);
                senders[t].start();
            }
            // bounded: far more than the free space holds, so a broker that never refuses is caught too
            long cap = 4 * headroomBytes / 1024;
            await().atMost(WAIT).until(() -> refused.get() >= 200 || sent.get() >= cap);
            stop.set(true);
            for (Thread s : senders) {
                s.join(30_000);
            }
            Set<String> received = consumeAll(clients, topic, "diskfull-cg", acked);
            long lost = acked.stream().filter(k -> !received.contains(k)).count();
            System.out.println("DISK-FULL phase 1: sent=" + sent.get() + " acked=" + acked.size() + " refused="
                + refused.get() + " otherErrors=" + otherErrors.get() + " lost=" + lost);
            assertEquals(0, lost, "every SEND_OK message is consumed");
            assertTrue(refused.get() >= 200, "puts are refused once the disk is full: " + refused.get());
            assertTrue(refusalRemark.get().contains("disk is full"), "a clear refusal: " + refusalRemark.get());
            assertTrue(acked.size() > 1000, "sends were acknowledged until the disk ran full: " + acked.size());

            // restart on the full disk: the broker comes up read-only and serves a new consumer group
            int exit = cluster.broker().terminate();
            assertTrue(exit == 0 || exit == 143, "graceful exit on SIGTERM, was " + exit);
            fs.fill("filler2", 0);
            cluster.broker().restart();
            String console = cluster.broker().process().output();
            assertTrue(console.contains("store starts READ-ONLY"), "the restart says why puts are refused:\n" + console);
            console.lines().filter(l -> l.contains("ERROR")).forEach(l -> System.out.println("broker console: " + l));
            MQBrokerException whileFull = brokerException(sendFailure(producer, topic));
            assertTrue(whileFull != null && whileFull.getErrorMessage().contains("disk is full"),
                "a broker restarted on a full disk refuses puts clearly: " + whileFull);
            Set<String> afterRestart = consumeAll(clients, topic, "diskfull-cg-restarted", acked);
            long lostAfterRestart = acked.stream().filter(k -> !afterRestart.contains(k)).count();

            // space freed: sends succeed again and are consumed
            Files.delete(filler);
            Files.delete(fs.path().resolve("filler2"));
            await().atMost(WAIT).ignoreExceptions().until(() -> producer.send(message(topic, "after-free"))
                .getSendStatus() == SendStatus.SEND_OK);
            System.out.println("DISK-FULL RESULT fs=" + fsMegabytes + "MiB senders=" + senderThreads + " sent="
                + sent.get() + " acked=" + acked.size() + " refused=" + refused.get() + " otherErrors="
                + otherErrors.get() + " lost=" + lost + " lostAfterFullRestart=" + lostAfterRestart
                + " remark=\"" + refusalRemark.get() + "\"");
            assertEquals(0, lostAfterRestart, "the broker restarted on a full disk serves every SEND_OK message");
        }
    }

    /** A flush I/O error (the file system fails every write) under sustained sends: read-only and loud. */
    @Test
    @Tag("chaos")
    void flushIOErrorUnderLoadMakesTheBrokerReadOnly() throws Exception {
        try (SmallFileSystem fs = SmallFileSystem.ext4(dir.resolve("fs"), 64);
             MercuryCluster cluster = MercuryCluster.start(dir, "storePathRootDir=" + fs.path().resolve("store"),
                 "mappedFileSizeCommitLog=4194304", "mappedFileSizeConsumeQueue=60000", "maxHashSlotNum=5000",
                 "maxIndexNum=20000", "flushDiskType=ASYNC_FLUSH", "flushIntervalCommitLog=100");
             OfficialClients clients = new OfficialClients(cluster.namesrvAddress())) {
            DefaultMQAdminExt admin = clients.admin();
            String topic = "FlushErrorTopic";
            await().atMost(WAIT).ignoreExceptions().until(() -> {
                admin.createAndUpdateTopicConfig(cluster.brokerAddress(), new TopicConfig(topic, 2, 2, 6));
                return admin.examineTopicRouteInfo(topic).getQueueDatas().size() == 1;
            });
            DefaultMQProducer producer = clients.producer("flusherror-pg");
            producer.setRetryTimesWhenSendFailed(0);
            AtomicInteger acked = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            AtomicReference<String> remark = new AtomicReference<>();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger seq = new AtomicInteger();
            Thread[] senders = new Thread[2];
            for (int t = 0; t < senders.length; t++) {
                senders[t] = new Thread(() -> {
                    while (!stop.get()) {
                        try {
                            if (producer.send(message(topic, "f" + seq.incrementAndGet())).getSendStatus()
                                == SendStatus.SEND_OK) {
                                acked.incrementAndGet();
                            }
                        } catch (Exception e) {
                            MQBrokerException b = brokerException(e);
                            if (b != null) {
                                refused.incrementAndGet();
                                remark.compareAndSet(null, b.getErrorMessage());
                            }
                        }
                    }
                }, "flusherror-sender-" + t);
                senders[t].start();
            }
            await().atMost(WAIT).until(() -> acked.get() >= 500);
            fs.failAllWrites();
            await().atMost(WAIT).until(() -> refused.get() >= 100);
            stop.set(true);
            for (Thread s : senders) {
                s.join(30_000);
            }
            int ackedAtStop = acked.get();
            assertTrue(remark.get().contains("storage fault"), "a clear refusal: " + remark.get());
            // from now on nothing is acknowledged
            for (int i = 0; i < 20; i++) {
                Exception e = sendFailure(producer, topic);
                assertTrue(brokerException(e) != null, String.valueOf(e));
            }
            assertEquals(ackedAtStop, acked.get());
            assertTrue(cluster.broker().process().output().contains("STORAGE FAULT"),
                "one loud ERROR line on the console");
            System.out.println("FLUSH-ERROR RESULT acked=" + ackedAtStop + " refused=" + refused.get() + " remark=\""
                + remark.get() + "\"");
        }
    }

    private static Message message(String topic, String key) {
        String body = key + "-" + "x".repeat(1000);
        return new Message(topic, "TagA", key, body.getBytes(StandardCharsets.UTF_8));
    }

    private static Exception sendFailure(DefaultMQProducer producer, String topic) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        await().atMost(WAIT).until(() -> {
            try {
                producer.send(message(topic, "while-full"));
                return false;
            } catch (Exception e) {
                failure.set(e);
                return brokerException(e) != null;
            }
        });
        return failure.get();
    }

    private static MQBrokerException brokerException(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof MQBrokerException) {
                return (MQBrokerException) c;
            }
        }
        return null;
    }

    private static Set<String> consumeAll(OfficialClients clients, String topic, String group, Set<String> expected)
        throws Exception {
        Set<String> received = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer consumer = clients.pushConsumer(group);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> received.add(m.getKeys()));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        clients.started(consumer);
        try {
            await().atMost(WAIT).until(() -> received.containsAll(expected));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // reported as lost by the caller
        }
        consumer.shutdown();
        return received;
    }
}
