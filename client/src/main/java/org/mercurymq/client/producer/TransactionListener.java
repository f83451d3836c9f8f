package org.mercurymq.client.producer;

import org.mercurymq.common.message.Message;
import org.mercurymq.common.message.MessageExt;

/**
 * The application side of a transactional send ({@link TransactionMQProducer}): runs the local transaction
 * after the half message is stored, and answers the broker's later question about a transaction whose
 * outcome it never learnt. An exception or {@code null} counts as {@link LocalTransactionState#UNKNOW}.
 */
public interface TransactionListener {
    /** Runs the local transaction of {@code msg} (called on the sending thread, with the caller's {@code arg}). */
    LocalTransactionState executeLocalTransaction(final Message msg, final Object arg);

    /** Tells the broker how the transaction of {@code msg} ended (called on the producer's check executor). */
    LocalTransactionState checkLocalTransaction(final MessageExt msg);
}
