package org.mercurymq.store.commitlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.store.PutMessageStatus;
import org.mercurymq.store.StorageFaults;
import org.mercurymq.store.StoreState;
import org.mercurymq.store.logfile.MappedFile;
import org.mercurymq.store.logfile.MappedFileQueue;
import org.mercurymq.store.recovery.StoreCheckpoint;

class GroupCommitServiceTest {
    @TempDir
    Path dir;

    @Test
    void syncPutAnswersFlushDiskTimeoutWhenNoForceComes() {
        java.util.Map<String, String> raw = new java.util.HashMap<>();
        raw.put("storePathRootDir", dir.toString());
        raw.put("mappedFileSizeCommitLog", "65536");
        raw.put("flushDiskType", "SYNC_FLUSH");
        raw.put("syncFlushTimeout", "200");
        org.mercurymq.store.MessageStoreConfig config = org.mercurymq.store.StoreTestSupport.config(raw);
        StoreCheckpoint checkpoint = new StoreCheckpoint(dir.resolve("checkpoint").toString());
        StoreState state = new StoreState();
        CommitLog commitLog = new CommitLog(config, java.time.Clock.systemUTC(), state, new StorageFaults(state),
            checkpoint, null);
        commitLog.load();
        // the flush service is deliberately not started
        org.mercurymq.store.PutMessageResult sync = commitLog.putMessage(
            org.mercurymq.store.StoreTestSupport.message("T", 0, "x"));
        assertEquals(PutMessageStatus.FLUSH_DISK_TIMEOUT, sync.getPutMessageStatus());
        assertTrue(sync.isOk(), "the message is stored although the flush timed out");
        org.mercurymq.store.PutMessageResult async = commitLog.asyncPutMessage(
            org.mercurymq.store.StoreTestSupport.message("T", 0, "y")).join();
        assertEquals(PutMessageStatus.FLUSH_DISK_TIMEOUT, async.getPutMessageStatus());
        assertEquals(1, async.getAppendMessageResult().getLogicsOffset());
        commitLog.getMappedFileQueue().shutdown();
        checkpoint.shutdown();
    }

    @Test
    void requestsCompleteWhenTheirBytesAreForcedAndTimeOutOtherwise() {
        MappedFileQueue queue = new MappedFileQueue(dir.resolve("cl").toString(), 4096, null);
        MappedFile file = queue.getLastMappedFile(0, true);
        file.appendMessage(new byte[100], 0, 100);
        StoreCheckpoint checkpoint = new StoreCheckpoint(dir.resolve("checkpoint").toString());
        GroupCommitService service = new GroupCommitService(queue, checkpoint, new StorageFaults(new StoreState()),
            System::currentTimeMillis);
        // not started: nobody forces, so the waiter is not answered; no-wait puts are at once
        CompletableFuture<PutMessageStatus> early = service.onAppended(100, true);
        assertFalse(early.isDone());
        assertEquals(PutMessageStatus.PUT_OK, service.onAppended(100, false).join());
        service.start();
        try {
            assertEquals(PutMessageStatus.PUT_OK, early.join());
            CompletableFuture<PutMessageStatus> a = service.onAppended(100, true);
            file.appendMessage(new byte[50], 0, 50);
            CompletableFuture<PutMessageStatus> b = service.onAppended(150, true);
            assertEquals(PutMessageStatus.PUT_OK, a.join());
            assertEquals(PutMessageStatus.PUT_OK, b.join());
            assertTrue(queue.getFlushedWhere() >= 150);
        } finally {
            service.shutdown();
            checkpoint.shutdown();
            queue.shutdown();
        }
    }
}
