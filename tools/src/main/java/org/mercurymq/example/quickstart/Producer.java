package org.mercurymq.example.quickstart;

import java.nio.charset.StandardCharsets;
import org.mercurymq.client.producer.DefaultMQProducer;
import org.mercurymq.client.producer.SendResult;
import org.mercurymq.common.message.Message;

/**
 * Sends 1,000 messages to TopicTest with tag TagA, synchronously, and prints each result, as RocketMQ's quick start
 * does. The name server comes from NAMESRV_ADDR (or -Drocketmq.namesrv.addr); an optional first argument changes the
 * count.
 */
public class Producer {
    /** As many as RocketMQ's quick-start producer sends. */
    public static final int MESSAGE_COUNT = 1000;

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : MESSAGE_COUNT;
        DefaultMQProducer producer = new DefaultMQProducer("please_rename_unique_group_name");
        producer.start();
        try {
            for (int i = 0; i < count; i++) {
                Message msg = new Message("TopicTest", "TagA", ("Hello Mercury " + i).getBytes(StandardCharsets.UTF_8));
                SendResult sendResult = producer.send(msg);
                System.out.printf("%s%n", sendResult);
            }
        } finally {
            producer.shutdown();
        }
    }
}
