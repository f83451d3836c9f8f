package org.mercurymq.store.queue;

import java.io.File;
import java.util.Arrays;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.LongBinaryOperator;
import org.mercurymq.store.SelectMappedBufferResult;
import org.mercurymq.store.StoreException;
import org.mercurymq.store.logfile.MappedFile;
import org.mercurymq.store.logfile.MappedFileQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consume queue of one (topic, queueId): entry n (20 bytes: commit-log offset, size, tags code) sits
 * at byte n * 20 of the queue's stream (docs/protocol/store-format.md section 4).
 * Thread-safety: one writer (the dispatcher); readers, flush and deletion may run concurrently.
 */
public final class ConsumeQueue {
    public static final int CQ_STORE_UNIT_SIZE = 20;
    private static final Logger LOG = LoggerFactory.getLogger(ConsumeQueue.class);
    private static final int FILLER_SIZE = Integer.MAX_VALUE;

    private final String topic;
    private final int queueId;
    private final MappedFileQueue mappedFileQueue;
    private final int mappedFileSize;
    private final ByteBuffer entryBuffer = ByteBuffer.allocate(CQ_STORE_UNIT_SIZE);
    private volatile long maxPhysicOffset = -1;
    private volatile long minLogicOffset;
    private boolean damaged;

    public ConsumeQueue(String topic, int queueId, String storePath, int mappedFileSize) {
        this.topic = topic;
        this.queueId = queueId;
        this.mappedFileSize = mappedFileSize;
        String queueDir = storePath + File.separator + topic + File.separator + queueId;
        this.mappedFileQueue = new MappedFileQueue(queueDir, mappedFileSize, null);
    }

    public String getTopic() {
        return topic;
    }

    public int getQueueId() {
        return queueId;
    }

    /**
     * Maps the queue's segments. A segment of the wrong size is damage a consume queue can recover from
     * (it is rebuilt from the commit log, docs/reliability.md "Corruption and recovery"): a short last
     * segment is extended with zeros by the segment queue; any other wrong-sized segment is deleted with all
     * later ones. Either marks the queue {@link #isDamaged() damaged}.
     */
    public void load() {
        File[] files = new File(mappedFileQueue.getStorePath()).listFiles(f -> f.getName().matches("\\d{20}"));
        if (files != null) {
            Arrays.sort(files);
            refuseOtherSegmentSize(files);
            for (int i = 0; i < files.length; i++) {
                long length = files[i].length();
                if (length == mappedFileSize) {
                    continue;
                }
                damaged = true;
                if (i == files.length - 1 && length < mappedFileSize) {
                    LOG.warn("consume queue {}-{}: last segment {} is {} bytes, expected {}; its missing entries are"
                        + " rebuilt from the commit log", topic, queueId, files[i].getName(), length, mappedFileSize);
                    break;
                }
                LOG.warn("consume queue {}-{}: segment {} is {} bytes, expected {}; deleting it and {} later"
                        + " segment(s), entries from queue offset {} are rebuilt from the commit log", topic, queueId,
                    files[i].getName(), length, mappedFileSize, files.length - 1 - i,
                    Long.parseLong(files[i].getName()) / CQ_STORE_UNIT_SIZE);
                for (int j = i; j < files.length; j++) {
                    if (!files[j].delete()) {
                        throw new StoreException("cannot delete damaged consume-queue segment " + files[j]);
                    }
                }
                break;
            }
        }
        mappedFileQueue.load();
    }

    /**
     * Every segment of one other size means mappedFileSizeConsumeQueue was changed, not damage: refused,
     * because rebuilding every queue from the commit log could take hours. (A single segment shorter than
     * configured is a torn last segment.)
     */
    private void refuseOtherSegmentSize(File[] files) {
        if (files.length == 0) {
            return;
        }
        long size = files[0].length();
        if (size == mappedFileSize || (files.length == 1 && size < mappedFileSize)) {
            return;
        }
        for (File f : files) {
            if (f.length() != size) {
                return;
            }
        }
        throw new StoreException("consume queue " + topic + "-" + queueId + ": all " + files.length + " segments are "
            + size + " bytes but mappedFileSizeConsumeQueue gives " + mappedFileSize + "; restore the setting, or"
            + " delete the consumequeue directory to rebuild every queue from the commit log");
    }

