package org.mercurymq.test.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.consumer.listener.MessageListenerOrderly;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;

/**
 * One consumer group of official 4.9.7 push consumers, concurrent or orderly, from the first offset, subscribed
 * to one or more topics;
 * every message handed to a listener is recorded in the {@link History} before it is acknowledged.
 * {@link #start()} / {@link #shutdown()}; thread-safe.
 */
public final class ConsumerWorkload {
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final String namesrvAddr;
    private final List<String> topics;
    private final String group;
    private final boolean orderly;
    private final int instances;
    private final History history;
    private final List<DefaultMQPushConsumer> consumers = new ArrayList<>();

    private ConsumerWorkload(String namesrvAddr, String group, boolean orderly, int instances, History history,
                             String... topics) {
        this.namesrvAddr = namesrvAddr;
        this.topics = java.util.Arrays.asList(topics);
        this.group = group;
        this.orderly = orderly;
        this.instances = instances;
        this.history = history;
    }

    /** {@code instances} consumers in {@code group} with a MessageListenerConcurrently, subscribed to every topic. */
    public static ConsumerWorkload concurrent(String namesrvAddr, String group, int instances, History history,
                                              String... topics) {
        return new ConsumerWorkload(namesrvAddr, group, false, instances, history, topics);
    }

    /** Like {@link #concurrent} with a MessageListenerOrderly (queue locks at the broker). */
    public static ConsumerWorkload orderly(String namesrvAddr, String group, int instances, History history,
                                           String... topics) {
        return new ConsumerWorkload(namesrvAddr, group, true, instances, history, topics);
    }

    public String group() {
        return group;
    }

    public boolean isOrderly() {
        return orderly;
    }

    public synchronized void start() throws Exception {
        for (int i = 0; i < instances; i++) {
            String name = "chaos-" + (orderly ? "oc" : "cc") + "-" + INSTANCES.incrementAndGet();
            DefaultMQPushConsumer c = new DefaultMQPushConsumer(group);
            c.setNamesrvAddr(namesrvAddr);
            c.setInstanceName(name);
            c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            c.setConsumeThreadMin(2);
            c.setConsumeThreadMax(4);
            c.setPollNameServerInterval(1000);
            for (String topic : topics) {
                c.subscribe(topic, "*");
            }
            if (orderly) {
                c.registerMessageListener((MessageListenerOrderly) (msgs, ctx) -> {
                    record(msgs, ctx.getMessageQueue(), name);
                    return ConsumeOrderlyStatus.SUCCESS;
                });
            } else {
                c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
                    record(msgs, ctx.getMessageQueue(), name);
                    return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
                });
            }
            c.start();
            consumers.add(c);
        }
    }

    private void record(List<MessageExt> msgs, MessageQueue mq, String consumer) {
        String queue = mq.getBrokerName() + ":" + mq.getQueueId();
        for (MessageExt m : msgs) {
            String shard = m.getUserProperty(ProducerWorkload.PROP_SHARD);
            String seq = m.getUserProperty(ProducerWorkload.PROP_SEQ);
            history.recordDelivery(new DeliveryRecord(m.getKeys(), shard, seq == null ? -1 : Long.parseLong(seq),
                group, consumer, orderly, mq.getTopic(), queue, m.getQueueOffset(), m.getReconsumeTimes(), history.now()));
        }
    }

    public synchronized void shutdown() {
        consumers.forEach(DefaultMQPushConsumer::shutdown);
        consumers.clear();
    }
}
