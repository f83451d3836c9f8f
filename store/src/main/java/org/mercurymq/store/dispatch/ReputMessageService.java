package org.mercurymq.store.dispatch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.LongSupplier;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.store.DispatchRequest;
import org.mercurymq.store.MessageArrivingListener;
import org.mercurymq.store.SelectMappedBufferResult;
import org.mercurymq.store.ServiceThread;
import org.mercurymq.store.StorageFaults;
import org.mercurymq.store.StoreState;
import org.mercurymq.store.commitlog.CommitLog;
import org.mercurymq.store.commitlog.RecordReader;
import org.mercurymq.store.index.IndexService;
import org.mercurymq.store.logfile.OutOfSpaceException;
import org.mercurymq.store.queue.ConsumeQueueTable;
import org.mercurymq.store.recovery.HoleFinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single dispatcher thread: reads commit-log records from {@code reputFromOffset} up to the
 * dispatchable end ({@link CommitLog#dispatchableEnd()}: the flushed offset under SYNC_FLUSH), writes their consume-queue entries and index keys, then tells the arriving-message listener.
 * Polls every millisecond; re-dispatching already written records is harmless (both targets skip them).
 * Anything else thrown ends the thread and makes the store read-only (see {@link ServiceThread}).
 * Thread-safe.
 */
public final class ReputMessageService extends ServiceThread {
    private static final Logger LOG = LoggerFactory.getLogger(ReputMessageService.class);
    /** Retry period while a consume-queue segment cannot be allocated. */
    private static final long STALLED_RETRY_MILLIS = 1000;

    private final CommitLog commitLog;
    private final RecordReader reader;
    private final ConsumeQueueTable consumeQueues;
    private final IndexService indexService;
    private final MessageArrivingListener listener;
    private final StoreState state;
    private final HoleFinder holeFinder;
    private volatile long reputFromOffset;
    private volatile long lastDispatchedStoreTimestamp;
    private volatile String stalledReason;

    /** {@code indexService} and {@code listener} may be null (index disabled, no long polling). */
    public ReputMessageService(CommitLog commitLog, RecordReader reader, ConsumeQueueTable consumeQueues,
                               IndexService indexService, MessageArrivingListener listener, StoreState state,
                               StorageFaults faults, LongSupplier clock) {
        super(clock, faults);
        this.commitLog = commitLog;
        this.reader = reader;
        this.consumeQueues = consumeQueues;
        this.indexService = indexService;
        this.listener = listener;
        this.state = state;
        this.holeFinder = new HoleFinder(reader);
    }

    @Override
    public String getServiceName() {
        return "ReputMessageService";
    }

    public void setReputFromOffset(long reputFromOffset) {
        this.reputFromOffset = reputFromOffset;
    }

    public long getReputFromOffset() {
        return reputFromOffset;
    }

    /** Store time of the newest record dispatched (for the checkpoint's logics time). */
    public long getLastDispatchedStoreTimestamp() {
        return lastDispatchedStoreTimestamp;
    }

    /** Commit-log bytes not yet dispatched. */
    public long behind() {
        return Math.max(0, commitLog.getMaxOffset() - reputFromOffset);
    }

    @Override
    protected long intervalMillis() {
        return stalledReason == null ? 1 : STALLED_RETRY_MILLIS;
    }

    @Override
    protected void doWork(long now) {
        doReput();
    }

    @Override
    protected void onStop(long now) {
        doReput();
    }

    /**
     * Runs {@code cut} (a truncation of the commit log and consume queues, controller-mode replicas) while no
     * dispatch round runs, then moves the dispatch offset back to {@code offset} if it was beyond it.
     */
    public synchronized void truncateTo(long offset, Runnable cut) {
        cut.run();
        if (reputFromOffset > offset) {
            reputFromOffset = offset;
        }
    }

    /** Why dispatch waits (a consume-queue segment cannot be allocated), or null. */
    public String stalledReason() {
        return stalledReason;
    }

    /**
     * Dispatches everything readable now. When a consume-queue segment cannot be allocated (full disk)
     * dispatch stops at that record, the store refuses puts, and the next rounds retry every second: the
     * acknowledged records stay in the commit log and become consumable once space is freed.
     */
    public synchronized void doReput() {
        try {
            dispatchReadable();
            if (stalledReason != null) {
                LOG.info("dispatch resumed at commit-log offset {}", reputFromOffset);
                stalledReason = null;
            }
        } catch (SegmentUnavailable e) {
            if (stalledReason == null) {
                LOG.error("DISPATCH STALLED at commit-log offset {}: {}; {} bytes wait for dispatch, puts are refused "
                    + "and dispatch retries every {} ms", reputFromOffset, e.getMessage(), behind(), STALLED_RETRY_MILLIS);
            }
            stalledReason = e.getMessage();
            if (e.outOfSpace) {
                state.setOutOfSpace(e.getMessage());
            } else {
                state.markLogicsError(e.getMessage());
            }
        }
    }

    private void dispatchReadable() {
        long end = commitLog.dispatchableEnd();
        while (reputFromOffset < end) {
            long min = commitLog.getMinOffset();
            if (reputFromOffset < min) {
                LOG.warn("dispatch offset {} is below the commit-log min {}, jumping", reputFromOffset, min);
                reputFromOffset = min;
            }
            SelectMappedBufferResult data = commitLog.getData(reputFromOffset);
            if (data == null) {
                return;
            }
            try {
                if (!dispatchBuffer(data.getByteBuffer(), end)) {
                    return;
                }
            } finally {
                data.release();
            }
        }
    }

    /** Returns false when dispatch must stop (invalid bytes, or {@code end} reached). */
    private boolean dispatchBuffer(ByteBuffer buf, long end) {
        while (buf.hasRemaining()) {
            long offset = reputFromOffset;
            if (offset >= end) {
                return false;
            }
            DispatchRequest req = reader.read(buf, offset, false);
            if (req.isSuccess() && offset + req.getMsgSize() > end) {
                return false;
            }
            if (req.isSuccess() && req.getMsgSize() > 0) {
                dispatch(req);
                reputFromOffset = offset + req.getMsgSize();
            } else if (req.isSuccess()) {
                reputFromOffset = commitLog.rollNextFile(offset);
                return true;
            } else if (isIncompleteTail(buf, offset, end)) {
                // a replica received the first part of a record (HA chunks need not end on a record boundary):
                // the rest follows in the next chunk
                return false;
            } else if (skipHole(offset)) {
                return true;
            } else {
                LOG.error("invalid record in the readable commit log at offset {}; dispatch stops there", offset);
                state.markLogicsError("invalid commit-log record at " + offset);
                return false;
            }
        }
        return true;
    }

    /**
     * The readable data ends inside a record that starts at {@code offset}: a record header (or less than one) whose
     * declared size reaches past {@code end}.
     */
    private static boolean isIncompleteTail(ByteBuffer buf, long offset, long end) {
        int available = buf.remaining();
        if (offset + available < end) {
            return false; // more readable data follows in this segment: not a tail
        }
        if (available < 8) {
            return true;
        }
        int size = buf.getInt(buf.position());
        int magic = buf.getInt(buf.position() + 4);
        return magic == MessageDecoder.MESSAGE_MAGIC_CODE && size > available && offset + size > end;
    }

    /** Jumps over invalid bytes followed by a valid record (a hole, docs/store.md "Holes"); false if none. */
    private boolean skipHole(long offset) {
        HoleFinder.Hole hole = holeFinder.find(commitLog.getMappedFileQueue().getMappedFiles(), offset,
            commitLog.getMaxOffset());
        if (hole.resumeAt() < 0) {
            return false;
        }
        LOG.warn("dispatch skips a commit-log hole of {} bytes at [{}, {})", hole.length(), offset, hole.resumeAt());
        reputFromOffset = hole.resumeAt();
        return true;
    }

    private void dispatch(DispatchRequest req) {
        if (!consumeQueues.dispatch(req)) {
            IOException cause = consumeQueues.lastCreateFailure(req.getTopic(), req.getQueueId());
            throw new SegmentUnavailable("consume queue " + req.getTopic() + "-" + req.getQueueId()
                + " cannot allocate a segment: " + (cause == null ? "unknown cause" : cause.getMessage()),
                OutOfSpaceException.isCause(cause));
        }
        if (indexService != null) {
            indexService.buildIndex(req);
        }
        lastDispatchedStoreTimestamp = req.getStoreTimestamp();
        if (listener != null) {
            listener.arriving(req.getTopic(), req.getQueueId(), req.getConsumeQueueOffset() + 1, req.getTagsCode(),
                req.getStoreTimestamp(), null, req.getPropertiesMap());
        }
    }

    /** A consume-queue segment could not be created; dispatch retries later. */
    private static final class SegmentUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final boolean outOfSpace;

        SegmentUnavailable(String message, boolean outOfSpace) {
            super(message, null, false, false);
            this.outOfSpace = outOfSpace;
        }
    }
}
