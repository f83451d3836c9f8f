package org.mercurymq.client.producer;

import org.mercurymq.common.message.Message;

/**
 * Runs the local transaction of one send of the deprecated
 * {@link TransactionMQProducer#sendMessageInTransaction(Message, LocalTransactionExecuter, Object)} API.
 */
@Deprecated
public interface LocalTransactionExecuter {
    LocalTransactionState executeLocalTransactionBranch(final Message msg, final Object arg);
}
