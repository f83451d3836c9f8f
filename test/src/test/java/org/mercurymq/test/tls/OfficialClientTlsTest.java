package org.mercurymq.test.tls;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.common.TopicConfig;
import org.mercurymq.test.harness.BrokerProcess;
import org.mercurymq.test.harness.NamesrvProcess;
import org.mercurymq.tools.admin.DefaultMQAdminExt;

/**
 * The official 4.9.7 client with TLS on ({@code useTLS}, what {@code -Dtls.enable=true} sets by default; test
 * mode's trust-all, RocketMQ's default) against a broker with {@code tls.server.mode=enforcing} and one in
 * the default permissive mode, behind a permissive name server: TLS producers and consumers work on both;
 * a plaintext producer is served by the permissive name server and broker on the same ports as TLS clients,
 * and refused by the enforcing broker, which stores nothing. Mercury's admin API with useTLS creates the
 * topics and reads the offsets (it needs TLS for the enforcing broker).
 */
class OfficialClientTlsTest {
    private static final String TOPIC = "TlsTopic";
    private static final String RUN = Long.toString(System.nanoTime(), 36);

    static {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
    }

    @TempDir
    Path dir;

    private final Deque<Runnable> shutdowns = new ArrayDeque<>();

    @Test
    void tlsClientsOnEnforcingAndPermissivePlaintextOnlyOnPermissive() throws Exception {
        try (NamesrvProcess namesrv = NamesrvProcess.start(dir.resolve("namesrv"));
             BrokerProcess enforcing = BrokerProcess.start(dir.resolve("enforcing"), namesrv.address(), "tls-enforcing",
                 Map.of("tls.server.mode", "enforcing"));
             BrokerProcess permissive = BrokerProcess.start(dir.resolve("permissive"), namesrv.address(), "tls-permissive")) {
            try {
                run(namesrv.address(), enforcing, permissive);
            } finally {
                while (!shutdowns.isEmpty()) {
                    shutdowns.pop().run();
                }
            }
        }
    }

    private void run(String namesrvAddr, BrokerProcess enforcing, BrokerProcess permissive) throws Exception {
        DefaultMQAdminExt admin = new DefaultMQAdminExt();
        admin.setNamesrvAddr(namesrvAddr);
        admin.setUseTLS(true);
        admin.start();
        shutdowns.push(admin::shutdown);
        // a JVM's first TLS handshake (JSSE cold) has taken over 3 s on the loaded test machine: retry
        for (BrokerProcess b : List.of(enforcing, permissive)) {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                admin.createAndUpdateTopicConfig(b.address(), new TopicConfig(TOPIC, 2, 2, 6));
                return true;
            });
        }
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
            .until(() -> admin.examineTopicRouteInfo(TOPIC).getQueueDatas().size() == 2);
        // as RocketMQ's broker: getBrokerConfig shows the useTLS its own client runs with (true under enforcing)
        assertEquals("true", admin.getBrokerConfig(enforcing.address()).getProperty("useTLS"));
        assertEquals("false", admin.getBrokerConfig(permissive.address()).getProperty("useTLS"));

        DefaultMQProducer tlsProducer = producer(namesrvAddr, "tls", true);
        DefaultMQProducer plainProducer = producer(namesrvAddr, "plain", false);
        Set<String> sent = new HashSet<>();
        for (BrokerProcess b : List.of(enforcing, permissive)) {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> sent.add(send(tlsProducer, b.brokerName(), "tls-warmup-" + b.brokerName())));
        }
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
            .until(() -> sent.add(send(plainProducer, permissive.brokerName(), "plain-warmup")));
        for (BrokerProcess b : List.of(enforcing, permissive)) {
            for (int i = 0; i < 5; i++) {
                sent.add(send(tlsProducer, b.brokerName(), "tls-" + b.brokerName() + "-" + i));
            }
        }
        // the permissive broker serves plaintext on the port TLS clients use
        for (int i = 0; i < 5; i++) {
            sent.add(send(plainProducer, permissive.brokerName(), "plain-" + i));
        }
        long before = maxOffsets(admin, enforcing.brokerName());
        assertEquals(6, before);
        assertThrows(Exception.class, () -> send(plainProducer, enforcing.brokerName(), "refused"),
            "the enforcing broker closes a plaintext connection");
        assertEquals(before, maxOffsets(admin, enforcing.brokerName()), "nothing stored from the plaintext client");
        Path log = dir.resolve("enforcing/logs/broker.log");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(log)
            && Files.readString(log).contains("plaintext connection but tls.server.mode=enforcing"));

        Set<String> seen = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("tls-cg-" + RUN);
        consumer.setNamesrvAddr(namesrvAddr);
        consumer.setInstanceName("tls-consumer-" + RUN);
        consumer.setUseTLS(true);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(TOPIC, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> seen.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        shutdowns.push(consumer::shutdown);
        await().atMost(Duration.ofSeconds(60)).until(() -> seen.containsAll(sent));
        assertTrue(seen.equals(sent), "consumed exactly what was sent: " + seen);
    }

    private DefaultMQProducer producer(String namesrvAddr, String name, boolean tls) throws Exception {
        DefaultMQProducer p = new DefaultMQProducer("tls-pg-" + name + "-" + RUN);
        p.setNamesrvAddr(namesrvAddr);
        p.setInstanceName("tls-producer-" + name + "-" + RUN);
        p.setUseTLS(tls);
        p.start();
        shutdowns.push(p::shutdown);
        return p;
    }

    private static String send(DefaultMQProducer p, String brokerName, String body) throws Exception {
        SendResult r = p.send(new Message(TOPIC, body.getBytes(StandardCharsets.UTF_8)), new MessageQueue(TOPIC, brokerName, 0),
            15_000);
        assertEquals(SendStatus.SEND_OK, r.getSendStatus(), body);
        return body;
    }

    private static long maxOffsets(DefaultMQAdminExt admin, String brokerName) throws Exception {
        return admin.examineTopicStats(TOPIC).getOffsetTable().entrySet().stream()
            .filter(e -> e.getKey().getBrokerName().equals(brokerName))
            .mapToLong(e -> e.getValue().getMaxOffset()).sum();
    }
}
