package org.mercurymq.client.producer;

/** Outcome of a local transaction (kept for API compatibility; Mercury's client has no transactional producer). */
public enum LocalTransactionState {
    COMMIT_MESSAGE,
    ROLLBACK_MESSAGE,
    UNKNOW,
}
