package org.mercurymq.store.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.mercurymq.store.SelectMappedBufferResult;
import org.mercurymq.store.StoreException;
import org.mercurymq.store.logfile.MappedFile;

/**
 * One index file (docs/protocol/store-format.md section 5): a 40-byte header, hashSlotNum 4-byte slots holding the
 * newest entry number of their chain, and indexNum 20-byte entries (key hash, commit-log offset,
 * seconds since the file's begin time, previous entry in the chain). Entry 0 is never used.
 * Thread-safe (puts and lookups are synchronized).
 */
public final class IndexFile {
    public static final int HEADER_SIZE = 40;
    private static final int HASH_SLOT_SIZE = 4;
    private static final int INDEX_SIZE = 20;
    private static final int INVALID_INDEX = 0;

    private final int hashSlotNum;
    private final int indexNum;
    private final MappedFile mappedFile;
    private final SelectMappedBufferResult pinned;
    private final ByteBuffer buf;
    private long beginTimestamp;
    private long endTimestamp;
    private long beginPhyOffset;
    private long endPhyOffset;
    private int hashSlotCount;
    private int indexCount = 1;

    public IndexFile(String fileName, int hashSlotNum, int indexNum, long endPhyOffset, long endTimestamp) {
        this.hashSlotNum = hashSlotNum;
        this.indexNum = indexNum;
        int fileTotalSize = HEADER_SIZE + hashSlotNum * HASH_SLOT_SIZE + indexNum * INDEX_SIZE;
        try {
            this.mappedFile = new MappedFile(fileName, fileTotalSize);
        } catch (IOException e) {
            throw new StoreException("cannot create index file " + fileName, e);
        }
        this.mappedFile.setPositions(fileTotalSize);
        this.pinned = mappedFile.selectWholeFile();
        this.buf = pinned.getByteBuffer();
        if (endPhyOffset > 0) {
            this.beginPhyOffset = endPhyOffset;
            this.endPhyOffset = endPhyOffset;
        }
        if (endTimestamp > 0) {
            this.beginTimestamp = endTimestamp;
            this.endTimestamp = endTimestamp;
        }
    }

    public static int fileSize(int hashSlotNum, int indexNum) {
        return HEADER_SIZE + hashSlotNum * HASH_SLOT_SIZE + indexNum * INDEX_SIZE;
    }

    public String getFileName() {
        return mappedFile.getFileName();
    }

    /** Reads the header of an existing file. */
    public synchronized void load() {
        beginTimestamp = buf.getLong(0);
        endTimestamp = buf.getLong(8);
        beginPhyOffset = buf.getLong(16);
        endPhyOffset = buf.getLong(24);
        hashSlotCount = buf.getInt(32);
        indexCount = buf.getInt(36);
        if (indexCount <= 0) {
            indexCount = 1;
        }
    }

    private void writeHeader() {
        buf.putLong(0, beginTimestamp);
        buf.putLong(8, endTimestamp);
        buf.putLong(16, beginPhyOffset);
        buf.putLong(24, endPhyOffset);
        buf.putInt(32, hashSlotCount);
        buf.putInt(36, indexCount);
    }

    public synchronized boolean isWriteFull() {
        return indexCount >= indexNum;
    }

    public synchronized long getBeginTimestamp() {
        return beginTimestamp;
    }

    public synchronized long getEndTimestamp() {
        return endTimestamp;
    }

    public synchronized long getEndPhyOffset() {
        return endPhyOffset;
    }

    public synchronized int getIndexCount() {
        return indexCount;
    }

    static int keyHash(String key) {
        return slotHash(key.hashCode());
    }

    /**
     * The hash stored for {@code topic + "#" + key}, computed without building that string: String.hashCode of a
     * concatenation is {@code hash(a) * 31^length(b) + hash(b)} (int arithmetic), so it equals {@code
     * keyHash(topic + "#" + key)} exactly and the files stay what RocketMQ writes and reads.
     */
    static int keyHash(String topic, String key) {
        int h = topic.hashCode() * 31 + '#';
        int n = key.length();
        int pow = 1;
        for (int i = 0; i < n; i++) {
            pow *= 31;
        }
        return slotHash(h * pow + key.hashCode());
    }

    private static int slotHash(int hashCode) {
        int keyHash = Math.abs(hashCode);
        return keyHash < 0 ? 0 : keyHash;
    }

    /** Adds an entry for the key of this {@link #keyHash} (its topic and key); false when the file is full. */
    public synchronized boolean putHash(int keyHash, long phyOffset, long storeTimestamp) {
        if (indexCount >= indexNum) {
            return false;
        }
        int slotPos = keyHash % hashSlotNum;
        int absSlotPos = HEADER_SIZE + slotPos * HASH_SLOT_SIZE;
        int slotValue = buf.getInt(absSlotPos);
        if (slotValue <= INVALID_INDEX || slotValue > indexCount) {
            slotValue = INVALID_INDEX;
        }
        long timeDiff = (storeTimestamp - beginTimestamp) / 1000;
        if (beginTimestamp <= 0) {
            timeDiff = 0;
        } else if (timeDiff > Integer.MAX_VALUE) {
            timeDiff = Integer.MAX_VALUE;
        } else if (timeDiff < 0) {
            timeDiff = 0;
        }
        int absIndexPos = HEADER_SIZE + hashSlotNum * HASH_SLOT_SIZE + indexCount * INDEX_SIZE;
        buf.putInt(absIndexPos, keyHash);
        buf.putLong(absIndexPos + 4, phyOffset);
        buf.putInt(absIndexPos + 4 + 8, (int) timeDiff);
        buf.putInt(absIndexPos + 4 + 8 + 4, slotValue);
        buf.putInt(absSlotPos, indexCount);
        if (indexCount <= 1) {
            beginPhyOffset = phyOffset;
            beginTimestamp = storeTimestamp;
        }
        if (slotValue == INVALID_INDEX) {
            hashSlotCount++;
        }
        indexCount++;
        endPhyOffset = phyOffset;
        endTimestamp = storeTimestamp;
        writeHeader();
        return true;
    }

