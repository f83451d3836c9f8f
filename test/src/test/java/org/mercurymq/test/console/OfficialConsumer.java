package org.mercurymq.test.console;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * An official Apache RocketMQ 4.9.7 push consumer of one topic that records the keys and bodies it got (every
 * delivery, so a re-read after an offset reset or a resend shows as a second entry).
 */
final class OfficialConsumer implements AutoCloseable {
    private final DefaultMQPushConsumer consumer;
    private final List<String> keys = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    private OfficialConsumer(DefaultMQPushConsumer consumer) {
        this.consumer = consumer;
    }

    static OfficialConsumer start(String namesrv, String group, String topic) throws Exception {
        return start(namesrv, group, topic, false);
    }

    /** As {@link #start(String, String, String)}, with message tracing on or off. */
    static OfficialConsumer start(String namesrv, String group, String topic, boolean trace) throws Exception {
        DefaultMQPushConsumer c = new DefaultMQPushConsumer(group, trace);
        c.setNamesrvAddr(namesrv);
        c.setInstanceName(group + "_" + System.nanoTime());
        c.setPersistConsumerOffsetInterval(1000);
        // route look-ups on a loaded 2-core machine can take longer than the default 3 s
        c.setMqClientApiTimeout(10_000);
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.subscribe(topic, "*");
        OfficialConsumer out = new OfficialConsumer(c);
        c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            for (MessageExt m : msgs) {
                out.keys.add(String.valueOf(m.getKeys()));
                out.bodies.add(new String(m.getBody(), StandardCharsets.UTF_8));
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        c.start();
        return out;
    }

    /** Every key delivered, in order of delivery, with repeats. */
    List<String> keys() {
        return keys;
    }

    int count() {
        return keys.size();
    }

    long deliveriesOf(String key) {
        return keys.stream().filter(key::equals).count();
    }

    @Override
    public void close() {
        consumer.shutdown();
    }
}
