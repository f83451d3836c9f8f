package org.mercurymq.test.chaos;

import java.util.BitSet;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * One consumer group (an official 4.9.7 push consumer from the first offset) whose deliveries are tracked
 * by the sequence number in the message key: which were received, how many body bytes, and each delivery's
 * end-to-end delay (delivery time minus the producer's born timestamp; same host, same clock) in a
 * {@link SendLog}. Used by the backlog test (docs/reliability.md, "Backlog larger than the page cache").
 */
final class GroupTracker {
    private final DefaultMQPushConsumer consumer;
    private final BitSet received = new BitSet();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong deliveries = new AtomicLong();
    private final SendLog delays = new SendLog();

    GroupTracker(String namesrvAddr, String group, String topic) throws Exception {
        consumer = new DefaultMQPushConsumer(group);
        consumer.setNamesrvAddr(namesrvAddr);
        consumer.setInstanceName(group + "-" + System.nanoTime());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setConsumeThreadMin(4);
        consumer.setConsumeThreadMax(4);
        consumer.setPollNameServerInterval(1000);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            long now = System.currentTimeMillis();
            for (MessageExt m : msgs) {
                int seq = Integer.parseInt(m.getKeys());
                synchronized (received) {
                    received.set(seq);
                }
                bytes.addAndGet(m.getBody().length);
                deliveries.incrementAndGet();
                delays.record(now, now - m.getBornTimestamp());
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
    }

    void start() throws Exception {
        consumer.start();
    }

    void shutdown() {
        consumer.shutdown();
    }

    long receivedCount() {
        synchronized (received) {
            return received.cardinality();
        }
    }

    /** Acknowledged sequence numbers this group has not received. */
    long missing(BitSet acked) {
        BitSet m = (BitSet) acked.clone();
        synchronized (received) {
            m.andNot(received);
        }
        return m.cardinality();
    }

    long bytes() {
        return bytes.get();
    }

    long deliveries() {
        return deliveries.get();
    }

    SendLog delays() {
        return delays;
    }
}
