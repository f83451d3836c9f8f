package org.mercurymq.store.commitlog;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageExtBatch;
import org.mercurymq.common.sysflag.MessageSysFlag;
import org.mercurymq.store.AppendMessageResult;
import org.mercurymq.store.AppendMessageStatus;
import org.mercurymq.store.FlushDiskType;
import org.mercurymq.store.MessageExtBrokerInner;
import org.mercurymq.store.MessageStoreConfig;
import org.mercurymq.store.PutMessageResult;
import org.mercurymq.store.PutMessageStatus;
import org.mercurymq.store.SelectMappedBufferResult;
import org.mercurymq.store.StorageFaults;
import org.mercurymq.store.StoreState;
import org.mercurymq.store.logfile.AllocateMappedFileService;
import org.mercurymq.store.logfile.MappedFile;
import org.mercurymq.store.logfile.MappedFileQueue;
import org.mercurymq.store.logfile.OutOfSpaceException;
import org.mercurymq.store.logfile.TransientStorePool;
import org.mercurymq.store.recovery.StoreCheckpoint;
import org.mercurymq.store.retention.FreeSpaceGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commit log: one logical byte stream of stored records split into segments. Appends encode outside
 * the lock into a per-thread buffer; under the lock they only take the store time, the queue offset and
 * the physical offset, patch them in and copy the bytes (a record that does not fit with 8 spare bytes
 * gets an end-of-file blank and goes to the next segment). No force happens under the lock: durability
 * is the {@link CommitLogFlusher}'s job after the lock is released.
 * Thread-safe.
 */
public final class CommitLog {
    public static final int END_FILE_MIN_BLANK_LENGTH = 4 + 4;
    private static final Logger LOG = LoggerFactory.getLogger(CommitLog.class);

    private final MessageStoreConfig config;
    private final Clock clock;
    private final StoreState state;
    private final StorageFaults faults;
    private final MappedFileQueue mappedFileQueue;
    private final CommitLogFlusher flusher;
    private final boolean syncFlush;
    /** Controller mode with allAckInSyncStateSet: dispatch stops where every SyncStateSet member has the log. */
    private volatile java.util.function.LongSupplier confirmOffset = () -> Long.MAX_VALUE;
    private final ReentrantLock putLock = new ReentrantLock();
    private final Map<String, Long> topicQueueTable = new HashMap<>();
    private final ThreadLocal<StoredRecordEncoder> encoders;
    private final long syncFlushTimeoutMillis;
    private volatile long beginTimeInLock;

    public CommitLog(MessageStoreConfig config, Clock clock, StoreState state, StorageFaults faults,
                     StoreCheckpoint checkpoint, TransientStorePool transientStorePool) {
        this.config = config;
        this.clock = clock;
        this.state = state;
        this.faults = faults;
        this.syncFlushTimeoutMillis = config.syncFlushTimeout();
        int segmentSize = config.mappedFileSizeCommitLog();
        this.syncFlush = config.flushDiskType() == FlushDiskType.SYNC_FLUSH;
        // under SYNC_FLUSH each put waits for its force: pwrite + fdatasync syncs several times faster than the mapping
        this.mappedFileQueue = new MappedFileQueue(config.storePathCommitLog(), segmentSize, transientStorePool,
            config.warmMapedFileEnable(), new AllocateMappedFileService(transientStorePool, FreeSpaceGuard.reserveFor(config)),
            syncFlush);
        // flush periods are machine time, not the store's (possibly test-driven) business clock: a clock jump
        // must not trigger a thorough flush that pins segments while retention deletes them
        LongSupplier machineTime = System::currentTimeMillis;
        if (syncFlush) {
            this.flusher = new GroupCommitService(mappedFileQueue, checkpoint, faults, machineTime);
        } else {
            this.flusher = new AsyncFlusher(mappedFileQueue, checkpoint, faults, machineTime,
                config.flushIntervalCommitLog(),
                config.flushCommitLogLeastPages(), config.flushCommitLogThoroughInterval(),
                transientStorePool != null, config.commitIntervalCommitLog(), config.commitCommitLogLeastPages(),
                config.commitCommitLogThoroughInterval(), config.flushCommitLogTimed());
        }
        int maxMessageSize = config.maxMessageSize();
        this.encoders = ThreadLocal.withInitial(() -> new StoredRecordEncoder(maxMessageSize, segmentSize));
    }

