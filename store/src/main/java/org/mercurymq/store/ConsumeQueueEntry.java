package org.mercurymq.store;

/** One raw consume-queue entry (docs/protocol/store-format.md: commit-log offset, size, tags hash code). Immutable. */
public record ConsumeQueueEntry(long physicOffset, int physicSize, long tagsCode) {
}
