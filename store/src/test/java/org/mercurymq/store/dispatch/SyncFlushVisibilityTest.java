package org.mercurymq.store.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.store.DelayLevels;
import org.mercurymq.store.MessageStoreConfig;
import org.mercurymq.store.PutMessageStatus;
import org.mercurymq.store.StorageFaults;
import org.mercurymq.store.StoreState;
import org.mercurymq.store.StoreTestSupport;
import org.mercurymq.store.commitlog.CommitLog;
import org.mercurymq.store.commitlog.RecordReader;
import org.mercurymq.store.queue.ConsumeQueue;
import org.mercurymq.store.queue.ConsumeQueueTable;
import org.mercurymq.store.recovery.StoreCheckpoint;

/**
 * Under SYNC_FLUSH the dispatcher stops at the flushed offset (docs/reliability.md, "SYNC_FLUSH
 * visibility"): a record that is written but not yet forced is not consumable. Under ASYNC_FLUSH it is.
 * The flush service is deliberately not started, so the test decides when bytes reach the disk.
 */
class SyncFlushVisibilityTest {
    @TempDir
    Path dir;

    private StoreCheckpoint checkpoint;
    private CommitLog commitLog;
    private ConsumeQueueTable queues;
    private ReputMessageService reput;

    private void open(String flushDiskType) {
        Map<String, String> raw = new HashMap<>();
        raw.put("storePathRootDir", dir.toString());
        raw.put("mappedFileSizeCommitLog", "65536");
        raw.put("mappedFileSizeConsumeQueue", "6000");
        raw.put("flushDiskType", flushDiskType);
        raw.put("syncFlushTimeout", "100");
        MessageStoreConfig config = StoreTestSupport.config(raw);
        StoreState state = new StoreState();
        StorageFaults faults = new StorageFaults(state);
        checkpoint = new StoreCheckpoint(dir.resolve("checkpoint").toString());
        commitLog = new CommitLog(config, Clock.systemUTC(), state, faults, checkpoint, null);
        commitLog.load();
        queues = new ConsumeQueueTable(config.storePathConsumeQueue(), config.mappedFileSizeConsumeQueue());
        reput = new ReputMessageService(commitLog, new RecordReader(DelayLevels.parse(config.messageDelayLevel())),
            queues, null, null, state, faults, System::currentTimeMillis);
    }

    @AfterEach
    void close() {
        queues.shutdown();
        commitLog.getMappedFileQueue().shutdown();
        checkpoint.shutdown();
    }

    @Test
    void syncFlushDispatchesOnlyWhatWasForced() {
        open("SYNC_FLUSH");
        // nobody forces: the producer is answered FLUSH_DISK_TIMEOUT, and consumers must not see the record
        assertEquals(PutMessageStatus.FLUSH_DISK_TIMEOUT,
            commitLog.putMessage(StoreTestSupport.message("V", 0, "unforced")).getPutMessageStatus());
        reput.doReput();
        assertNull(queues.find("V", 0), "a record that is not on disk was dispatched");
        assertEquals(0, reput.getReputFromOffset());

        commitLog.getMappedFileQueue().flush(0);
        reput.doReput();
        ConsumeQueue cq = queues.find("V", 0);
        assertEquals(1, cq.getMaxOffsetInQueue());
        assertEquals(commitLog.getMaxOffset(), reput.getReputFromOffset());

        // a second record stays invisible until its own force, although the first one is dispatched
        commitLog.putMessage(StoreTestSupport.message("V", 0, "second"));
        reput.doReput();
        assertEquals(1, cq.getMaxOffsetInQueue());
        commitLog.getMappedFileQueue().flush(0);
        reput.doReput();
        assertEquals(2, cq.getMaxOffsetInQueue());
    }

    @Test
    void asyncFlushDispatchesWrittenRecordsBeforeTheFlush() {
        open("ASYNC_FLUSH");
        commitLog.putMessage(StoreTestSupport.message("V", 0, "written"));
        reput.doReput();
        assertEquals(1, queues.find("V", 0).getMaxOffsetInQueue());
        assertEquals(0, commitLog.getFlushedWhere());
    }
}
