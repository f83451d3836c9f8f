package org.mercurymq.test.console;

import java.nio.charset.StandardCharsets;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;

/** Sends one message with the official Apache RocketMQ 4.9.7 producer (unique group and instance). */
final class OfficialSender {
    private OfficialSender() {
    }

    static SendResult send(String namesrv, String topic, String key, String body) throws Exception {
        String unique = "console_test_" + System.nanoTime();
        DefaultMQProducer producer = new DefaultMQProducer(unique);
        producer.setNamesrvAddr(namesrv);
        producer.setInstanceName(unique);
        producer.setSendMsgTimeout(10_000);
        producer.start();
        try {
            Message msg = new Message(topic, "TagA", key, body.getBytes(StandardCharsets.UTF_8));
            msg.putUserProperty("note", "<b>not bold</b>");
            SendResult r = producer.send(msg);
            if (r.getSendStatus() != SendStatus.SEND_OK) {
                throw new AssertionError("send status " + r.getSendStatus());
            }
            return r;
        } finally {
            producer.shutdown();
        }
    }
}
