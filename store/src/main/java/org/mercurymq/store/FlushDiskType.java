package org.mercurymq.store;

/** When a send is acknowledged relative to the commit-log force. */
public enum FlushDiskType {
    SYNC_FLUSH,
    ASYNC_FLUSH
}
