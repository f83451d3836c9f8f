package org.mercurymq.store.commitlog;

import java.util.concurrent.CompletableFuture;
import org.mercurymq.store.PutMessageStatus;

/** Makes appended bytes durable according to flushDiskType. Implementations are thread-safe. */
interface CommitLogFlusher {
    void start();

    /** Flushes what is left and stops. */
    void shutdown();

    /**
     * Called after each append ending at {@code nextOffset}. The future completes with PUT_OK when the
     * put may be acknowledged, or FLUSH_DISK_TIMEOUT.
     */
    CompletableFuture<PutMessageStatus> onAppended(long nextOffset, boolean waitStoreMsgOK);
}