    /**
     * Keeps the valid entries from the third-last segment on and truncates after the last one. An entry is
     * valid when its offset is &gt;= 0 and not below the previous entry's end, and its size &gt; 0 (or it is a
     * filler). Entries found after an invalid one are dropped, logged, and the queue is marked
     * {@link #isDamaged() damaged} so that recovery re-dispatches them from the commit log.
     */
    public void recover() {
        List<MappedFile> files = mappedFileQueue.getMappedFiles();
        if (files.isEmpty()) {
            return;
        }
        int index = Math.max(0, files.size() - 3);
        MappedFile file = files.get(index);
        long end = file.getFileFromOffset();
        long maxPhy = -1;
        while (true) {
            SelectMappedBufferResult whole = file.selectWholeFile();
            if (whole == null) {
                break;
            }
            int valid = 0;
            try {
                ByteBuffer buf = whole.getByteBuffer();
                for (int pos = 0; pos + CQ_STORE_UNIT_SIZE <= mappedFileSize; pos += CQ_STORE_UNIT_SIZE) {
                    long offset = buf.getLong(pos);
                    int size = buf.getInt(pos + 8);
                    boolean filler = offset == 0 && size == FILLER_SIZE;
                    if (filler || (offset >= 0 && size > 0 && offset >= maxPhy)) {
                        valid = pos + CQ_STORE_UNIT_SIZE;
                        if (!filler) {
                            maxPhy = offset + size;
                        }
                    } else {
                        break;
                    }
                }
            } finally {
                whole.release();
            }
            end = file.getFileFromOffset() + valid;
            if (valid == mappedFileSize && index + 1 < files.size()) {
                file = files.get(++index);
            } else {
                break;
            }
        }
        long dropped = nonZeroEntriesFrom(files, end);
        if (dropped > 0) {
            damaged = true;
            LOG.warn("consume queue {}-{}: invalid entry at queue offset {}; {} non-empty entries from there on dropped"
                    + " (they are rebuilt from the commit log from offset {})", topic, queueId,
                end / CQ_STORE_UNIT_SIZE, dropped, Math.max(maxPhy, 0));
        }
        maxPhysicOffset = maxPhy;
        mappedFileQueue.setFlushedWhere(end);
        mappedFileQueue.setCommittedWhere(end);
        mappedFileQueue.truncateDirtyFiles(end);
    }

    /** Number of 20-byte slots holding anything but zeros at or after queue byte offset {@code from}. */
    private long nonZeroEntriesFrom(List<MappedFile> files, long from) {
        long count = 0;
        for (MappedFile f : files) {
            if (f.getFileFromOffset() + mappedFileSize <= from) {
                continue;
            }
            SelectMappedBufferResult whole = f.selectWholeFile();
            if (whole == null) {
                continue;
            }
            try {
                ByteBuffer buf = whole.getByteBuffer();
                int pos = (int) Math.max(0, from - f.getFileFromOffset());
                for (; pos + CQ_STORE_UNIT_SIZE <= mappedFileSize; pos += CQ_STORE_UNIT_SIZE) {
                    if (buf.getLong(pos) != 0 || buf.getInt(pos + 8) != 0 || buf.getLong(pos + 12) != 0) {
                        count++;
                    }
                }
            } finally {
                whole.release();
            }
        }
        return count;
    }

    /**
     * True when load or recovery found damage (a wrong-sized segment, entries after an invalid one): the
     * queue's entries after {@link #getMaxPhysicOffset()} must be re-dispatched from the commit log.
     */
    public boolean isDamaged() {
        return damaged;
    }

    /** Max commit-log end (offset + size) referenced, -1 when empty. */
    public long getMaxPhysicOffset() {
        return maxPhysicOffset;
    }

