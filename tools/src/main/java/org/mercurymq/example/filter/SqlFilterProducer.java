package org.mercurymq.example.filter;

import java.nio.charset.StandardCharsets;
import org.mercurymq.client.producer.DefaultMQProducer;
import org.mercurymq.client.producer.SendResult;
import org.mercurymq.common.message.Message;

/**
 * Sends 10 messages to SqlFilterTest, tagged TagA, TagB, TagC in turn, each with a user property {@code a} = its
 * index, for {@link SqlFilterConsumer} to select by SQL92. The broker needs {@code enablePropertyFilter=true}.
 */
public class SqlFilterProducer {
    public static void main(String[] args) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("please_rename_unique_group_name");
        producer.start();
        try {
            String[] tags = {"TagA", "TagB", "TagC"};
            for (int i = 0; i < 10; i++) {
                Message message = new Message("SqlFilterTest", tags[i % tags.length],
                    ("Hello SQL filter " + i).getBytes(StandardCharsets.UTF_8));
                message.putUserProperty("a", String.valueOf(i));
                SendResult result = producer.send(message);
                System.out.printf("%s%n", result);
            }
        } finally {
            producer.shutdown();
        }
    }
}
