package org.mercurymq.client.producer;

/** A send result with the local transaction outcome (kept for API compatibility). Not thread-safe. */
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
