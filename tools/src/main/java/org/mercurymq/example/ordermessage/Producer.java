package org.mercurymq.example.ordermessage;

import java.nio.charset.StandardCharsets;
import org.mercurymq.client.producer.DefaultMQProducer;
import org.mercurymq.client.producer.SendResult;
import org.mercurymq.client.producer.selector.SelectMessageQueueByHash;
import org.mercurymq.common.message.Message;

/**
 * Sends the steps of 10 orders (created, paid, shipped) to TopicTestOrder; every step of one order goes
 * to the same queue (selector by order id), so an orderly consumer sees them in this order.
 */
public class Producer {
    public static void main(String[] args) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("please_rename_unique_group_name_order");
        producer.start();
        try {
            String[] steps = {"created", "paid", "shipped"};
            for (String step : steps) {
                for (int orderId = 0; orderId < 10; orderId++) {
                    Message msg = new Message("TopicTestOrder", "TagA", "order-" + orderId,
                        ("order " + orderId + " " + step).getBytes(StandardCharsets.UTF_8));
                    SendResult r = producer.send(msg, new SelectMessageQueueByHash(), orderId);
                    System.out.printf("order %d %s -> queue %d, offset %d%n", orderId, step, r.getMessageQueue().getQueueId(),
                        r.getQueueOffset());
                }
            }
        } finally {
            producer.shutdown();
        }
    }
}