    /** Whether the file's [begin, end] time range overlaps the query's. */
    public synchronized boolean isTimeMatched(long begin, long end) {
        return (begin < beginTimestamp && end > endTimestamp)
            || (begin >= beginTimestamp && begin <= endTimestamp)
            || (end >= beginTimestamp && end <= endTimestamp);
    }

    /** Appends to {@code phyOffsets} the offsets of entries for {@code key} stored within [begin, end]. */
    public synchronized void selectPhyOffset(List<Long> phyOffsets, String key, int maxNum, long begin, long end) {
        int keyHash = keyHash(key);
        int slotPos = keyHash % hashSlotNum;
        int absSlotPos = HEADER_SIZE + slotPos * HASH_SLOT_SIZE;
        int slotValue = buf.getInt(absSlotPos);
        if (slotValue <= INVALID_INDEX || slotValue > indexCount || indexCount <= 1) {
            return;
        }
        for (int nextIndexToRead = slotValue; ; ) {
            if (phyOffsets.size() >= maxNum) {
                break;
            }
            int absIndexPos = HEADER_SIZE + hashSlotNum * HASH_SLOT_SIZE + nextIndexToRead * INDEX_SIZE;
            int keyHashRead = buf.getInt(absIndexPos);
            long phyOffsetRead = buf.getLong(absIndexPos + 4);
            long timeDiff = buf.getInt(absIndexPos + 4 + 8);
            int prevIndexRead = buf.getInt(absIndexPos + 4 + 8 + 4);
            if (timeDiff < 0) {
                break;
            }
            long timeRead = beginTimestamp + timeDiff * 1000L;
            boolean timeMatched = timeRead >= begin && timeRead <= end;
            if (keyHash == keyHashRead && timeMatched) {
                phyOffsets.add(phyOffsetRead);
            }
            if (prevIndexRead <= INVALID_INDEX || prevIndexRead > indexCount || prevIndexRead == nextIndexToRead
                || timeRead < begin) {
                break;
            }
            nextIndexToRead = prevIndexRead;
        }
    }

    /**
     * Checks a file that was being written when the store stopped abnormally (its pages may not all have
     * reached the disk, or it may index commit-log data that recovery cut away). Returns null when every
     * entry is consistent: commit-log offsets non-decreasing and below {@code commitLogEnd}, chain links
     * pointing backwards, slots pointing at written entries, header end equal to the last entry; otherwise
     * what is wrong.
     */
    public synchronized String inconsistency(long commitLogEnd) {
        if (indexCount < 1 || indexCount > indexNum) {
            return "index count " + indexCount + " out of range";
        }
        int entriesStart = HEADER_SIZE + hashSlotNum * HASH_SLOT_SIZE;
        long previousOffset = indexCount > 1 ? beginPhyOffset : endPhyOffset;
        for (int i = 1; i < indexCount; i++) {
            int pos = entriesStart + i * INDEX_SIZE;
            long phyOffset = buf.getLong(pos + 4);
            int prev = buf.getInt(pos + 4 + 8 + 4);
            if (buf.getInt(pos) < 0 || phyOffset < previousOffset || phyOffset >= commitLogEnd
                || buf.getInt(pos + 4 + 8) < 0 || prev < 0 || prev >= i) {
                return "entry " + i + " of " + (indexCount - 1) + " is invalid (commit-log offset " + phyOffset
                    + ", previous " + previousOffset + ", commit log ends at " + commitLogEnd + ")";
            }
            previousOffset = phyOffset;
        }
        if (indexCount > 1 && previousOffset != endPhyOffset) {
            return "header end offset " + endPhyOffset + " differs from the last entry's " + previousOffset;
        }
        for (int slot = 0; slot < hashSlotNum; slot++) {
            int value = buf.getInt(HEADER_SIZE + slot * HASH_SLOT_SIZE);
            if (value < 0 || value >= indexCount) {
                return "hash slot " + slot + " points at entry " + value + " of " + (indexCount - 1);
            }
        }
        return null;
    }

    /** Writes the header and forces the whole file. */
    public synchronized void flush() {
        writeHeader();
        mappedFile.forceAll();
    }

    public synchronized void close() {
        writeHeader();
        pinned.release();
        mappedFile.close();
    }

    public synchronized boolean destroy(long intervalForcibly) {
        pinned.release();
        return mappedFile.destroy(intervalForcibly);
    }

    public synchronized boolean destroy(long intervalForcibly, long now) {
        pinned.release();
        return mappedFile.destroy(intervalForcibly, now);
    }
}
