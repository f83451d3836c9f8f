package org.mercurymq.example.rpc;

import java.nio.charset.StandardCharsets;
import org.mercurymq.client.consumer.DefaultMQPushConsumer;
import org.mercurymq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.mercurymq.client.consumer.listener.MessageListenerConcurrently;
import org.mercurymq.client.producer.DefaultMQProducer;
import org.mercurymq.client.utils.MessageUtil;
import org.mercurymq.common.consumer.ConsumeFromWhere;
import org.mercurymq.common.message.Message;
import org.mercurymq.common.message.MessageExt;

/**
 * Answers every request on RequestTopic: builds the reply with {@link MessageUtil#createReplyMessage} (which addresses
 * it to the requesting client through the cluster's reply topic) and sends it with its own producer.
 */
public class ResponseConsumer {
    public static void main(String[] args) throws Exception {
        DefaultMQProducer replier = new DefaultMQProducer("please_rename_unique_group_name_reply");
        replier.start();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("please_rename_unique_group_name_consumer");
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET);
        consumer.subscribe("RequestTopic", "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            for (MessageExt request : messages) {
                try {
                    Message reply = MessageUtil.createReplyMessage(request,
                        ("reply to " + new String(request.getBody(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
                    replier.send(reply, 3000);
                    System.out.printf("replied to %s%n", MessageUtil.getReplyToClient(request));
                } catch (Exception e) {
                    System.out.printf("cannot reply to %s: %s%n", request.getMsgId(), e);
                }
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        System.out.printf("Consumer Started.%n");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            consumer.shutdown();
            replier.shutdown();
        }, "consumer-shutdown"));
    }
}
