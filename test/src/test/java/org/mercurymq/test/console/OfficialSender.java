package org.mercurymq.test.console;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;

/** Sends messages with the official Apache RocketMQ 4.9.7 producer (unique group and instance unless given one). */
final class OfficialSender implements AutoCloseable {
    private final DefaultMQProducer producer;

    private OfficialSender(DefaultMQProducer producer) {
        this.producer = producer;
    }

    /** A started producer of {@code group}, kept until {@link #close()} (it stays online for the broker). */
    static OfficialSender start(String namesrv, String group) throws Exception {
        return start(namesrv, group, false);
    }

    /** As {@link #start(String, String)}, with message tracing on or off (records to RMQ_SYS_TRACE_TOPIC). */
    static OfficialSender start(String namesrv, String group, boolean trace) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer(group, trace);
        producer.setNamesrvAddr(namesrv);
        producer.setInstanceName(group + "_" + System.nanoTime());
        producer.setSendMsgTimeout(10_000);
        // route look-ups on a loaded 2-core machine can take longer than the default 3 s
        producer.setMqClientApiTimeout(10_000);
        producer.start();
        return new OfficialSender(producer);
    }

    static SendResult send(String namesrv, String topic, String key, String body) throws Exception {
        try (OfficialSender sender = start(namesrv, "console_test_" + System.nanoTime())) {
            return sender.send(topic, key, body);
        }
    }

    SendResult send(String topic, String key, String body) throws Exception {
        Message msg = new Message(topic, "TagA", key, body.getBytes(StandardCharsets.UTF_8));
        msg.putUserProperty("note", "<b>not bold</b>");
        SendResult r = producer.send(msg);
        if (r.getSendStatus() != SendStatus.SEND_OK) {
            throw new AssertionError("send status " + r.getSendStatus());
        }
        return r;
    }

    /** {@code count} small messages (keys {@code prefix-N}) in batches of 200, one request per batch. */
    void sendBatches(String topic, String prefix, int count) throws Exception {
        for (int start = 0; start < count; start += 200) {
            List<Message> batch = new ArrayList<>();
            for (int i = start; i < Math.min(count, start + 200); i++) {
                batch.add(new Message(topic, "TagA", prefix + "-" + i, ("m" + i).getBytes(StandardCharsets.UTF_8)));
            }
            SendResult r = producer.send(batch);
            if (r.getSendStatus() != SendStatus.SEND_OK) {
                throw new AssertionError("send status " + r.getSendStatus());
            }
        }
    }

    /** The client id the broker knows this producer by (ip@instance). */
    String clientId() {
        return producer.buildMQClientId();
    }

    @Override
    public void close() {
        producer.shutdown();
    }
}
