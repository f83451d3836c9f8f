package org.mercurymq.client.consumer.listener;

/** How a consume call ended, as reported in statistics. */
public enum ConsumeReturnType {
    SUCCESS,
    TIME_OUT,
    EXCEPTION,
    RETURNNULL,
    FAILED,
}
