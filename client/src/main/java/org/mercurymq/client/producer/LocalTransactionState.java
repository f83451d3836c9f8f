package org.mercurymq.client.producer;

/**
 * Outcome of a local transaction: commit (the message is delivered), rollback (it never is) or unknown (the
 * broker asks again later with CHECK_TRANSACTION_STATE; docs/client.md "Transactional producer").
 */
public enum LocalTransactionState {
    COMMIT_MESSAGE,
    ROLLBACK_MESSAGE,
    UNKNOW,
}
