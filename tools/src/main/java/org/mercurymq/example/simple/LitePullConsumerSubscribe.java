package org.mercurymq.example.simple;

import java.util.List;
import org.mercurymq.client.consumer.DefaultLitePullConsumer;
import org.mercurymq.common.message.MessageExt;

/** Polls TopicTest as a member of a consumer group (queues shared by rebalance), committing automatically. */
public class LitePullConsumerSubscribe {
    public static void main(String[] args) throws Exception {
        DefaultLitePullConsumer litePullConsumer = new DefaultLitePullConsumer("lite_pull_consumer_test");
        litePullConsumer.subscribe("TopicTest", "*");
        litePullConsumer.start();
        Runtime.getRuntime().addShutdownHook(new Thread(litePullConsumer::shutdown, "consumer-shutdown"));
        while (litePullConsumer.isRunning()) {
            List<MessageExt> messageExts = litePullConsumer.poll();
            if (!messageExts.isEmpty()) {
                System.out.printf("%s%n", messageExts);
            }
        }
    }
}
