package org.mercurymq.store.ha.epoch;

/** One master term: its epoch and the commit-log offset where it started. Immutable. */
public record EpochEntry(int epoch, long startOffset) {
    @Override
    public String toString() {
        return epoch + "-" + startOffset;
    }
}
