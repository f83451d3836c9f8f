package org.mercurymq.client.impl.factory;

/** Lifecycle state of a producer, consumer or client instance. */
public enum ServiceState {
    CREATE_JUST,
    RUNNING,
    SHUTDOWN_ALREADY,
    START_FAILED,
}
