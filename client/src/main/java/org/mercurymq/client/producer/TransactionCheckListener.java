package org.mercurymq.client.producer;

import org.mercurymq.common.message.MessageExt;

/**
 * Answers the broker's transaction checks for the deprecated {@link LocalTransactionExecuter} API; use
 * {@link TransactionListener} instead. When both are set, this one answers checks.
 */
@Deprecated
public interface TransactionCheckListener {
    LocalTransactionState checkLocalTransactionState(final MessageExt msg);
}
