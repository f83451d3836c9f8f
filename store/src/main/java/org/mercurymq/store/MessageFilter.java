package org.mercurymq.store;

import java.nio.ByteBuffer;
import java.util.Map;

/** Decides which consume-queue entries a pull returns. Implementations must be thread-safe. */
public interface MessageFilter {
    /** First test, on the consume-queue entry's tags code (hash of TAGS). */
    boolean isMatchedByConsumeQueue(long tagsCode);

    /** Second test, on the stored record (properties may be null: decode them from the buffer if needed). */
    boolean isMatchedByCommitLog(ByteBuffer msgBuffer, Map<String, String> properties);
}
