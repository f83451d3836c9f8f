package org.mercurymq.client.hook;

/** Called just before a transactional producer sends END_TRANSACTION (after the local transaction or a check). */
public interface EndTransactionHook {
    String hookName();

    void endTransaction(final EndTransactionContext context);
}
