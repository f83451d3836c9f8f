package org.mercurymq.client.consumer.store;

/** Where {@link OffsetStore#readOffset} looks. */
public enum ReadOffsetType {
    /** Only the in-memory table; −1 when absent. */
    READ_FROM_MEMORY,
    /** The broker (clustering) or the file (broadcasting); −1 when none stored, −2 on failure. */
    READ_FROM_STORE,
    /** Memory, then the store. */
    MEMORY_FIRST_THEN_STORE,
}
