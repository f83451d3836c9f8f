package org.mercurymq.store.logfile;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed set of off-heap buffers, one segment in size each, that new commit-log segments write into
 * (transientStorePoolEnable) so appends never fault on the mapping. Thread-safe.
 */
public final class TransientStorePool {
    private static final Logger LOG = LoggerFactory.getLogger(TransientStorePool.class);

    private final int poolSize;
    private final int fileSize;
    private final Deque<ByteBuffer> available = new ArrayDeque<>();

    public TransientStorePool(int poolSize, int fileSize) {
        this.poolSize = poolSize;
        this.fileSize = fileSize;
    }

    public synchronized void init() {
        for (int i = 0; i < poolSize; i++) {
            available.offer(ByteBuffer.allocateDirect(fileSize));
        }
        LOG.info("transient store pool: {} off-heap buffers of {} bytes", poolSize, fileSize);
    }

    public synchronized void destroy() {
        available.clear();
    }

    /** A buffer, or null when all are in use (the segment then writes to its mapping directly). */
    public synchronized ByteBuffer borrowBuffer() {
        ByteBuffer buffer = available.pollFirst();
        if (buffer == null) {
            LOG.warn("transient store pool exhausted ({} buffers)", poolSize);
        }
        return buffer;
    }

    public synchronized void returnBuffer(ByteBuffer buffer) {
        buffer.clear();
        available.offerFirst(buffer);
    }

    public synchronized int availableBufferNums() {
        return available.size();
    }
}
