package org.mercurymq.client.producer;

import org.mercurymq.common.message.Message;

/** Runs a local transaction branch (kept for API compatibility; see {@link LocalTransactionState}). */
@Deprecated
public interface LocalTransactionExecuter {
    LocalTransactionState executeLocalTransactionBranch(final Message msg, final Object arg);
}
