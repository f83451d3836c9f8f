package org.mercurymq.example.batch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.mercurymq.client.producer.DefaultMQProducer;
import org.mercurymq.common.message.Message;

/** Sends three messages of BatchTest in one request; they land in one queue at consecutive offsets. */
public class SimpleBatchProducer {
    public static void main(String[] args) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("BatchProducerGroupName");
        producer.start();
        try {
            String topic = "BatchTest";
            List<Message> messages = new ArrayList<>();
            messages.add(new Message(topic, "TagA", "OrderID001", "Hello world 0".getBytes(StandardCharsets.UTF_8)));
            messages.add(new Message(topic, "TagA", "OrderID002", "Hello world 1".getBytes(StandardCharsets.UTF_8)));
            messages.add(new Message(topic, "TagA", "OrderID003", "Hello world 2".getBytes(StandardCharsets.UTF_8)));
            System.out.printf("%s%n", producer.send(messages));
        } finally {
            producer.shutdown();
        }
    }
}
