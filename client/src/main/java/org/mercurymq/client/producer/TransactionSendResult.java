package org.mercurymq.client.producer;

/**
 * The result of {@link TransactionMQProducer#sendMessageInTransaction}: the half message's send result and the
 * local transaction outcome the producer reported. Not thread-safe.
 */
public class TransactionSendResult extends SendResult {
    private LocalTransactionState localTransactionState;

    public TransactionSendResult() {
    }

    public LocalTransactionState getLocalTransactionState() {
        return localTransactionState;
    }

    public void setLocalTransactionState(LocalTransactionState localTransactionState) {
        this.localTransactionState = localTransactionState;
    }
}
