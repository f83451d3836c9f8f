package org.mercurymq.example.rpc;

import java.nio.charset.StandardCharsets;
import org.mercurymq.client.producer.DefaultMQProducer;
import org.mercurymq.common.message.Message;

/**
 * Sends one request to RequestTopic and waits up to 3 s for the reply of {@link ResponseConsumer}, which must be
 * running; prints the reply and the round-trip time.
 */
public class RequestProducer {
    public static void main(String[] args) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("please_rename_unique_group_name");
        producer.start();
        try {
            Message request = new Message("RequestTopic", "", "Hello world".getBytes(StandardCharsets.UTF_8));
            long begin = System.currentTimeMillis();
            Message reply = producer.request(request, 3000);
            System.out.printf("request to <%s> cost: %d ms, reply: %s%n", request.getTopic(),
                System.currentTimeMillis() - begin, new String(reply.getBody(), StandardCharsets.UTF_8));
        } finally {
            producer.shutdown();
        }
    }
}
