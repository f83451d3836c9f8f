package org.mercurymq.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mercurymq.store.StoreTestSupport.message;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SYNC_FLUSH group commit with many writers, and the transient store pool's commit path. */
class FlushModesTest {
    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(1_700_000_000_000L);

    private MessageStoreConfig config(String flushDiskType, boolean pool) {
        Map<String, String> raw = new HashMap<>();
        raw.put("storePathRootDir", dir.toString());
        raw.put("mappedFileSizeCommitLog", String.valueOf(256 * 1024));
        raw.put("mappedFileSizeConsumeQueue", String.valueOf(1000 * 20));
        raw.put("flushDiskType", flushDiskType);
        raw.put("transientStorePoolEnable", String.valueOf(pool));
        raw.put("transientStorePoolSize", "2");
        raw.put("commitIntervalCommitLog", "20");
        return StoreTestSupport.config(raw);
    }

    @Test
    void syncFlushAcknowledgesManyConcurrentWritersAfterTheForce() throws Exception {
        DefaultMessageStore store = StoreTestSupport.open(config("SYNC_FLUSH", false), clock);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<PutMessageResult>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int n = i;
                results.add(pool.submit(() -> store.putMessage(message("S", n % 4, "sync-" + n))));
            }
            long maxEnd = 0;
            for (Future<PutMessageResult> f : results) {
                PutMessageResult r = f.get();
                assertEquals(PutMessageStatus.PUT_OK, r.getPutMessageStatus());
                maxEnd = Math.max(maxEnd, r.getAppendMessageResult().getWroteOffset()
                    + r.getAppendMessageResult().getWroteBytes());
            }
            assertEquals(store.getMaxPhyOffset(), maxEnd);
            Awaitility.await().until(() -> store.dispatchBehindBytes() == 0);
            long total = 0;
            for (int q = 0; q < 4; q++) {
                total += store.getMaxOffsetInQueue("S", q);
            }
            assertEquals(400, total);
            CompletableFuture<PutMessageResult> async = store.asyncPutMessage(message("S", 0, "async"));
            assertEquals(PutMessageStatus.PUT_OK, async.get().getPutMessageStatus());
        } finally {
            pool.shutdown();
            store.shutdown();
        }
    }

    @Test
    void transientPoolCommitsBeforeReadersSeeData() {
        DefaultMessageStore store = StoreTestSupport.open(config("ASYNC_FLUSH", true), clock);
        List<Long> offsets = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            offsets.add(store.putMessage(message("P", 0, new byte[1000], null, null)).getAppendMessageResult()
                .getWroteOffset());
        }
        store.putMessage(message("P", 0, "last"));
        Awaitility.await().until(() -> store.getMaxOffsetInQueue("P", 0) == 601);
        assertEquals("last", new String(store.lookMessageByOffset(
            store.getCommitLogOffsetInQueue("P", 0, 600)).getBody(), StandardCharsets.UTF_8));
        store.shutdown();
        DefaultMessageStore reopened = StoreTestSupport.open(config("ASYNC_FLUSH", true), clock);
        try {
            assertEquals(601, reopened.getMaxOffsetInQueue("P", 0));
            assertEquals(offsets.get(300), reopened.getCommitLogOffsetInQueue("P", 0, 300));
            assertEquals(PutMessageStatus.PUT_OK, reopened.putMessage(message("P", 0, "more")).getPutMessageStatus());
        } finally {
            reopened.shutdown();
        }
    }
}
