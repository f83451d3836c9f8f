package org.mercurymq.example.ordermessage;

import java.nio.charset.StandardCharsets;
import org.mercurymq.client.consumer.DefaultMQPushConsumer;
import org.mercurymq.client.consumer.listener.ConsumeOrderlyStatus;
import org.mercurymq.client.consumer.listener.MessageListenerOrderly;
import org.mercurymq.common.consumer.ConsumeFromWhere;
import org.mercurymq.common.message.MessageExt;

/** Consumes TopicTestOrder queue by queue in order (one thread per queue at a time, broker queue locks). */
public class Consumer {
    public static void main(String[] args) throws Exception {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("please_rename_unique_group_name_order_c");
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe("TopicTestOrder", "*");
        consumer.registerMessageListener((MessageListenerOrderly) (msgs, context) -> {
            for (MessageExt msg : msgs) {
                System.out.printf("queue %d offset %d: %s%n", msg.getQueueId(), msg.getQueueOffset(),
                    new String(msg.getBody(), StandardCharsets.UTF_8));
            }
            return ConsumeOrderlyStatus.SUCCESS;
        });
        consumer.start();
        System.out.printf("Consumer Started.%n");
        Runtime.getRuntime().addShutdownHook(new Thread(consumer::shutdown, "consumer-shutdown"));
    }
}