    public MappedFileQueue getMappedFileQueue() {
        return mappedFileQueue;
    }

    public void load() {
        mappedFileQueue.load();
    }

    /** Applies the ASYNC_FLUSH timings of {@code c} to the running flush services (no-op for SYNC_FLUSH). */
    public void retuneFlush(MessageStoreConfig c) {
        if (flusher instanceof AsyncFlusher async) {
            async.retune(c.flushIntervalCommitLog(), c.flushCommitLogLeastPages(), c.flushCommitLogThoroughInterval(),
                c.commitIntervalCommitLog(), c.commitCommitLogLeastPages(), c.commitCommitLogThoroughInterval());
        }
    }

    public void start() {
        flusher.start();
    }

    public void shutdown() {
        flusher.shutdown();
    }

    /**
     * Store one message. The future completes once the flush policy allows acknowledging it, or with
     * FLUSH_DISK_TIMEOUT after syncFlushTimeout.
     */
    public CompletableFuture<PutMessageResult> asyncPutMessage(MessageExtBrokerInner msg) {
        EncodedRecords encoded = encoders.get().encode(msg);
        return append(encoded, msg.getTopic(), msg.getQueueId(), msg.getStoreHost(), msg.isWaitStoreMsgOK(), msg,
            false);
    }

    /** Like {@link #asyncPutMessage} but waits for the flush on the calling thread. */
    public PutMessageResult putMessage(MessageExtBrokerInner msg) {
        EncodedRecords encoded = encoders.get().encode(msg);
        return append(encoded, msg.getTopic(), msg.getQueueId(), msg.getStoreHost(), msg.isWaitStoreMsgOK(), msg,
            true).join();
    }

    /** Store a batch: one record per element, consecutive queue offsets, never split across segments. */
    public CompletableFuture<PutMessageResult> asyncPutMessages(MessageExtBatch batch) {
        EncodedRecords encoded = encoders.get().encodeBatch(batch);
        return append(encoded, batch.getTopic(), batch.getQueueId(), batch.getStoreHost(), batch.isWaitStoreMsgOK(),
            batch, false);
    }

    public PutMessageResult putMessages(MessageExtBatch batch) {
        EncodedRecords encoded = encoders.get().encodeBatch(batch);
        return append(encoded, batch.getTopic(), batch.getQueueId(), batch.getStoreHost(), batch.isWaitStoreMsgOK(),
            batch, true).join();
    }

