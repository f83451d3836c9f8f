package org.mercurymq.example.simple;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.mercurymq.client.consumer.DefaultLitePullConsumer;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageQueue;

/** Reads half of TopicTest's queues from the start (assign + seek), committing by hand after each poll. */
public class LitePullConsumerAssign {
    public static void main(String[] args) throws Exception {
        DefaultLitePullConsumer litePullConsumer = new DefaultLitePullConsumer("please_rename_unique_group_name");
        litePullConsumer.setAutoCommit(false);
        litePullConsumer.start();
        Runtime.getRuntime().addShutdownHook(new Thread(litePullConsumer::shutdown, "consumer-shutdown"));
        Collection<MessageQueue> mqSet = litePullConsumer.fetchMessageQueues("TopicTest");
        List<MessageQueue> list = new ArrayList<>(mqSet);
        List<MessageQueue> assignList = new ArrayList<>(list.subList(0, Math.max(1, list.size() / 2)));
        litePullConsumer.assign(assignList);
        for (MessageQueue mq : assignList) {
            litePullConsumer.seekToBegin(mq);
        }
        while (litePullConsumer.isRunning()) {
            List<MessageExt> messageExts = litePullConsumer.poll();
            if (!messageExts.isEmpty()) {
                System.out.printf("%s %n", messageExts);
                litePullConsumer.commitSync();
            }
        }
    }
}
