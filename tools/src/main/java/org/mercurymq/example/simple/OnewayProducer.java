package org.mercurymq.example.simple;

import java.nio.charset.StandardCharsets;
import org.mercurymq.client.producer.DefaultMQProducer;
import org.mercurymq.common.message.Message;

/** Sends 100 messages oneway: no reply is awaited, so nothing reports whether they were stored. */
public class OnewayProducer {
    public static void main(String[] args) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("please_rename_unique_group_name");
        producer.start();
        try {
            for (int i = 0; i < 100; i++) {
                producer.sendOneway(new Message("TopicTest", "TagA", ("Hello Mercury " + i).getBytes(StandardCharsets.UTF_8)));
            }
        } finally {
            producer.shutdown();
        }
    }
}