    /** Drops entries pointing at or beyond {@code phyOffset} (the end of the commit log). */
    public void truncateDirtyLogicFiles(long phyOffset) {
        long newEnd = 0;
        long newMaxPhy = -1;
        List<MappedFile> files = mappedFileQueue.getMappedFiles();
        boolean found = false;
        for (int i = files.size() - 1; i >= 0 && !found; i--) {
            MappedFile file = files.get(i);
            SelectMappedBufferResult whole = file.selectWholeFile();
            if (whole == null) {
                continue;
            }
            try {
                ByteBuffer buf = whole.getByteBuffer();
                int limit = file.getWrotePosition();
                for (int pos = limit - CQ_STORE_UNIT_SIZE; pos >= 0; pos -= CQ_STORE_UNIT_SIZE) {
                    long offset = buf.getLong(pos);
                    int size = buf.getInt(pos + 8);
                    boolean filler = offset == 0 && size == FILLER_SIZE;
                    if (filler || (offset >= 0 && size > 0 && offset + size <= phyOffset)) {
                        newEnd = file.getFileFromOffset() + pos + CQ_STORE_UNIT_SIZE;
                        newMaxPhy = filler ? -1 : offset + size;
                        found = true;
                        break;
                    }
                }
            } finally {
                whole.release();
            }
        }
        if (!found) {
            MappedFile first = mappedFileQueue.getFirstMappedFile();
            newEnd = first == null ? 0 : first.getFileFromOffset();
        }
        LOG.info("consume queue {}-{} truncated to logical offset {}: {} entries pointing at or beyond the commit-log"
            + " end {} dropped", topic, queueId, newEnd / CQ_STORE_UNIT_SIZE,
            Math.max(0, getMaxOffsetInQueue() - newEnd / CQ_STORE_UNIT_SIZE), phyOffset);
        mappedFileQueue.truncateDirtyFiles(newEnd);
        if (!found) {
            // nothing valid left: drop the segments so the queue restarts cleanly at the next entry
            mappedFileQueue.destroy();
        }
        maxPhysicOffset = newMaxPhy;
    }

    /** Why the last segment creation failed, or null. */
    public java.io.IOException lastCreateFailure() {
        return mappedFileQueue.lastCreateFailure();
    }

    /**
     * Writes the entry for logical offset {@code cqOffset}. Entries at or below the highest commit-log
     * offset already written are skipped (re-dispatch is idempotent). Returns false when a segment could
     * not be created.
     */
    public boolean putMessagePositionInfo(long offset, int size, long tagsCode, long cqOffset) {
        if (offset + size <= maxPhysicOffset) {
            return true;
        }
        long expectLogicOffset = cqOffset * CQ_STORE_UNIT_SIZE;
        MappedFile mappedFile = mappedFileQueue.getLastMappedFile(expectLogicOffset);
        if (mappedFile == null) {
            return false;
        }
        if (mappedFile.getWrotePosition() == 0 && mappedFileQueue.getMappedFiles().size() == 1
            && expectLogicOffset > mappedFile.getFileFromOffset()) {
            mappedFileQueue.setFlushedWhere(mappedFile.getFileFromOffset());
            mappedFileQueue.setCommittedWhere(mappedFile.getFileFromOffset());
            fillPreBlank(mappedFile, expectLogicOffset);
        }
        long currentLogicOffset = mappedFile.getFileFromOffset() + mappedFile.getWrotePosition();
        if (expectLogicOffset < currentLogicOffset) {
            LOG.warn("consume queue {}-{}: entry {} already written (queue at {}), skipped", topic, queueId,
                cqOffset, currentLogicOffset / CQ_STORE_UNIT_SIZE);
            return true;
        }
        while (expectLogicOffset > currentLogicOffset) {
            LOG.warn("consume queue {}-{}: gap before entry {} (queue at {}), filling", topic, queueId, cqOffset,
                currentLogicOffset / CQ_STORE_UNIT_SIZE);
            if (!appendEntry(mappedFile, 0, FILLER_SIZE, 0)) {
                return false;
            }
            mappedFile = mappedFileQueue.getLastMappedFile(expectLogicOffset);
            if (mappedFile == null) {
                return false;
            }
            currentLogicOffset = mappedFile.getFileFromOffset() + mappedFile.getWrotePosition();
        }
        if (!appendEntry(mappedFile, offset, size, tagsCode)) {
            return false;
        }
        maxPhysicOffset = offset + size;
        return true;
    }

    private boolean appendEntry(MappedFile file, long offset, int size, long tagsCode) {
        entryBuffer.clear();
        entryBuffer.putLong(offset);
        entryBuffer.putInt(size);
        entryBuffer.putLong(tagsCode);
        return file.appendMessage(entryBuffer.array(), 0, CQ_STORE_UNIT_SIZE);
    }

    private void fillPreBlank(MappedFile mappedFile, long untilWhere) {
        int until = (int) (untilWhere % mappedFileSize);
        for (int i = 0; i < until; i += CQ_STORE_UNIT_SIZE) {
            appendEntry(mappedFile, 0, FILLER_SIZE, 0);
        }
    }

