package org.mercurymq.test.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.client.consumer.DefaultMQPushConsumer;
import org.mercurymq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.mercurymq.client.consumer.listener.MessageListenerConcurrently;
import org.mercurymq.client.producer.DefaultMQProducer;
import org.mercurymq.client.producer.SendResult;
import org.mercurymq.client.producer.SendStatus;
import org.mercurymq.common.message.Message;
import org.mercurymq.common.message.MessageExt;

/**
 * Mercury's client against a real NameServer + Broker: every scenario runs against the cluster a
 * subclass starts (one per test class). Topics and groups are unique per test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ClientScenarioSuite {
    private static final Duration WAIT = Duration.ofSeconds(60);

    protected TestCluster cluster;
    protected ClientFixture clients;

    /** Starts the cluster under test in {@code dir}. */
    protected abstract TestCluster startCluster(Path dir) throws Exception;

    @BeforeAll
    void startClusterOnce(@TempDir Path dir) throws Exception {
        cluster = startCluster(dir);
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void newClients() {
        clients = new ClientFixture(cluster.namesrvAddress());
    }

    @AfterEach
    void closeClients() {
        clients.close();
    }

    @Test
    void syncSendIsConsumedWithItsIdTagsKeysAndProperties() throws Exception {
        String topic = ClientFixture.unique("SyncT");
        DefaultMQProducer producer = clients.producer(ClientFixture.unique("pg"));
        clients.createTopic(producer, topic, 4);
        Message msg = new Message(topic, "TagA", "key1 key2", ClientFixture.utf8("hello"));
        msg.putUserProperty("color", "blue");
        SendResult result = producer.send(msg);
        assertEquals(SendStatus.SEND_OK, result.getSendStatus());
        assertEquals(cluster.brokerName(), result.getMessageQueue().getBrokerName());
        assertEquals(32, result.getMsgId().length());
        assertNotNull(result.getOffsetMsgId());

        Set<MessageExt> got = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer consumer = clients.pushConsumer(ClientFixture.unique("cg"));
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            got.addAll(msgs);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        await().atMost(WAIT).until(() -> !got.isEmpty());
        MessageExt m = got.iterator().next();
        assertEquals(result.getMsgId(), m.getMsgId());
        assertEquals("TagA", m.getTags());
        assertEquals("key1 key2", m.getKeys());
        assertEquals("blue", m.getUserProperty("color"));
        assertEquals("hello", new String(m.getBody(), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(topic, m.getTopic());
        assertTrue(m.getQueueOffset() >= 0);
    }
}
