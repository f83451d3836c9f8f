package org.mercurymq.example.transaction;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.mercurymq.client.producer.SendResult;
import org.mercurymq.client.producer.TransactionListener;
import org.mercurymq.client.producer.TransactionMQProducer;
import org.mercurymq.common.message.Message;

/**
 * Sends 10 transactional messages to TopicTest1234 (tags TagA..TagE, keys KEY0..KEY9) and then stays up for the
 * broker's check-backs, which {@link TransactionListenerImpl} answers (the broker checks every
 * {@code transactionCheckInterval}, 60 s by default). The name server comes from NAMESRV_ADDR; the first argument
 * is how many seconds to stay up (default 120).
 */
public class TransactionProducer {
    public static void main(String[] args) throws Exception {
        long stayUpSeconds = args.length > 0 ? Long.parseLong(args[0]) : 120;
        TransactionListener transactionListener = new TransactionListenerImpl();
        TransactionMQProducer producer = new TransactionMQProducer("please_rename_unique_group_name");
        ExecutorService executorService = new ThreadPoolExecutor(2, 5, 100, TimeUnit.SECONDS, new ArrayBlockingQueue<>(2000),
            r -> {
                Thread thread = new Thread(r, "client-transaction-msg-check-thread");
                thread.setDaemon(true);
                return thread;
            });
        producer.setExecutorService(executorService);
        producer.setTransactionListener(transactionListener);
        producer.start();
        try {
            String[] tags = {"TagA", "TagB", "TagC", "TagD", "TagE"};
            for (int i = 0; i < 10; i++) {
                Message msg = new Message("TopicTest1234", tags[i % tags.length], "KEY" + i,
                    ("Hello Mercury " + i).getBytes(StandardCharsets.UTF_8));
                SendResult sendResult = producer.sendMessageInTransaction(msg, null);
                System.out.printf("%s%n", sendResult);
            }
            System.out.printf("waiting %d s for the broker's check-backs%n", stayUpSeconds);
            // stay up so the broker can call back for the UNKNOW transactions
            new java.util.concurrent.CountDownLatch(1).await(stayUpSeconds, TimeUnit.SECONDS);
        } finally {
            producer.shutdown();
        }
    }
}
