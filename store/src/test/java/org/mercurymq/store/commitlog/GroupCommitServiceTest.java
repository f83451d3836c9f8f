package org.mercurymq.store.commitlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.store.PutMessageStatus;
import org.mercurymq.store.StoreState;
import org.mercurymq.store.logfile.MappedFile;
import org.mercurymq.store.logfile.MappedFileQueue;
import org.mercurymq.store.recovery.StoreCheckpoint;

class GroupCommitServiceTest {
    @TempDir
    Path dir;

    @Test
    void requestsCompleteWhenTheirBytesAreForcedAndTimeOutOtherwise() {
        MappedFileQueue queue = new MappedFileQueue(dir.resolve("cl").toString(), 4096, null);
        MappedFile file = queue.getLastMappedFile(0, true);
        file.appendMessage(new byte[100], 0, 100);
        StoreCheckpoint checkpoint = new StoreCheckpoint(dir.resolve("checkpoint").toString());
        GroupCommitService service = new GroupCommitService(queue, checkpoint, new FlushFailureHandler(new StoreState()),
            200);
        // not started: nobody forces, so the waiter times out with FLUSH_DISK_TIMEOUT
        assertEquals(PutMessageStatus.FLUSH_DISK_TIMEOUT, service.onAppended(100, true).join());
        assertEquals(PutMessageStatus.PUT_OK, service.onAppended(100, false).join());
        service.start();
        try {
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