    private CompletableFuture<PutMessageResult> append(EncodedRecords encoded, String topic, int queueId,
                                                       SocketAddress storeHost, boolean waitStoreMsgOK,
                                                       MessageExt msg, boolean waitHere) {
        if (encoded.isRefused()) {
            LOG.warn("put refused ({}): topic={} queueId={}: {}", encoded.refusal, topic, queueId,
                encoded.refusalReason);
            return CompletableFuture.completedFuture(PutMessageResult.refused(encoded.refusal));
        }
        AppendMessageResult result;
        putLock.lock();
        try {
            long now = clock.millis();
            beginTimeInLock = now;
            MappedFile mappedFile = writableFile();
            if (mappedFile == null) {
                return createFailed();
            }
            result = appendTo(mappedFile, encoded, topic, queueId, storeHost, now);
            if (result.getStatus() == AppendMessageStatus.END_OF_FILE) {
                mappedFile = writableFile();
                if (mappedFile == null) {
                    return createFailed();
                }
                result = appendTo(mappedFile, encoded, topic, queueId, storeHost, now);
            }
        } catch (Throwable t) {
            // a fault on the mapping (InternalError) or anything else unexpected: never acknowledge again
            faults.fault("commit-log append", t);
            return CompletableFuture.completedFuture(PutMessageResult.refused(PutMessageStatus.UNKNOWN_ERROR));
        } finally {
            beginTimeInLock = 0;
            putLock.unlock();
        }
        if (!result.isOk()) {
            LOG.error("append failed unexpectedly: {}", result);
            return CompletableFuture.completedFuture(new PutMessageResult(PutMessageStatus.UNKNOWN_ERROR, result));
        }
        if (!(msg instanceof MessageExtBatch)) {
            msg.setStoreTimestamp(result.getStoreTimestamp());
            msg.setCommitLogOffset(result.getWroteOffset());
            msg.setQueueOffset(result.getLogicsOffset());
        }
        final AppendMessageResult appended = result;
        CompletableFuture<PutMessageStatus> flushed =
            flusher.onAppended(result.getWroteOffset() + result.getWroteBytes(), waitStoreMsgOK);
        if (flushed.isDone()) {
            return CompletableFuture.completedFuture(new PutMessageResult(flushed.join(), appended));
        }
        if (waitHere) {
            return CompletableFuture.completedFuture(new PutMessageResult(awaitFlush(flushed), appended));
        }
        return flushed.completeOnTimeout(PutMessageStatus.FLUSH_DISK_TIMEOUT, syncFlushTimeoutMillis,
            TimeUnit.MILLISECONDS).thenApply(status -> new PutMessageResult(status, appended));
    }

    private PutMessageStatus awaitFlush(CompletableFuture<PutMessageStatus> flushed) {
        try {
            return flushed.get(syncFlushTimeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("flush not confirmed within syncFlushTimeout {} ms", syncFlushTimeoutMillis);
            return PutMessageStatus.FLUSH_DISK_TIMEOUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PutMessageStatus.FLUSH_DISK_TIMEOUT;
        } catch (ExecutionException e) {
            return PutMessageStatus.FLUSH_DISK_TIMEOUT;
        }
    }

    private CompletableFuture<PutMessageResult> createFailed() {
        IOException cause = mappedFileQueue.lastCreateFailure();
        if (OutOfSpaceException.isCause(cause)) {
            // recoverable: the store's free-space guard lifts it once a segment fits again
            if (state.getOutOfSpace() == null) {
                LOG.error("DISK FULL: cannot roll the commit log ({}); puts are refused until space is freed",
                    cause.getMessage());
            }
            state.setOutOfSpace("cannot allocate the next commit-log segment: " + cause.getMessage());
            return CompletableFuture.completedFuture(PutMessageResult.refused(PutMessageStatus.SERVICE_NOT_AVAILABLE));
        }
        faults.fault("commit-log segment creation in " + mappedFileQueue.getStorePath(),
            cause == null ? new IOException("unknown cause") : cause);
        return CompletableFuture.completedFuture(PutMessageResult.refused(PutMessageStatus.CREATE_MAPEDFILE_FAILED));
    }

    private MappedFile writableFile() {
        MappedFile last = mappedFileQueue.getLastMappedFile();
        if (last == null || last.isFull()) {
            last = mappedFileQueue.getLastMappedFile(0, true);
        }
        return last;
    }

    private AppendMessageResult appendTo(MappedFile file, EncodedRecords encoded, String topic, int queueId,
                                         SocketAddress storeHost, long now) {
        int wrote = file.getWrotePosition();
        int remaining = file.getFileSize() - wrote;
        long physicalOffset = file.getFileFromOffset() + wrote;
        if (encoded.length + END_FILE_MIN_BLANK_LENGTH > remaining) {
            file.fillToEnd(MessageDecoder.BLANK_MAGIC_CODE);
            return new AppendMessageResult(AppendMessageStatus.END_OF_FILE, physicalOffset, remaining, null, now, 0, 0);
        }
        String key = topic + '-' + queueId;
        int tranType = MessageSysFlag.getTransactionValue(encoded.sysFlag);
        boolean noQueueEntry = tranType == MessageSysFlag.TRANSACTION_PREPARED_TYPE
            || tranType == MessageSysFlag.TRANSACTION_ROLLBACK_TYPE;
        long queueOffset = noQueueEntry ? 0L : topicQueueTable.getOrDefault(key, 0L);
        ByteBuffer buf = encoded.buffer;
        int count = encoded.count();
        long[] offsets = new long[count];
        for (int i = 0; i < count; i++) {
            int pos = encoded.recordPositions[i];
            offsets[i] = physicalOffset + pos;
            buf.putLong(pos + MessageDecoder.QUEUE_OFFSET_POSITION, noQueueEntry ? 0L : queueOffset + i);
            buf.putLong(pos + MessageDecoder.PHY_POS_POSITION, offsets[i]);
            buf.putLong(pos + encoded.storeTimestampPosition, now);
        }
        if (!file.appendMessage(buf, 0, encoded.length)) {
            return new AppendMessageResult(AppendMessageStatus.UNKNOWN_ERROR);
        }
        file.setStoreTimestamp(now);
        if (!noQueueEntry) {
            topicQueueTable.put(key, queueOffset + count);
        }
        return new AppendMessageResult(AppendMessageStatus.PUT_OK, physicalOffset, encoded.length,
            () -> messageIds(storeHost, offsets), now, queueOffset, count);
    }

    private static String messageIds(SocketAddress storeHost, long[] offsets) {
        StringBuilder sb = new StringBuilder(offsets.length * 33);
        for (long offset : offsets) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(MessageDecoder.createMessageId(storeHost, offset));
        }
        return sb.toString();
    }

