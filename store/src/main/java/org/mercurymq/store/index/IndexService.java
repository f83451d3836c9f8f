package org.mercurymq.store.index;

import java.io.File;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.mercurymq.common.sysflag.MessageSysFlag;
import org.mercurymq.store.DispatchRequest;
import org.mercurymq.store.StoreState;
import org.mercurymq.store.logfile.OutOfSpaceException;
import org.mercurymq.store.recovery.StoreCheckpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index files in {@code index/}, named by creation time: builds entries for each dispatched record
 * (its UNIQ_KEY and every KEYS word, as {@code topic#key}), rolls to a new file when one fills (flushing
 * the full one in the background and recording it in the checkpoint), answers key queries and deletes
 * files wholly below the commit-log min offset. Thread-safe; builds come from the dispatcher thread.
 */
public final class IndexService {
    private static final Logger LOG = LoggerFactory.getLogger(IndexService.class);
    private static final DateTimeFormatter NAME_FORMAT = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

    private final String storePath;
    private final int hashSlotNum;
    private final int indexNum;
    private final int maxMsgsNumBatch;
    private final Clock clock;
    private final StoreCheckpoint checkpoint;
    private final StoreState state;
    private final ReadWriteLock readWriteLock = new ReentrantReadWriteLock();
    private final List<IndexFile> indexFileList = new ArrayList<>();
    private final ExecutorService flushExecutor;
    private long rebuildFrom = Long.MAX_VALUE;

    public IndexService(String storePath, int hashSlotNum, int indexNum, int maxMsgsNumBatch, Clock clock,
                        StoreCheckpoint checkpoint, StoreState state) {
        this.storePath = storePath;
        this.hashSlotNum = hashSlotNum;
        this.indexNum = indexNum;
        this.maxMsgsNumBatch = maxMsgsNumBatch;
        this.clock = clock;
        this.checkpoint = checkpoint;
        this.state = state;
        this.flushExecutor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(16),
            r -> {
                Thread t = new Thread(r, "IndexFileFlushService");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    /**
     * Loads the index files. After an abnormal exit a file written after the last index checkpoint is
     * checked entry by entry ({@link IndexFile#inconsistency}): a consistent one is kept (a crashed JVM
     * leaves its pages intact), an inconsistent one is deleted, and {@link #rebuildFrom()} tells where
     * re-dispatch must start so its keys are indexed again. {@code commitLogEnd} is the end of valid
     * commit-log data found by recovery.
     */
    public void load(boolean lastExitOK, long commitLogEnd) {
        File[] files = new File(storePath).listFiles();
        if (files == null) {
            return;
        }
        Arrays.sort(files);
        int expectedSize = IndexFile.fileSize(hashSlotNum, indexNum);
        boolean deleted = false;
        for (File file : files) {
            if (!file.getName().matches("\\d{17}")) {
                LOG.warn("ignoring foreign file {}", file);
                continue;
            }
            if (file.length() != expectedSize) {
                LOG.warn("index file {} is {} bytes, expected {} (maxHashSlotNum/maxIndexNum changed?); deleting it",
                    file, file.length(), expectedSize);
                file.delete();
                deleted = true;
                continue;
            }
            IndexFile f = new IndexFile(file.getPath(), hashSlotNum, indexNum, 0, 0);
            f.load();
            if (!lastExitOK && f.getEndTimestamp() > checkpoint.getIndexMsgTimestamp()) {
                String problem = deleted ? "an earlier index file was deleted" : f.inconsistency(commitLogEnd);
                if (problem != null) {
                    LOG.warn("abnormal exit: index file {} is inconsistent ({}); deleting it, its keys are rebuilt",
                        file, problem);
                    f.destroy(0);
                    deleted = true;
                    continue;
                }
                LOG.info("abnormal exit: index file {} checked and kept ({} entries up to commit-log offset {})",
                    file, f.getIndexCount() - 1, f.getEndPhyOffset());
            }
            indexFileList.add(f);
        }
        // Only deleted files need re-indexing: a kept file is as current as the dispatcher after a killed JVM.
        // (Its end offset is that of the last record with keys, so rebuilding from it on every start could
        // re-read everything stored since by clients that set no keys.)
        if (deleted) {
            rebuildFrom = indexFileList.isEmpty() ? 0 : indexFileList.get(indexFileList.size() - 1).getEndPhyOffset();
        }
        LOG.info("loaded {} index files{}", indexFileList.size(),
            rebuildFrom == Long.MAX_VALUE ? "" : "; keys from commit-log offset " + rebuildFrom + " are re-indexed");
    }

    /**
     * The commit-log offset from which re-dispatch must run so that the keys of deleted index files are
     * indexed again: the end of the newest kept file, 0 (the commit-log start) when none was kept, or
     * {@code Long.MAX_VALUE} when no file was deleted.
     */
    public long rebuildFrom() {
        return rebuildFrom;
    }

    public void buildIndex(DispatchRequest req) {
        IndexFile indexFile = getAndCreateLastIndexFile();
        if (indexFile == null) {
            return;
        }
        if (req.getCommitLogOffset() < indexFile.getEndPhyOffset()) {
            return;
        }
        if (MessageSysFlag.getTransactionValue(req.getSysFlag()) == MessageSysFlag.TRANSACTION_ROLLBACK_TYPE) {
            return;
        }
        String topic = req.getTopic();
        if (req.getUniqKey() != null) {
            indexFile = putKey(indexFile, req, IndexFile.keyHash(topic, req.getUniqKey()));
        }
        String keys = req.getKeys();
        if (keys != null && !keys.isEmpty()) {
            for (String key : keys.split(" ")) {
                if (indexFile == null) {
                    return;
                }
                if (!key.isEmpty()) {
                    indexFile = putKey(indexFile, req, IndexFile.keyHash(topic, key));
                }
            }
        }
    }

    private IndexFile putKey(IndexFile indexFile, DispatchRequest req, int keyHash) {
        IndexFile file = indexFile;
        while (!file.putHash(keyHash, req.getCommitLogOffset(), req.getStoreTimestamp())) {
            file = getAndCreateLastIndexFile();
            if (file == null) {
                return null;
            }
        }
        return file;
    }

    private IndexFile getAndCreateLastIndexFile() {
        IndexFile previous = null;
        readWriteLock.readLock().lock();
        try {
            if (!indexFileList.isEmpty()) {
                IndexFile last = indexFileList.get(indexFileList.size() - 1);
                if (!last.isWriteFull()) {
                    return last;
                }
                previous = last;
            }
        } finally {
            readWriteLock.readLock().unlock();
        }
        long lastEndPhyOffset = previous == null ? 0 : previous.getEndPhyOffset();
        long lastEndTimestamp = previous == null ? 0 : previous.getEndTimestamp();
        IndexFile created;
        readWriteLock.writeLock().lock();
        try {
            String fileName = newFileName();
            try {
                created = new IndexFile(fileName, hashSlotNum, indexNum, lastEndPhyOffset, lastEndTimestamp);
            } catch (RuntimeException e) {
                if (OutOfSpaceException.isCause(e)) {
                    // recoverable: keys of messages dispatched meanwhile are not indexed, the messages stay consumable
                    if (state.getOutOfSpace() == null) {
                        LOG.error("DISK FULL: cannot create index file {} ({}); puts are refused until space is freed",
                            fileName, e.getCause() == null ? e : e.getCause().getMessage());
                    }
                    state.setOutOfSpace("cannot allocate index file " + fileName);
                    return null;
                }
                LOG.error("cannot create index file {}; indexing stops and the store refuses writes", fileName, e);
                state.markLogicsError("cannot create index file " + fileName);
                return null;
            }
            indexFileList.add(created);
        } finally {
            readWriteLock.writeLock().unlock();
        }
        if (previous != null) {
            IndexFile full = previous;
            flushExecutor.execute(() -> flushFullFile(full));
        }
        return created;
    }

    private void flushFullFile(IndexFile full) {
        long start = System.currentTimeMillis();
        full.flush();
        checkpoint.setIndexMsgTimestamp(full.getEndTimestamp());
        checkpoint.flush();
        LOG.info("index file {} full and flushed in {} ms", full.getFileName(), System.currentTimeMillis() - start);
    }

    private String newFileName() {
        long millis = clock.millis();
        while (true) {
            String name = LocalDateTime.ofInstant(java.time.Instant.ofEpochMilli(millis), clock.getZone())
                .format(NAME_FORMAT);
            File file = new File(storePath, name);
            if (!file.exists()) {
                return file.getPath();
            }
            millis++;
        }
    }

    public QueryOffsetResult queryOffset(String topic, String key, int maxNum, long begin, long end) {
        List<Long> phyOffsets = new ArrayList<>();
        long indexLastUpdateTimestamp = 0;
        long indexLastUpdatePhyoffset = 0;
        int limit = Math.min(maxNum, maxMsgsNumBatch);
        readWriteLock.readLock().lock();
        try {
            for (int i = indexFileList.size(); i > 0; i--) {
                IndexFile f = indexFileList.get(i - 1);
                if (i == indexFileList.size()) {
                    indexLastUpdateTimestamp = f.getEndTimestamp();
                    indexLastUpdatePhyoffset = f.getEndPhyOffset();
                }
                if (f.isTimeMatched(begin, end)) {
                    f.selectPhyOffset(phyOffsets, topic + "#" + key, limit, begin, end);
                }
                if (f.getBeginTimestamp() < begin || phyOffsets.size() >= limit) {
                    break;
                }
            }
        } finally {
            readWriteLock.readLock().unlock();
        }
        return new QueryOffsetResult(phyOffsets, indexLastUpdateTimestamp, indexLastUpdatePhyoffset);
    }

    /** Deletes index files (never the newest) whose last entry lies below {@code offset}. */
    public void deleteExpiredFile(long offset) {
        List<IndexFile> expired = new ArrayList<>();
        readWriteLock.readLock().lock();
        try {
            for (int i = 0; i < indexFileList.size() - 1; i++) {
                IndexFile f = indexFileList.get(i);
                if (f.getEndPhyOffset() < offset) {
                    expired.add(f);
                } else {
                    break;
                }
            }
        } finally {
            readWriteLock.readLock().unlock();
        }
        if (expired.isEmpty()) {
            return;
        }
        readWriteLock.writeLock().lock();
        try {
            for (IndexFile f : expired) {
                if (f.destroy(3000, clock.millis())) {
                    indexFileList.remove(f);
                    LOG.info("deleted expired index file {}", f.getFileName());
                } else {
                    break;
                }
            }
        } finally {
            readWriteLock.writeLock().unlock();
        }
    }

    public int fileCount() {
        readWriteLock.readLock().lock();
        try {
            return indexFileList.size();
        } finally {
            readWriteLock.readLock().unlock();
        }
    }

    public void flush() {
        readWriteLock.readLock().lock();
        try {
            for (IndexFile f : indexFileList) {
                f.flush();
            }
        } finally {
            readWriteLock.readLock().unlock();
        }
    }

    public void shutdown() {
        flushExecutor.shutdown();
        try {
            flushExecutor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        readWriteLock.writeLock().lock();
        try {
            for (IndexFile f : indexFileList) {
                f.flush();
                f.close();
            }
            indexFileList.clear();
        } finally {
            readWriteLock.writeLock().unlock();
        }
    }

    public void destroy() {
        readWriteLock.writeLock().lock();
        try {
            for (IndexFile f : indexFileList) {
                f.destroy(3000);
            }
            indexFileList.clear();
        } finally {
            readWriteLock.writeLock().unlock();
        }
    }
}