    /** Entries from logical offset {@code startIndex} to the end of its segment, pinned; or null. */
    public SelectMappedBufferResult getIndexBuffer(long startIndex) {
        long offset = startIndex * CQ_STORE_UNIT_SIZE;
        if (offset < minLogicOffset) {
            return null;
        }
        MappedFile file = mappedFileQueue.findMappedFileByOffset(offset);
        if (file == null) {
            return null;
        }
        return file.selectMappedBuffer((int) (offset % mappedFileSize));
    }

    /** The logical offset where the segment after the one holding {@code index} starts. */
    public long rollNextFile(long index) {
        int totalUnitsInFile = mappedFileSize / CQ_STORE_UNIT_SIZE;
        return index + totalUnitsInFile - index % totalUnitsInFile;
    }

    public long getMinOffsetInQueue() {
        return minLogicOffset / CQ_STORE_UNIT_SIZE;
    }

    /** Number of entries written = the next logical offset. */
    public long getMaxOffsetInQueue() {
        return mappedFileQueue.getMaxOffset() / CQ_STORE_UNIT_SIZE;
    }

    public long getMessageTotalInQueue() {
        return Math.max(0, getMaxOffsetInQueue() - getMinOffsetInQueue());
    }

    /** Sets the min offset to the first entry pointing at or after the commit-log min offset. */
    public void correctMinOffset(long phyMinOffset) {
        MappedFile first = mappedFileQueue.getFirstMappedFile();
        if (first == null) {
            minLogicOffset = 0;
            return;
        }
        long newMin = firstEntryAtOrAfter(phyMinOffset);
        if (newMin != minLogicOffset) {
            LOG.info("consume queue {}-{} min offset {} -> {}", topic, queueId, minLogicOffset / CQ_STORE_UNIT_SIZE,
                newMin / CQ_STORE_UNIT_SIZE);
        }
        minLogicOffset = newMin;
    }

    /** Queue offset of the first entry pointing at or after the commit-log offset, else the max offset. */
    public long queueOffsetAtOrAfter(long phyOffset) {
        return firstEntryAtOrAfter(phyOffset) / CQ_STORE_UNIT_SIZE;
    }

    /** Byte position of the first (non-filler) entry pointing at or after {@code phyOffset}. */
    private long firstEntryAtOrAfter(long phyOffset) {
        for (MappedFile file : mappedFileQueue.getMappedFiles()) {
            SelectMappedBufferResult result = file.selectMappedBuffer(0);
            if (result == null) {
                continue;
            }
            try {
                ByteBuffer buf = result.getByteBuffer();
                for (int pos = 0; pos + CQ_STORE_UNIT_SIZE <= result.getSize(); pos += CQ_STORE_UNIT_SIZE) {
                    long offset = buf.getLong(pos);
                    int size = buf.getInt(pos + 8);
                    if (offset == 0 && size == FILLER_SIZE) {
                        continue;
                    }
                    if (offset >= phyOffset) {
                        return file.getFileFromOffset() + pos;
                    }
                }
            } finally {
                result.release();
            }
        }
        return mappedFileQueue.getMaxOffset();
    }

