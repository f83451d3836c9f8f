package org.mercurymq.client.consumer.listener;

/** Result of an orderly consume call. */
public enum ConsumeOrderlyStatus {
    /** Consumed. */
    SUCCESS,
    /** Put the messages back (only with autoCommit off). */
    @Deprecated
    ROLLBACK,
    /** Commit the offset (only with autoCommit off). */
    @Deprecated
    COMMIT,
    /** Pause this queue and retry the same messages. */
    SUSPEND_CURRENT_QUEUE_A_MOMENT,
}
