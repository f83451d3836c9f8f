package org.mercurymq.store.recovery;

import java.nio.ByteBuffer;
import java.util.List;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.store.DispatchRequest;
import org.mercurymq.store.SelectMappedBufferResult;
import org.mercurymq.store.commitlog.CommitLog;
import org.mercurymq.store.commitlog.RecordReader;
import org.mercurymq.store.logfile.MappedFile;
import org.mercurymq.store.logfile.MappedFileQueue;
import org.mercurymq.store.queue.ConsumeQueueTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the end of valid data after a restart (store-format.md section 7). Normal and abnormal exits share
 * one scan and differ only in where it starts: the third-last segment after a clean exit, else the newest
 * segment whose first record is older than the checkpoint. The scan validates each record (CRC when
 * checkCRCOnRecover) and stops at the first invalid one; the commit log and the consume queues are
 * truncated there. Re-dispatch (by the dispatcher at start-up) then rebuilds consume-queue and index
 * entries from the returned offset. Not thread-safe: runs once, before start.
 */
public final class StoreRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(StoreRecovery.class);

    private final CommitLog commitLog;
    private final ConsumeQueueTable consumeQueues;
    private final StoreCheckpoint checkpoint;
    private final RecordReader reader;
    private final boolean checkCRC;
    private final boolean messageIndexSafe;

    public StoreRecovery(CommitLog commitLog, ConsumeQueueTable consumeQueues, StoreCheckpoint checkpoint,
                         RecordReader reader, boolean checkCRC, boolean messageIndexSafe) {
        this.commitLog = commitLog;
        this.consumeQueues = consumeQueues;
        this.checkpoint = checkpoint;
        this.reader = reader;
        this.checkCRC = checkCRC;
        this.messageIndexSafe = messageIndexSafe;
    }

    /** Recovers and returns the commit-log offset the dispatcher must start from. */
    public long recover(boolean lastExitOK) {
        long cqMaxPhy = consumeQueues.recoverAll();
        MappedFileQueue queue = commitLog.getMappedFileQueue();
        List<MappedFile> files = queue.getMappedFiles();
        if (files.isEmpty()) {
            LOG.info("commit log is empty; dropping any consume queues");
            queue.setFlushedWhere(0);
            queue.setCommittedWhere(0);
            consumeQueues.destroy();
            return 0;
        }
        int startIndex = lastExitOK ? Math.max(0, files.size() - 3) : abnormalStartIndex(files);
        long scanStart = files.get(startIndex).getFileFromOffset();
        long end = scan(files, startIndex);
        LOG.info("{} recovery: scanned commit log from {} , valid data ends at {} (segments end at {})",
            lastExitOK ? "normal" : "abnormal", scanStart, end,
            files.get(files.size() - 1).getFileFromOffset() + queue.getMappedFileSize());
        queue.setFlushedWhere(end);
        queue.setCommittedWhere(end);
        queue.truncateDirtyFiles(end);
        if (cqMaxPhy > end) {
            LOG.warn("consume queues reference commit-log data up to {} beyond its end {}; truncating them",
                cqMaxPhy, end);
            consumeQueues.truncateDirty(end);
        }
        long minPhy = commitLog.getMinOffset();
        consumeQueues.correctMinOffsets(minPhy);
        long from = lastExitOK ? cqMaxPhy : Math.min(cqMaxPhy, scanStart);
        if (from < minPhy) {
            from = minPhy;
        }
        if (from > end) {
            from = end;
        }
        return from;
    }

    private int abnormalStartIndex(List<MappedFile> files) {
        long minTimestamp = messageIndexSafe ? checkpoint.getMinTimestampIndex() : checkpoint.getMinTimestamp();
        for (int i = files.size() - 1; i >= 0; i--) {
            if (firstRecordOlderThan(files.get(i), minTimestamp)) {
                LOG.info("abnormal recovery starts at segment {} (checkpoint min time {})", files.get(i), minTimestamp);
                return i;
            }
        }
        return 0;
    }

    private static boolean firstRecordOlderThan(MappedFile file, long minTimestamp) {
        SelectMappedBufferResult whole = file.selectWholeFile();
        if (whole == null) {
            return false;
        }
        try {
            ByteBuffer buf = whole.getByteBuffer();
            if (buf.getInt(MessageDecoder.MESSAGE_MAGIC_CODE_POSTION) != MessageDecoder.MESSAGE_MAGIC_CODE) {
                return false;
            }
            int sysFlag = buf.getInt(MessageDecoder.SYSFLAG_POSITION);
            long storeTimestamp = buf.getLong(MessageDecoder.storeTimestampPosition(sysFlag));
            return storeTimestamp != 0 && storeTimestamp <= minTimestamp;
        } finally {
            whole.release();
        }
    }

    /** Walks records from the start of segment {@code startIndex}; returns the offset after the last valid one. */
    private long scan(List<MappedFile> files, int startIndex) {
        int index = startIndex;
        while (true) {
            MappedFile file = files.get(index);
            SelectMappedBufferResult whole = file.selectWholeFile();
            if (whole == null) {
                return file.getFileFromOffset();
            }
            int pos = 0;
            boolean nextFile = false;
            try {
                ByteBuffer buf = whole.getByteBuffer();
                while (pos < file.getFileSize()) {
                    buf.position(pos);
                    DispatchRequest req = reader.read(buf, file.getFileFromOffset() + pos, checkCRC);
                    if (req.isSuccess() && req.getMsgSize() > 0) {
                        pos += req.getMsgSize();
                    } else if (req.isSuccess()) {
                        if (index + 1 < files.size()) {
                            nextFile = true;
                        } else {
                            pos = file.getFileSize();
                        }
                        break;
                    } else {
                        break;
                    }
                }
            } finally {
                whole.release();
            }
            if (!nextFile) {
                return file.getFileFromOffset() + pos;
            }
            index++;
        }
    }
}
