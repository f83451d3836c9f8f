package org.mercurymq.example.filter;

import java.nio.charset.StandardCharsets;
import org.mercurymq.client.consumer.DefaultMQPushConsumer;
import org.mercurymq.client.consumer.MessageSelector;
import org.mercurymq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.mercurymq.client.consumer.listener.MessageListenerConcurrently;
import org.mercurymq.common.consumer.ConsumeFromWhere;
import org.mercurymq.common.message.MessageExt;

/**
 * Receives the SqlFilterTest messages tagged TagA or TagB whose property {@code a} lies between 0 and 3. The broker
 * must run with {@code enablePropertyFilter=true}, otherwise {@code start()} fails naming that key (the SQL92
 * language: docs/protocol/sql92.md).
 */
public class SqlFilterConsumer {
    public static void main(String[] args) throws Exception {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("please_rename_unique_group_name");
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe("SqlFilterTest",
            MessageSelector.bySql("(TAGS IS NOT NULL AND TAGS IN ('TagA', 'TagB')) AND (a IS NOT NULL AND a BETWEEN 0 AND 3)"));
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            for (MessageExt message : messages) {
                System.out.printf("%s a=%s: %s%n", message.getTags(), message.getUserProperty("a"),
                    new String(message.getBody(), StandardCharsets.UTF_8));
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        System.out.printf("Consumer Started.%n");
        Runtime.getRuntime().addShutdownHook(new Thread(consumer::shutdown, "consumer-shutdown"));
    }
}
