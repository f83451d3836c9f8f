package org.mercurymq.test.chaos;

/** What a producer learnt about one send, as OpenChaos records it. */
public enum SendOutcome {
    /** SEND_OK: the broker acknowledged the message as stored with the configured guarantee. */
    OK,
    /** The broker refused it or it never left the client (no route, connection refused): not stored. */
    FAILED,
    /** Timeout, connection lost in flight, or an ack weaker than SEND_OK: it may or may not be stored. */
    UNKNOWN
}
