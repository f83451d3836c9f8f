package org.mercurymq.example.quickstart;

import java.nio.charset.StandardCharsets;
import org.mercurymq.client.producer.DefaultMQProducer;
import org.mercurymq.client.producer.SendResult;
import org.mercurymq.common.message.Message;

/**
 * Sends 10 messages to TopicTest with tag TagA, synchronously, and prints each result. The name
 * server comes from NAMESRV_ADDR (or -Drocketmq.namesrv.addr).
 */
public class Producer {
    public static void main(String[] args) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("please_rename_unique_group_name");
        producer.start();
        try {
            for (int i = 0; i < 10; i++) {
                Message msg = new Message("TopicTest", "TagA", ("Hello Mercury " + i).getBytes(StandardCharsets.UTF_8));
                SendResult sendResult = producer.send(msg);
                System.out.printf("%s%n", sendResult);
            }
        } finally {
            producer.shutdown();
        }
    }
}