    /** How long the current append has held the lock, 0 when none does. */
    public long lockHeldMillis() {
        long begin = beginTimeInLock;
        return begin == 0 ? 0 : clock.millis() - begin;
    }

    // ---- queue offsets ------------------------------------------------------------------------

    /** Replaces the next-queue-offset table (after recovery: each queue's max offset). */
    public void setTopicQueueTable(Map<String, Long> table) {
        putLock.lock();
        try {
            topicQueueTable.clear();
            topicQueueTable.putAll(table);
        } finally {
            putLock.unlock();
        }
    }

    public void removeQueueFromTopicQueueTable(String topic, int queueId) {
        putLock.lock();
        try {
            topicQueueTable.remove(topic + '-' + queueId);
        } finally {
            putLock.unlock();
        }
    }

    // ---- reads ----------------------------------------------------------------------------------

    /** The record of {@code size} bytes at {@code offset}, pinned; null if not readable. */
    public SelectMappedBufferResult getMessage(long offset, int size) {
        return mappedFileQueue.select(offset, size);
    }

    /** Bytes from {@code offset} to the end of the readable data of its segment, pinned; or null. */
    public SelectMappedBufferResult getData(long offset) {
        return mappedFileQueue.selectFrom(offset);
    }

    /** The store time of the record at {@code offset}, or -1. */
    public long pickupStoreTimestamp(long offset, int size) {
        if (offset < getMinOffset()) {
            return -1;
        }
        SelectMappedBufferResult result = getMessage(offset, size);
        if (result == null) {
            return -1;
        }
        try {
            ByteBuffer buf = result.getByteBuffer();
            int sysFlag = buf.getInt(MessageDecoder.SYSFLAG_POSITION);
            return buf.getLong(MessageDecoder.storeTimestampPosition(sysFlag));
        } finally {
            result.release();
        }
    }

    /** Offset of the first readable byte: the first segment, or the next one if it is being deleted. */
    public long getMinOffset() {
        MappedFile first = mappedFileQueue.getFirstMappedFile();
        if (first == null) {
            return -1;
        }
        return first.isAvailable() ? first.getFileFromOffset() : mappedFileQueue.rollNextFile(first.getFileFromOffset());
    }

