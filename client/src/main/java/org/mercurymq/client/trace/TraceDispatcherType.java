package org.mercurymq.client.trace;

/** Which side a trace dispatcher serves, as in RocketMQ 4.9.x. */
public enum TraceDispatcherType {
    PRODUCER,
    CONSUMER
}
