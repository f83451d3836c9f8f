package org.mercurymq.client.consumer;

/** Outcome of a pull (codes 0, 19, 20, 21). */
public enum PullStatus {
    /** Messages found. */
    FOUND,
    /** No new message at the offset. */
    NO_NEW_MSG,
    /** Entries were scanned but none matched the subscription. */
    NO_MATCHED_MSG,
    /** The offset is outside the queue; continue at {@code nextBeginOffset}. */
    OFFSET_ILLEGAL,
}