    public long getMaxOffset() {
        return mappedFileQueue.getMaxOffset();
    }

    public long rollNextFile(long offset) {
        return mappedFileQueue.rollNextFile(offset);
    }

    public long remainHowManyDataToFlush() {
        return mappedFileQueue.remainHowManyDataToFlush();
    }

    public long getFlushedWhere() {
        return mappedFileQueue.getFlushedWhere();
    }

    /**
     * Bounds dispatch by {@code offset} (docs/controller.md, "Replication in controller mode": consumers see only what
     * every SyncStateSet member has, so no failover can take back a message a consumer saw); null lifts the bound.
     */
    public void boundDispatchBy(java.util.function.LongSupplier offset) {
        this.confirmOffset = offset == null ? () -> Long.MAX_VALUE : offset;
    }

    /**
     * Where the dispatcher may read up to. Under SYNC_FLUSH only what has been forced to disk: a consumer
     * must never receive a message that a power cut can still take away and whose producer may yet be
     * answered FLUSH_DISK_TIMEOUT (RocketMQ dispatches past the flushed offset here; docs/reliability.md,
     * "SYNC_FLUSH visibility"). Under ASYNC_FLUSH everything written.
     */
    public long dispatchableEnd() {
        long end = syncFlush ? mappedFileQueue.getFlushedWhere() : mappedFileQueue.getMaxOffset();
        return Math.min(end, confirmOffset.getAsLong());
    }

    /**
     * Appends raw commit-log bytes at exactly {@code startOffset} (HA slave). Returns false when the
     * offset is not the current end.
     */
    public boolean appendData(long startOffset, byte[] data, int dataStart, int dataLength) {
        putLock.lock();
        try {
            MappedFile file = mappedFileQueue.getLastMappedFile(startOffset, true);
            if (file == null) {
                IOException cause = mappedFileQueue.lastCreateFailure();
                if (OutOfSpaceException.isCause(cause)) {
                    state.setOutOfSpace("cannot allocate a commit-log segment for HA data: " + cause.getMessage());
                } else {
                    faults.fault("commit-log segment creation for HA data",
                        cause == null ? new IOException("unknown cause") : cause);
                }
                return false;
            }
            if (file.getFileFromOffset() + file.getWrotePosition() != startOffset) {
                LOG.warn("HA append at {} refused, commit log ends at {}", startOffset,
                    file.getFileFromOffset() + file.getWrotePosition());
                return false;
            }
            return file.appendMessage(data, dataStart, dataLength);
        } catch (Throwable t) {
            faults.fault("commit-log append of HA data", t);
            return false;
        } finally {
            putLock.unlock();
        }
    }

    /**
     * Cuts the log at {@code offset} (a controller-mode replica dropping a tail its new master does not have):
     * later segments are deleted, the bytes after it in its segment zeroed. Only while nothing appends.
     */
    public void truncateTo(long offset) {
        putLock.lock();
        try {
            mappedFileQueue.truncateDirtyFiles(offset);
        } finally {
            putLock.unlock();
        }
    }

    /** Deletes expired segments; see {@link MappedFileQueue#deleteExpiredFileByTime}. */
    public int deleteExpiredFile(long expiredTime, int deleteFilesInterval, long intervalForcibly,
                                 boolean cleanImmediately, long now) {
        return mappedFileQueue.deleteExpiredFileByTime(expiredTime, deleteFilesInterval, intervalForcibly,
            cleanImmediately, now);
    }

    public boolean retryDeleteFirstFile(long intervalForcibly) {
        return mappedFileQueue.retryDeleteFirstFile(intervalForcibly);
    }

    public boolean retryDeleteFirstFile(long intervalForcibly, long now) {
        return mappedFileQueue.retryDeleteFirstFile(intervalForcibly, now);
    }
}
