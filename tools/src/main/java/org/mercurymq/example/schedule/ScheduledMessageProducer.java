package org.mercurymq.example.schedule;

import java.nio.charset.StandardCharsets;
import org.mercurymq.client.producer.DefaultMQProducer;
import org.mercurymq.client.producer.SendResult;
import org.mercurymq.common.message.Message;

/**
 * Sends 100 messages to TestTopic with delay level 3 (10 s with the default {@code messageDelayLevel}); the broker
 * keeps them in SCHEDULE_TOPIC_XXXX until they are due. Run {@link ScheduledMessageConsumer} to watch them arrive.
 */
public class ScheduledMessageProducer {
    public static void main(String[] args) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("ExampleProducerGroup");
        producer.start();
        try {
            for (int i = 0; i < 100; i++) {
                Message message = new Message("TestTopic", ("Hello scheduled message " + i).getBytes(StandardCharsets.UTF_8));
                message.setDelayTimeLevel(3);
                SendResult result = producer.send(message);
                System.out.printf("%s%n", result);
            }
        } finally {
            producer.shutdown();
        }
    }
}
