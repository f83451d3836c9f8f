package org.mercurymq.example.filter;

import java.nio.charset.StandardCharsets;
import org.mercurymq.client.producer.DefaultMQProducer;
import org.mercurymq.client.producer.SendResult;
import org.mercurymq.common.message.Message;

/** Sends 30 messages to TagFilterTest with tags TagA, TagB and TagC in turn. */
public class TagFilterProducer {
    public static void main(String[] args) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("please_rename_unique_group_name");
        producer.start();
        try {
            String[] tags = {"TagA", "TagB", "TagC"};
            for (int i = 0; i < 30; i++) {
                String tag = tags[i % tags.length];
                Message msg = new Message("TagFilterTest", tag, ("Hello Mercury " + tag + " " + i).getBytes(StandardCharsets.UTF_8));
                SendResult sendResult = producer.send(msg);
                System.out.printf("%s%n", sendResult);
            }
        } finally {
            producer.shutdown();
        }
    }
}
