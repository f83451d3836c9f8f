package org.mercurymq.example.simple;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.mercurymq.client.producer.DefaultMQProducer;
import org.mercurymq.client.producer.SendCallback;
import org.mercurymq.client.producer.SendResult;
import org.mercurymq.common.message.Message;

/** Sends 100 messages asynchronously and waits (up to 10 s) for every callback. */
public class AsyncProducer {
    public static void main(String[] args) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("please_rename_unique_group_name");
        producer.start();
        producer.setRetryTimesWhenSendAsyncFailed(0);
        int count = 100;
        CountDownLatch done = new CountDownLatch(count);
        try {
            for (int i = 0; i < count; i++) {
                final int index = i;
                Message msg = new Message("TopicTest", "TagA", "OrderID188", "Hello world".getBytes(StandardCharsets.UTF_8));
                producer.send(msg, new SendCallback() {
                    @Override
                    public void onSuccess(SendResult sendResult) {
                        System.out.printf("%-10d OK %s %n", index, sendResult.getMsgId());
                        done.countDown();
                    }

                    @Override
                    public void onException(Throwable e) {
                        System.out.printf("%-10d Exception %s %n", index, e);
                        done.countDown();
                    }
                });
            }
            done.await(10, TimeUnit.SECONDS);
        } finally {
            producer.shutdown();
        }
    }
}