    /**
     * Logical offset of the message stored closest to {@code timestamp} (docs/protocol/behaviour.md section 7): pick the
     * first segment whose last entry is stored at or after the time (else the last segment), binary-search
     * it by store time; an exact match wins, else the closer neighbour; all later gives the first entry,
     * all earlier the last. 0 when the queue has no segment. {@code storeTime} maps (offset, size) to the
     * record's store time or -1.
     */
    public long getOffsetInQueueByTime(long timestamp, LongBinaryOperator storeTime, long minPhyOffset) {
        List<MappedFile> files = mappedFileQueue.getMappedFiles();
        if (files.isEmpty()) {
            return 0;
        }
        MappedFile chosen = null;
        for (MappedFile file : files) {
            long lastTime = lastEntryStoreTime(file, storeTime);
            if (lastTime >= timestamp) {
                chosen = file;
                break;
            }
        }
        if (chosen == null) {
            chosen = files.get(files.size() - 1);
        }
        SelectMappedBufferResult result = chosen.selectMappedBuffer(0);
        if (result == null) {
            return 0;
        }
        try {
            ByteBuffer buf = result.getByteBuffer();
            int low = 0;
            int high = result.getSize() / CQ_STORE_UNIT_SIZE - 1;
            long fileMinLogic = Math.max(0, minLogicOffset - chosen.getFileFromOffset()) / CQ_STORE_UNIT_SIZE;
            low = (int) Math.max(low, fileMinLogic);
            while (low <= high && buf.getLong(low * CQ_STORE_UNIT_SIZE) < minPhyOffset) {
                low++;
            }
            if (low > high) {
                return getMaxOffsetInQueue();
            }
            int firstIndex = low;
            int lastIndex = high;
            int before = -1;
            int after = -1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                int pos = mid * CQ_STORE_UNIT_SIZE;
                long t = storeTime.applyAsLong(buf.getLong(pos), buf.getInt(pos + 8));
                if (t < 0) {
                    low = mid + 1;
                    continue;
                }
                if (t == timestamp) {
                    // the first of equal times
                    int exact = mid;
                    while (exact > firstIndex) {
                        int p = (exact - 1) * CQ_STORE_UNIT_SIZE;
                        if (storeTime.applyAsLong(buf.getLong(p), buf.getInt(p + 8)) != timestamp) {
                            break;
                        }
                        exact--;
                    }
                    return chosen.getFileFromOffset() / CQ_STORE_UNIT_SIZE + exact;
                }
                if (t < timestamp) {
                    before = mid;
                    low = mid + 1;
                } else {
                    after = mid;
                    high = mid - 1;
                }
            }
            int pick;
            if (before < 0) {
                pick = after < 0 ? firstIndex : after;
            } else if (after < 0) {
                pick = before < 0 ? lastIndex : before;
            } else {
                long tb = storeTime.applyAsLong(buf.getLong(before * CQ_STORE_UNIT_SIZE),
                    buf.getInt(before * CQ_STORE_UNIT_SIZE + 8));
                long ta = storeTime.applyAsLong(buf.getLong(after * CQ_STORE_UNIT_SIZE),
                    buf.getInt(after * CQ_STORE_UNIT_SIZE + 8));
                pick = timestamp - tb <= ta - timestamp ? before : after;
            }
            return chosen.getFileFromOffset() / CQ_STORE_UNIT_SIZE + pick;
        } finally {
            result.release();
        }
    }

    private long lastEntryStoreTime(MappedFile file, LongBinaryOperator storeTime) {
        int readPos = file.getReadPosition();
        if (readPos < CQ_STORE_UNIT_SIZE) {
            return -1;
        }
        SelectMappedBufferResult last = file.selectMappedBuffer(readPos - CQ_STORE_UNIT_SIZE, CQ_STORE_UNIT_SIZE);
        if (last == null) {
            return -1;
        }
        try {
            return storeTime.applyAsLong(last.getByteBuffer().getLong(0), last.getByteBuffer().getInt(8));
        } finally {
            last.release();
        }
    }

    /** Commit-log offset of the entry at logical offset {@code index}, or 0 when there is none. */
    public long getCommitLogOffset(long index) {
        SelectMappedBufferResult result = getIndexBuffer(index);
        if (result == null) {
            return 0;
        }
        try {
            return result.getByteBuffer().getLong(0);
        } finally {
            result.release();
        }
    }

    public boolean flush(int flushLeastPages) {
        return mappedFileQueue.flush(flushLeastPages);
    }

    /** Deletes segments wholly below the commit-log offset {@code minPhyOffset}; then corrects the min. */
    public int deleteExpiredFile(long minPhyOffset) {
        int count = mappedFileQueue.deleteExpiredFileByOffset(minPhyOffset, CQ_STORE_UNIT_SIZE);
        correctMinOffset(minPhyOffset);
        return count;
    }

    public MappedFileQueue getMappedFileQueue() {
        return mappedFileQueue;
    }

    public void shutdown() {
        mappedFileQueue.shutdown();
    }

    public void destroy() {
        maxPhysicOffset = -1;
        minLogicOffset = 0;
        mappedFileQueue.destroy();
        File queueDir = new File(mappedFileQueue.getStorePath());
        queueDir.delete();
        File topicDir = queueDir.getParentFile();
        if (topicDir != null) {
            String[] left = topicDir.list();
            if (left != null && left.length == 0) {
                topicDir.delete();
            }
        }
    }
}
