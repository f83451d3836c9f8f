package org.mercurymq.example.transaction;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.mercurymq.client.producer.LocalTransactionState;
import org.mercurymq.client.producer.TransactionListener;
import org.mercurymq.common.message.Message;
import org.mercurymq.common.message.MessageExt;

/**
 * The example's local transactions: each one records an outcome by turn (still unknown, commit, rollback) and
 * reports UNKNOW, so every message is settled by the broker's check-back: the second and third kinds are
 * committed and rolled back there, the first kind stays unknown until the broker gives up checking. Thread-safe.
 */
public class TransactionListenerImpl implements TransactionListener {
    private final AtomicInteger transactionIndex = new AtomicInteger();
    private final ConcurrentHashMap<String, Integer> localTrans = new ConcurrentHashMap<>();

    @Override
    public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
        int outcome = transactionIndex.getAndIncrement() % 3;
        localTrans.put(msg.getTransactionId(), outcome);
        return LocalTransactionState.UNKNOW;
    }

    @Override
    public LocalTransactionState checkLocalTransaction(MessageExt msg) {
        Integer outcome = localTrans.get(msg.getTransactionId());
        LocalTransactionState answer = LocalTransactionState.COMMIT_MESSAGE;
        if (outcome != null) {
            answer = outcome == 0 ? LocalTransactionState.UNKNOW
                : outcome == 1 ? LocalTransactionState.COMMIT_MESSAGE : LocalTransactionState.ROLLBACK_MESSAGE;
        }
        System.out.printf("check-back of %s (%s): %s%n", msg.getTransactionId(), msg.getKeys(), answer);
        return answer;
    }
}
