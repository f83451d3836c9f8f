package org.mercurymq.test.apache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.test.harness.ApacheCluster;

/** The reference cluster itself works: the official client sends to the Apache 4.9.7 broker the harness starts. */
class ApacheClusterSmokeTest {
    @TempDir
    Path dir;

    @Test
    void officialProducerSendsToApacheBroker() throws Exception {
        try (ApacheCluster cluster = ApacheCluster.start(dir)) {
            DefaultMQAdminExt admin = new DefaultMQAdminExt();
            admin.setNamesrvAddr(cluster.namesrvAddress());
            admin.setInstanceName("smoke-admin");
            admin.start();
            try {
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> admin.examineBrokerClusterInfo().getBrokerAddrTable().containsKey(cluster.brokerName()));
            } finally {
                admin.shutdown();
            }
            DefaultMQProducer producer = new DefaultMQProducer("smoke-pg");
            producer.setNamesrvAddr(cluster.namesrvAddress());
            producer.setInstanceName("smoke-producer");
            producer.start();
            try {
                SendResult r = producer.send(new Message("SmokeTopic", "TagA", "hello".getBytes(StandardCharsets.UTF_8)));
                assertEquals(SendStatus.SEND_OK, r.getSendStatus());
                assertTrue(r.getQueueOffset() >= 0);
            } finally {
                producer.shutdown();
            }
        }
    }
}
