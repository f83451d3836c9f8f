package org.mercurymq.store.recovery;

import java.nio.ByteBuffer;
import java.util.ArrayList;
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
 * Finds the end of valid data after a restart (docs/protocol/store-format.md section 7). Normal and abnormal exits share
 * one scan and differ only in where it starts: the third-last segment after a clean exit, else the newest
 * segment whose first record is older than the checkpoint. The scan validates each record (CRC when
 * checkCRCOnRecover). At invalid bytes it looks for a CRC-valid record further on ({@link HoleFinder}):
 * if there is one, the invalid bytes are a hole that is reported and skipped, and the scan goes on; if
 * not, they are a torn tail and the commit log and the consume queues are truncated there (docs/store.md,
 * "Recovery" and "Holes"). Re-dispatch (by the dispatcher at start-up) then rebuilds consume-queue and
 * index entries from the returned offset. Not thread-safe: runs once, before start.
 */
public final class StoreRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(StoreRecovery.class);

    private final CommitLog commitLog;
    private final ConsumeQueueTable consumeQueues;
    private final StoreCheckpoint checkpoint;
    private final RecordReader reader;
    private final boolean checkCRC;
    private final boolean messageIndexSafe;
    private final HoleFinder holeFinder;
    private final int segmentSize;
    private final List<HoleFinder.Hole> holes = new ArrayList<>();
    private final long cleanExitSearchBytes;

    public StoreRecovery(CommitLog commitLog, ConsumeQueueTable consumeQueues, StoreCheckpoint checkpoint,
                         RecordReader reader, boolean checkCRC, boolean messageIndexSafe, int maxMessageSize) {
        this.commitLog = commitLog;
        this.consumeQueues = consumeQueues;
        this.checkpoint = checkpoint;
        this.reader = reader;
        this.checkCRC = checkCRC;
        this.messageIndexSafe = messageIndexSafe;
        this.holeFinder = new HoleFinder(reader);
        this.segmentSize = commitLog.getMappedFileQueue().getMappedFileSize();
        // a record holds at most maxMessageSize of body plus 64 KiB of header, topic and properties
        this.cleanExitSearchBytes = 2L * (maxMessageSize + 64 * 1024);
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
        long end = scan(files, startIndex, lastExitOK);
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
        long damagedFrom = consumeQueues.rebuildFrom();
        if (damagedFrom < from) {
            LOG.warn("damaged consume queues are rebuilt: re-dispatch starts at commit-log offset {} instead of {}",
                damagedFrom, from);
            from = damagedFrom;
        }
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

    /**
     * Walks records from the start of segment {@code startIndex}; returns the offset after the last valid
     * one. Invalid bytes followed by a valid record (a hole) are skipped and reported, not cut away.
     */
    private long scan(List<MappedFile> files, int startIndex, boolean lastExitOK) {
        long lastFileEnd = files.get(files.size() - 1).getFileFromOffset() + files.get(files.size() - 1).getFileSize();
        long lastStoreTimestamp = 0;
        int index = startIndex;
        long pos = files.get(index).getFileFromOffset();
        HoleFinder.Hole hole = null;
        long recordsAfterHole = 0;
        while (true) {
            MappedFile file = files.get(index);
            SegmentWalk walk = walk(file, pos);
            if (walk.records > 0) {
                lastStoreTimestamp = walk.lastStoreTimestamp;
            }
            if (hole != null) {
                recordsAfterHole += walk.records;
            }
            if (walk.nextSegment) {
                if (index + 1 < files.size()) {
                    index++;
                    pos = files.get(index).getFileFromOffset();
                    continue;
                }
                reportHole(hole, recordsAfterHole, walk.end);
                return walk.end;
            }
            HoleFinder.Hole next = holeFinder.find(files.subList(index, files.size()), walk.end,
                searchLimit(walk.end, lastFileEnd, lastExitOK, lastStoreTimestamp));
            reportHole(hole, recordsAfterHole, walk.end);
            if (next.resumeAt() < 0) {
                if (next.dataEnd() > walk.end) {
                    LOG.warn("commit log: torn tail truncated at {}: partial data up to {} ({} bytes, {} record"
                            + " header(s) that failed validation) dropped; no valid record follows", walk.end,
                        next.dataEnd(), next.dataEnd() - walk.end, next.corruptRecords().size());
                }
                return walk.end;
            }
            invalidate(files, next.corruptRecords());
            holes.add(next);
            hole = next;
            recordsAfterHole = 0;
            pos = next.resumeAt();
            while (files.get(index).getFileFromOffset() + files.get(index).getFileSize() <= pos) {
                index++;
            }
        }
    }

    /**
     * How far to look for valid data after invalid bytes at {@code invalidAt}: to the end of the last
     * segment, which means reading up to a whole segment of (mostly zero) tail at every start. After a clean
     * exit whose last valid record is the newest one the checkpoint knows as flushed, the scan has reached
     * the real end; then only two records of the largest size are searched, enough to step over a corrupt one.
     */
    private long searchLimit(long invalidAt, long lastFileEnd, boolean lastExitOK, long lastStoreTimestamp) {
        long flushed = checkpoint.getPhysicMsgTimestamp();
        if (lastExitOK && flushed > 0 && lastStoreTimestamp >= flushed) {
            return Math.min(lastFileEnd, invalidAt + cleanExitSearchBytes);
        }
        return lastFileEnd;
    }

    /** Records read in one segment from {@code pos}: where they stop, and whether that is the segment end. */
    private record SegmentWalk(long end, long records, boolean nextSegment, long lastStoreTimestamp) {
    }

    private SegmentWalk walk(MappedFile file, long start) {
        SelectMappedBufferResult whole = file.selectWholeFile();
        if (whole == null) {
            return new SegmentWalk(start, 0, false, 0);
        }
        int pos = (int) (start - file.getFileFromOffset());
        long records = 0;
        long lastStoreTimestamp = 0;
        try {
            ByteBuffer buf = whole.getByteBuffer();
            while (pos < file.getFileSize()) {
                buf.position(pos);
                DispatchRequest req = reader.read(buf, file.getFileFromOffset() + pos, checkCRC);
                if (req.isSuccess() && req.getMsgSize() > 0) {
                    pos += req.getMsgSize();
                    records++;
                    lastStoreTimestamp = req.getStoreTimestamp();
                } else if (req.isSuccess()) {
                    return new SegmentWalk(file.getFileFromOffset() + file.getFileSize(), records, true,
                        lastStoreTimestamp);
                } else {
                    return new SegmentWalk(file.getFileFromOffset() + pos, records, false, lastStoreTimestamp);
                }
            }
        } finally {
            whole.release();
        }
        return new SegmentWalk(file.getFileFromOffset() + pos, records, true, lastStoreTimestamp);
    }

    /** One ERROR line per hole, once the valid data after it has been counted. */
    private void reportHole(HoleFinder.Hole hole, long recordsAfter, long validEnd) {
        if (hole == null) {
            return;
        }
        String file = MappedFile.fileNameOf(hole.start() - hole.start() % segmentSize);
        List<Long> corrupt = hole.corruptRecords();
        LOG.error("commit log hole: {} bytes of invalid data at offsets [{}, {}) (segment {} from position {}),"
                + " {} corrupt record(s) in it dropped {}; followed by {} valid records up to {}, which are KEPT;"
                + " readers and the dispatcher skip the hole, messages stored inside it are lost",
            hole.length(), hole.start(), hole.resumeAt(), file, hole.start() % segmentSize, corrupt.size(),
            corrupt.subList(0, Math.min(10, corrupt.size())), recordsAfter, validEnd);
    }

    /**
     * Zeroes the magic of records inside a hole that failed validation (e.g. a flipped bit in the body),
     * so that consume-queue entries still pointing at them are skipped by readers instead of serving
     * corrupt bytes. Their other bytes are left for inspection.
     */
    private static void invalidate(List<MappedFile> files, List<Long> offsets) {
        for (long offset : offsets) {
            for (MappedFile file : files) {
                long from = file.getFileFromOffset();
                if (offset >= from && offset < from + file.getFileSize()) {
                    SelectMappedBufferResult whole = file.selectWholeFile();
                    if (whole != null) {
                        try {
                            whole.getByteBuffer().putInt((int) (offset - from) + MessageDecoder.MESSAGE_MAGIC_CODE_POSTION, 0);
                        } finally {
                            whole.release();
                        }
                    }
                }
            }
        }
    }

    /** The holes found by the last {@link #recover} (empty when the commit log was contiguous). */
    public List<HoleFinder.Hole> holes() {
        return holes;
    }
}
