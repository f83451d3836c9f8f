package org.mercurymq.client.consumer.listener;

/** Result of a concurrent consume call. */
public enum ConsumeConcurrentlyStatus {
    /** Consumed. */
    CONSUME_SUCCESS,
    /** Failed; deliver again later (through %RETRY%group). */
    RECONSUME_LATER,
}
