package org.mercurymq.test.tls;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.client.consumer.DefaultMQPushConsumer;
import org.mercurymq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.mercurymq.client.consumer.listener.MessageListenerConcurrently;
import org.mercurymq.client.producer.DefaultMQProducer;
import org.mercurymq.client.producer.SendResult;
import org.mercurymq.client.producer.SendStatus;
import org.mercurymq.common.consumer.ConsumeFromWhere;
import org.mercurymq.common.message.Message;
import org.mercurymq.test.harness.ApacheCluster;

/**
 * Mercury's client with {@code useTLS} against an Apache RocketMQ 4.9.7 name server and broker with
 * {@code tls.server.mode=enforcing} and a certificate generated for the run (not test mode); the client
 * verifies the server ({@code tls.client.authServer=true} against that certificate), sends and consumes.
 */
class MercuryClientOnApacheTlsTest {
    private static final String TOPIC = "MercuryOnApacheTls";
    private static final String RUN = Long.toString(System.nanoTime(), 36);

    @TempDir
    Path dir;

    private final Deque<Runnable> shutdowns = new ArrayDeque<>();

    @Test
    void mercuryClientSendsAndConsumesOverTls() throws Exception {
        PemCertificate server = PemCertificate.write(dir.resolve("certs"), "apache-server");
        Map<String, String> serverTls = new LinkedHashMap<>();
        serverTls.put("tls.server.mode", "enforcing");
        serverTls.put("tls.enable", "true");
        serverTls.put("tls.config.file", dir.resolve("absent-tls.properties").toString());
        serverTls.put("tls.test.mode.enable", "false");
        serverTls.put("tls.server.certPath", server.cert.toString());
        serverTls.put("tls.server.keyPath", server.key.toString());
        Map<String, String> clientTls = new LinkedHashMap<>();
        clientTls.put("tls.config.file", dir.resolve("absent-tls.properties").toString());
        clientTls.put("tls.test.mode.enable", "false");
        clientTls.put("tls.client.authServer", "true");
        clientTls.put("tls.client.trustCertPath", server.cert.toString());
        try (ApacheCluster apache = ApacheCluster.start(dir.resolve("apache"), serverTls)) {
            // Mercury's client reads tls.client.* from system properties, as RocketMQ's; set only while they start
            clientTls.forEach(System::setProperty);
            try {
                run(apache.namesrvAddress());
            } finally {
                clientTls.keySet().forEach(System::clearProperty);
                while (!shutdowns.isEmpty()) {
                    shutdowns.pop().run();
                }
            }
        }
    }

    private void run(String namesrvAddr) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("tls-apache-pg-" + RUN);
        producer.setNamesrvAddr(namesrvAddr);
        producer.setInstanceName("tls-apache-p-" + RUN);
        producer.setUseTLS(true);
        producer.start();
        shutdowns.push(producer::shutdown);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("tls-apache-cg-" + RUN);
        consumer.setNamesrvAddr(namesrvAddr);
        consumer.setInstanceName("tls-apache-c-" + RUN);
        consumer.setUseTLS(true);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(TOPIC, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> seen.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });

        Set<String> sent = new HashSet<>();
        // the first send creates the topic (autoCreateTopicEnable) and pays for cold TLS handshakes: retry
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> sent.add(send(producer, "first")));
        for (int i = 0; i < 10; i++) {
            sent.add(send(producer, "m-" + i));
        }
        consumer.start();
        shutdowns.push(consumer::shutdown);
        await().atMost(Duration.ofSeconds(90)).until(() -> seen.containsAll(sent));
        assertEquals(sent, seen);
    }

    private static String send(DefaultMQProducer producer, String body) throws Exception {
        SendResult r = producer.send(new Message(TOPIC, body.getBytes(StandardCharsets.UTF_8)), 15_000);
        assertEquals(SendStatus.SEND_OK, r.getSendStatus(), body);
        return body;
    }
}
