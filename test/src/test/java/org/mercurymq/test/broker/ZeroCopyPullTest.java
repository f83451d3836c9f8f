package org.mercurymq.test.broker;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.consumer.PullResult;
import org.apache.rocketmq.client.consumer.PullStatus;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.test.harness.BrokerProcess;
import org.mercurymq.test.harness.NamesrvProcess;

/**
 * {@code transferMsgByHeap=false}: the broker writes pulled messages to the socket from the mapped commit log. The
 * official 4.9.7 pull consumer, in plaintext and over TLS (the broker's default permissive mode), reads back exactly
 * the bodies, keys and properties sent, from 1 byte to ~4 MiB, in batches of 32 across the end of 6 MiB commit-log
 * segments; switching the key at run time (updateBrokerConfig) to the heap path and back gives the same bytes.
 */
class ZeroCopyPullTest {
    private static final String TOPIC = "ZeroCopyTopic";
    private static final int[] SIZES = {1, 100, 1024, 16 * 1024, 200_000, 4 * 1024 * 1024 - 4096};

    static {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
    }

    @TempDir
    Path dir;

    @Test
    void officialPullConsumerReadsWhatWasSentFromTheMappedCommitLog() throws Exception {
        try (NamesrvProcess namesrv = NamesrvProcess.start(dir.resolve("namesrv"));
             BrokerProcess broker = BrokerProcess.start(dir.resolve("broker"), namesrv.address(), "zero-copy",
                 "transferMsgByHeap=false", "mappedFileSizeCommitLog=" + (6 * 1024 * 1024))) {
            DefaultMQAdminExt admin = new DefaultMQAdminExt();
            admin.setNamesrvAddr(namesrv.address());
            admin.setInstanceName("zero-copy-admin");
            admin.start();
            DefaultMQProducer producer = new DefaultMQProducer("zero-copy-pg");
            producer.setNamesrvAddr(namesrv.address());
            producer.setInstanceName("zero-copy-producer");
            producer.setMaxMessageSize(4 * 1024 * 1024);
            producer.setCompressMsgBodyOverHowmuch(Integer.MAX_VALUE);
            try {
                admin.createAndUpdateTopicConfig(broker.address(), new TopicConfig(TOPIC, 1, 1, 6));
                await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> admin.examineTopicRouteInfo(TOPIC).getQueueDatas().size() == 1);
                producer.start();
                MessageQueue mq = new MessageQueue(TOPIC, "zero-copy", 0);
                List<Message> sent = new ArrayList<>();
                Random random = new Random(11);
                // enough messages for several 32-message batches, and large ones to roll over the 6 MiB segments
                for (int i = 0; i < 140; i++) {
                    byte[] body = new byte[i < SIZES.length ? SIZES[i] : 1 + random.nextInt(3000)];
                    random.nextBytes(body);
                    Message m = new Message(TOPIC, "tag" + (i % 3), "key-" + i, body);
                    m.putUserProperty("n", Integer.toString(i));
                    SendResult r = producer.send(m, mq, 15_000);
                    assertEquals(SendStatus.SEND_OK, r.getSendStatus(), "send " + i);
                    sent.add(m);
                }
                for (int i = 0; i < SIZES.length; i++) {
                    byte[] body = new byte[SIZES[SIZES.length - 1 - i]];
                    random.nextBytes(body);
                    Message m = new Message(TOPIC, "big", "key-big-" + i, body);
                    m.putUserProperty("n", Integer.toString(sent.size()));
                    assertEquals(SendStatus.SEND_OK, producer.send(m, mq, 15_000).getSendStatus());
                    sent.add(m);
                }

                assertPullsAll("plain", namesrv.address(), false, mq, sent);
                assertPullsAll("tls", namesrv.address(), true, mq, sent);

                Properties heap = new Properties();
                heap.setProperty("transferMsgByHeap", "true");
                admin.updateBrokerConfig(broker.address(), heap);
                assertEquals("true", admin.getBrokerConfig(broker.address()).getProperty("transferMsgByHeap"));
                assertPullsAll("heap", namesrv.address(), false, mq, sent);
                heap.setProperty("transferMsgByHeap", "false");
                admin.updateBrokerConfig(broker.address(), heap);
                assertPullsAll("plain-again", namesrv.address(), false, mq, sent);
            } finally {
                producer.shutdown();
                admin.shutdown();
            }
        }
    }

    private static void assertPullsAll(String name, String namesrvAddr, boolean tls, MessageQueue mq, List<Message> sent)
        throws Exception {
        DefaultMQPullConsumer consumer = new DefaultMQPullConsumer("zero-copy-" + name);
        consumer.setNamesrvAddr(namesrvAddr);
        consumer.setInstanceName("zero-copy-" + name);
        consumer.setUseTLS(tls);
        consumer.start();
        try {
            List<MessageExt> got = new ArrayList<>();
            long offset = 0;
            while (got.size() < sent.size()) {
                // a JVM's first TLS handshake can be slow on a loaded machine: retry the first pull only
                PullResult r = got.isEmpty()
                    ? await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                        .until(() -> consumer.pull(mq, "*", 0, 32, 15_000), p -> p != null)
                    : consumer.pull(mq, "*", offset, 32, 15_000);
                assertEquals(PullStatus.FOUND, r.getPullStatus(), name + ": pull at " + offset);
                got.addAll(r.getMsgFoundList());
                offset = r.getNextBeginOffset();
            }
            assertEquals(sent.size(), got.size(), name);
            for (int i = 0; i < sent.size(); i++) {
                Message want = sent.get(i);
                MessageExt have = got.get(i);
                assertEquals(i, have.getQueueOffset(), name + ": queue offset");
                assertEquals(want.getKeys(), have.getKeys(), name + ": keys of " + i);
                assertEquals(want.getTags(), have.getTags(), name + ": tag of " + i);
                assertEquals(want.getUserProperty("n"), have.getUserProperty("n"), name + ": property of " + i);
                assertArrayEquals(want.getBody(), have.getBody(), name + ": body of " + i + " (" + want.getBody().length
                    + " bytes)");
            }
        } finally {
            consumer.shutdown();
        }
    }
}
