package org.mercurymq.store.ha;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * SYNC_MASTER puts waiting for a slave ack at or past their end offset. Completed with true by
 * {@link #onAck}; the caller applies its own time-out. Thread-safe.
 */
final class AckWaiters {
    private final ConcurrentSkipListMap<Long, List<CompletableFuture<Boolean>>> byOffset = new ConcurrentSkipListMap<>();

    /** A future completed with true once an ack ≥ {@code endOffset} arrives (at once if one already has). */
    CompletableFuture<Boolean> await(long endOffset, LongSupplier ackedNow) {
        CompletableFuture<Boolean> f = new CompletableFuture<>();
        if (ackedNow.getAsLong() >= endOffset) {
            f.complete(true);
            return f;
        }
        byOffset.computeIfAbsent(endOffset, k -> new CopyOnWriteArrayList<>()).add(f);
        // an ack may have landed between the check and the registration
        if (ackedNow.getAsLong() >= endOffset) {
            f.complete(true);
        }
        // drop the entry once done (time-out or ack) so the map stays bounded by in-flight puts
        f.whenComplete((ok, e) -> byOffset.computeIfPresent(endOffset, (k, list) -> {
            list.remove(f);
            return list.isEmpty() ? null : list;
        }));
        return f;
    }

    /** Completes every waiter whose end offset is ≤ {@code ackedOffset}. */
    void onAck(long ackedOffset) {
        for (Map.Entry<Long, List<CompletableFuture<Boolean>>> e : byOffset.headMap(ackedOffset, true).entrySet()) {
            for (CompletableFuture<Boolean> f : e.getValue()) {
                f.complete(true);
            }
        }
    }

    int size() {
        return byOffset.size();
    }
}
