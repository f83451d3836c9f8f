package org.mercurymq.test.client;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;

/** The official Apache RocketMQ 4.9.7 client, configured like {@link ClientFixture}'s Mercury clients. */
final class OfficialClient {
    static {
        // route the official client's own logging through slf4j (the test logback config)
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
    }

    private OfficialClient() {
    }

    static DefaultMQProducer producer(String namesrv, String group) throws Exception {
        DefaultMQProducer p = new DefaultMQProducer(group);
        p.setNamesrvAddr(namesrv);
        p.setInstanceName(ClientFixture.unique("official-p"));
        p.setPollNameServerInterval(1000);
        p.start();
        return p;
    }

    static DefaultMQPushConsumer pushConsumer(String namesrv, String group) {
        DefaultMQPushConsumer c = new DefaultMQPushConsumer(group);
        c.setNamesrvAddr(namesrv);
        c.setInstanceName(ClientFixture.unique("official-c"));
        c.setPollNameServerInterval(1000);
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.setConsumeThreadMin(2);
        c.setConsumeThreadMax(2);
        return c;
    }
}
